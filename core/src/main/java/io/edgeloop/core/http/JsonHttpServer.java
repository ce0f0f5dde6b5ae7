package io.edgeloop.core.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small JSON-over-HTTP server for the apps' query APIs, on the JDK's built-in
 * {@link HttpServer} (no web framework, so nothing clashes with the Jetty that Kafka Connect
 * brings into the one-process stack). Routes are {@code GET} paths with {@code {name}}
 * placeholders; a handler returns any Jackson-serialisable value, or throws
 * {@link HttpError} for a 4xx/5xx answer with a JSON body {@code {"error": "..."}}.
 */
public final class JsonHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonHttpServer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        Object handle(Request request) throws Exception;
    }

    /** What a handler sees of a request: path parameters and the first value of each query parameter. */
    public record Request(Map<String, String> path, Map<String, String> query) {
        public String query(String name, String fallback) {
            return query.getOrDefault(name, fallback);
        }

        public int queryInt(String name, int fallback) {
            String value = query.get(name);
            if (value == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new HttpError(400, name + " must be an integer, got '" + value + "'");
            }
        }
    }

    /** An answer other than 200, with its reason. */
    public static final class HttpError extends RuntimeException {
        private final int status;

        public HttpError(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private record Route(Pattern pattern, List<String> names, Handler handler) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Route> routes = new ArrayList<>();

    /** Binds {@code host:port} (port 0 picks a free one); call {@link #start()} after adding routes. */
    public JsonHttpServer(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "edgeloop-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    /** Adds a GET route such as {@code /model/tickers/{ticker}}. */
    public JsonHttpServer get(String template, Handler handler) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([a-zA-Z]+)}").matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(Pattern.compile(regex.toString()), names, handler));
        return this;
    }

    public JsonHttpServer start() {
        server.start();
        return this;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, Map.of("error", "only GET is served here"));
                return;
            }
            URI uri = exchange.getRequestURI();
            for (Route route : routes) {
                Matcher m = route.pattern.matcher(uri.getPath());
                if (m.matches()) {
                    Map<String, String> path = new LinkedHashMap<>();
                    for (int i = 0; i < route.names.size(); i++) {
                        path.put(route.names.get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
                    }
                    answer(exchange, route.handler, new Request(Collections.unmodifiableMap(path), query(uri)));
                    return;
                }
            }
            send(exchange, 404, Map.of("error", "no such resource: " + uri.getPath()));
        }
    }

    private void answer(HttpExchange exchange, Handler handler, Request request) throws IOException {
        try {
            send(exchange, 200, handler.handle(request));
        } catch (HttpError e) {
            send(exchange, e.status(), Map.of("error", e.getMessage()));
        } catch (Exception e) {
            LOG.warn("query {} failed", exchange.getRequestURI(), e);
            send(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(key, value);
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
