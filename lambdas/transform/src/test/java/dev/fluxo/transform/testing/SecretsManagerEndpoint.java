package dev.fluxo.transform.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Secrets Manager holding one secret, on 127.0.0.1: answers every {@code GetSecretValue} (AWS JSON 1.1) with its
 * string value and records the target header and body of each request. For a function in another JVM, pointed here
 * with {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}. The value must need no JSON escaping.
 */
public final class SecretsManagerEndpoint implements AutoCloseable {
    /** One request: its {@code X-Amz-Target} header and JSON body. */
    public record Request(String target, String body) {
    }

    private final HttpServer server;
    private final String arn;
    private final String value;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private SecretsManagerEndpoint(String arn, String value) throws IOException {
        this.arn = arn;
        this.value = value;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Serves secret {@code arn} with string value {@code value}. */
    public static SecretsManagerEndpoint serving(String arn, String value) throws IOException {
        return new SecretsManagerEndpoint(arn, value);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(new Request(exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        byte[] json = ("{\"ARN\":\"" + arn + "\",\"Name\":\"masking-key\",\"SecretString\":\"" + value
                + "\",\"VersionId\":\"v1\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(200, json.length);
        exchange.getResponseBody().write(json);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
