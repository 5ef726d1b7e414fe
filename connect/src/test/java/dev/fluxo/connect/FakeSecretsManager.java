package dev.fluxo.connect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets Manager's GetSecretValue over HTTP on 127.0.0.1, as the AWS JSON 1.1 protocol shapes it: the real SDK client
 * talks to it, so the test proves the request the provider sends (target, secret id, SigV4 scope) and how it reads
 * the answer. Secret values are JSON strings without quotes or backslashes (enough for credentials in tests).
 */
final class FakeSecretsManager implements AutoCloseable {
    private static final Pattern SECRET_ID = Pattern.compile("\"SecretId\"\\s*:\\s*\"([^\"]*)\"");

    /** What one request carried. */
    record Request(String target, String secretId, String authorization) {
    }

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeSecretsManager() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    void put(String name, String secretString) {
        secrets.put(name, secretString);
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher id = SECRET_ID.matcher(body);
        String secretId = id.find() ? id.group(1) : null;
        requests.add(new Request(exchange.getRequestHeaders().getFirst("X-Amz-Target"), secretId,
                exchange.getRequestHeaders().getFirst("Authorization")));
        String value = secretId == null ? null : secrets.get(secretId);
        if (value == null) {
            respond(exchange, 400, "{\"__type\":\"ResourceNotFoundException\","
                    + "\"message\":\"Secrets Manager can't find the specified secret.\"}");
            return;
        }
        respond(exchange, 200, "{\"ARN\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:" + secretId
                + "-AbCdEf\",\"Name\":\"" + secretId + "\",\"SecretString\":\"" + value.replace("\"", "\\\"")
                + "\",\"VersionId\":\"v1\"}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
