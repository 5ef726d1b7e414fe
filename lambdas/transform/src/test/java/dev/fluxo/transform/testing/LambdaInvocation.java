package dev.fluxo.transform.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.fluxo.transform.KinesisTransformHandler;
import dev.fluxo.transform.MskTransformHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One invocation of a transform handler as the Lambda Java runtime makes it: the handler built by its no-argument
 * constructor from the environment (masking key, catalog, Powertools metrics), the event read from the JSON file
 * {@code args[1]} and the response written back as JSON by the runtime's own serializers (aws-lambda-java-serialization,
 * which sets and gets the event classes' properties by reflection). {@code args[0]} names the handler: {@value #MSK}
 * or {@value #KINESIS}. Prints the response after {@value #RESPONSE}. ShadedLambdaJarTest runs it in a child JVM on
 * the jar.
 */
public final class LambdaInvocation {
    /** What the output line of the response starts with. */
    public static final String RESPONSE = "response: ";
    /** {@link MskTransformHandler}, fed a {@link KafkaEvent}. */
    public static final String MSK = "msk";
    /** {@link KinesisTransformHandler}, fed a {@link KinesisEvent}. */
    public static final String KINESIS = "kinesis";

    private LambdaInvocation() {
    }

    public static void main(String[] args) throws Exception {
        Context context = LambdaRuntime.context("fluxo-transform-" + args[0]);
        Object response;
        try (InputStream json = Files.newInputStream(Path.of(args[1]))) {
            response = switch (args[0]) {
                case MSK -> new MskTransformHandler().handleRequest(serializer(KafkaEvent.class).fromJson(json), context);
                case KINESIS -> new KinesisTransformHandler().handleRequest(
                        serializer(KinesisEvent.class).fromJson(json), context);
                default -> throw new IllegalArgumentException("no handler " + args[0] + ": " + MSK + " or " + KINESIS);
            };
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        toJson(response, out);
        System.out.println(RESPONSE + out.toString(StandardCharsets.UTF_8));
    }

    /** Writes {@code value} as the runtime would: its event serializer for Lambda event types, else plain Jackson. */
    @SuppressWarnings("unchecked")
    public static <T> void toJson(T value, OutputStream out) throws IOException {
        serializer((Class<T>) value.getClass()).toJson(value, out);
    }

    /** The serializer the runtime picks for a handler's type: its event serializers, else plain Jackson. */
    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, LambdaInvocation.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(type);
    }
}
