package dev.fluxo.producer.bench;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.sun.net.httpserver.HttpServer;
import dev.fluxo.producer.BatchSummary;
import dev.fluxo.producer.ProducerHandler;
import dev.fluxo.producer.TestContext;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Cold init of the Lambda: JVM start to a constructed {@link ProducerHandler} (what Lambda's init phase, or a
 * SnapStart snapshot, covers). Run against the shaded jar, see BENCHMARKS.part.md. With the argument
 * {@code invoke PORT} it then serves a fake Secrets Manager on 127.0.0.1:PORT (point
 * {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} at it) and invokes the handler once, end to end.
 */
public final class HandlerInit {
    private HandlerInit() {
    }

    public static void main(String[] args) throws IOException {
        long constructStart = System.currentTimeMillis();
        ProducerHandler handler = new ProducerHandler();
        long ready = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        LoggerFactory.getLogger(HandlerInit.class).info("handler ready, batch size {}", handler.settings().batchSize());
        System.out.printf("JVM start -> handler ready: %d ms (constructor %d ms)%n", ready - jvmStart,
                ready - constructStart);
        if (args.length == 2 && args[0].equals("invoke")) {
            HttpServer secrets = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])), 0);
            secrets.createContext("/", exchange -> {
                byte[] body = ("{\"ARN\":\"arn\",\"Name\":\"db\",\"SecretString\":"
                        + "\"{\\\"username\\\":\\\"postgres\\\",\\\"password\\\":\\\"pw\\\"}\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            secrets.start();
            long t = System.currentTimeMillis();
            BatchSummary summary = handler.handleRequest(new ScheduledEvent(), new TestContext());
            System.out.printf("first invocation: %s in %d ms%n", summary, System.currentTimeMillis() - t);
            t = System.currentTimeMillis();
            summary = handler.handleRequest(new ScheduledEvent(), new TestContext());
            System.out.printf("second invocation: %s in %d ms%n", summary, System.currentTimeMillis() - t);
            secrets.stop(0);
        }
    }
}
