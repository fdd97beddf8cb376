package org.incidentplatform.localstack.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The few HTTP calls the suite makes, with the admin key and bounded timeouts (a hung call must not hang the suite). */
final class Api {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final String apiKey;

    Api(String apiKey) {
        this.apiKey = apiKey;
    }

    /** A GET that honours 429 + Retry-After a few times, as a well-behaved client does. */
    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
        for (int retry = 0; retry < 5 && response.statusCode() == 429; retry++) {
            long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            Thread.sleep(Duration.ofSeconds(Math.min(seconds, 5)));
            response = http.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return http.send(request(url).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> postAsync(String url, String json) {
        return http.sendAsync(request(url).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey);
    }
}
