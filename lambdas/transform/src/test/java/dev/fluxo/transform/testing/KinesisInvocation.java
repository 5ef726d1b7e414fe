package dev.fluxo.transform.testing;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import dev.fluxo.transform.KinesisTransformHandler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * One invocation of {@link KinesisTransformHandler} as the Lambda runtime makes it: the handler built by its no-argument
 * constructor from the environment (masking key, catalog, Powertools metrics), then one Kinesis event whose records
 * are the lines of the file {@code args[0]}, each a base64 payload. Prints the sequence numbers the response reports
 * failed ({@value #REPORTED} followed by them, or by nothing). ShadedLambdaJarTest runs it in a child JVM on the jar.
 */
public final class KinesisInvocation {
    /** What the output line of the response starts with. */
    public static final String REPORTED = "reported failed:";

    private KinesisInvocation() {
    }

    public static void main(String[] args) throws Exception {
        KinesisEvent event = DmsRecords.eventOf(Files.readAllLines(Path.of(args[0])).stream()
                .map(Base64.getDecoder()::decode).toList());
        KinesisTransformHandler handler = new KinesisTransformHandler();
        StreamsEventResponse response = handler.handleRequest(event, LambdaRuntime.context("fluxo-transform-kinesis"));
        StringBuilder line = new StringBuilder(REPORTED);
        for (BatchItemFailure failure : response.getBatchItemFailures()) {
            line.append(' ').append(failure.getItemIdentifier());
        }
        System.out.println(line);
    }
}
