package org.seuil.sync.client;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends one HTTP request. The seam where tests put a fault-injecting layer (dropped requests,
 * lost answers, duplicates) between the real client and the real server.
 */
@FunctionalInterface
public interface HttpTransport {
    HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException;

    /** The JDK client, HTTP/1.1, with a connect timeout. */
    static HttpTransport jdk() {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return request -> client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
