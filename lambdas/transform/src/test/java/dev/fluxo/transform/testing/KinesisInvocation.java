package dev.fluxo.transform.testing;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.fluxo.transform.KinesisTransformHandler;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One invocation of {@link KinesisTransformHandler} as the Lambda Java runtime makes it: the handler built by its
 * no-argument constructor from the environment (masking key, catalog, Powertools metrics), the event read from the
 * JSON file {@code args[0]} and the response written back as JSON by the runtime's own serializers
 * (aws-lambda-java-serialization, which sets and gets the event classes' properties by reflection). Prints the
 * response after {@value #RESPONSE}. ShadedLambdaJarTest runs it in a child JVM on the jar.
 */
public final class KinesisInvocation {
    /** What the output line of the response starts with. */
    public static final String RESPONSE = "response: ";

    private KinesisInvocation() {
    }

    public static void main(String[] args) throws Exception {
        KinesisEvent event;
        try (InputStream json = Files.newInputStream(Path.of(args[0]))) {
            event = serializer(KinesisEvent.class).fromJson(json);
        }
        KinesisTransformHandler handler = new KinesisTransformHandler();
        StreamsEventResponse response = handler.handleRequest(event, LambdaRuntime.context("fluxo-transform-kinesis"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer(StreamsEventResponse.class).toJson(response, out);
        System.out.println(RESPONSE + out.toString(StandardCharsets.UTF_8));
    }

    /** The serializer the runtime picks for a handler's type: its event serializers, else plain Jackson. */
    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, KinesisInvocation.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(type);
    }
}
