package io.edgeloop.admin.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** A plain HTTP client for the dashboard's API that sends exactly the cookie and headers a test gives. */
final class WebClient {

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    WebClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json, String cookie, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        List<String> all = new ArrayList<>(List.of(headers));
        for (int i = 0; i + 1 < all.size(); i += 2) {
            b.header(all.get(i), all.get(i + 1));
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code name=value} part of a Set-Cookie header, for sending back. */
    static String cookieOf(HttpResponse<String> login) {
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
