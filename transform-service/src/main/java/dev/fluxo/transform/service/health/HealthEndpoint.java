package dev.fluxo.transform.service.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code GET }{@value #PATH} over the JDK's HTTP server, for the pod's liveness and readiness probes: {@code 200} with
 * the {@link Health} detail while the check is up, {@code 503} otherwise; other methods get {@code 405}, other paths
 * {@code 404}. Listens on every interface (the kubelet probes the pod's address).
 */
public final class HealthEndpoint implements AutoCloseable {
    public static final String PATH = "/health";

    private final HttpServer server;

    private HealthEndpoint(HttpServer server) {
        this.server = server;
    }

    /**
     * @param port  the port ({@code 0}: any free one, see {@link #port()})
     * @param check asked on every request
     * @throws IOException when the port cannot be bound
     */
    public static HealthEndpoint start(int port, Supplier<Health> check) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext(PATH, exchange -> answer(exchange, check));
        server.start();
        return new HealthEndpoint(server);
    }

    private static void answer(HttpExchange exchange, Supplier<Health> check) throws IOException {
        try (exchange) {
            boolean head = exchange.getRequestMethod().equals("HEAD");
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!head && !exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Health health = check.get();
            byte[] body = (health.detail() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(health.up() ? 200 : 503, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
