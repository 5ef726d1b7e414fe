package dev.fluxo.transform.service.health;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class HealthEndpointTest {
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(int port, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answers200WhileTheCheckIsUpAnd503WhenItIsDown() throws Exception {
        AtomicReference<Health> state = new AtomicReference<>(new Health(true, "up: last poll 5 ms ago"));
        try (HealthEndpoint endpoint = HealthEndpoint.start(0, state::get)) {
            HttpResponse<String> up = send(endpoint.port(), "GET", HealthEndpoint.PATH);
            state.set(new Health(false, "down: the poller has stopped"));
            HttpResponse<String> down = send(endpoint.port(), "GET", HealthEndpoint.PATH);

            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("up: last poll 5 ms ago\n");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).isEqualTo("down: the poller has stopped\n");
        }
    }

    @Test
    void otherMethodsAndPathsAreRefused() throws Exception {
        try (HealthEndpoint endpoint = HealthEndpoint.start(0, () -> new Health(true, "up"))) {
            assertThat(send(endpoint.port(), "POST", HealthEndpoint.PATH).statusCode()).isEqualTo(405);
            assertThat(send(endpoint.port(), "GET", "/healthz").statusCode()).isEqualTo(404);
            assertThat(send(endpoint.port(), "GET", "/").statusCode()).isEqualTo(404);
        }
    }
}
