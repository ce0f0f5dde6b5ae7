package io.edgeloop.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small JSON-over-HTTP server for the apps' query APIs, on the JDK's built-in
 * {@link HttpServer} (no web framework, so nothing clashes with the Jetty that Kafka Connect
 * brings into the one-process stack). Routes are {@code GET} or {@code POST} paths with
 * {@code {name}} placeholders; a handler returns any Jackson-serialisable value (a 200 JSON
 * answer), a {@link Response} for full control of status, headers and body, or throws
 * {@link HttpError} for a 4xx/5xx answer with a JSON body {@code {"error": "..."}}.
 *
 * <p>Besides routes it serves static files from the classpath ({@link #resources}), so a web page
 * and its API come from one port. Every answer carries {@code X-Content-Type-Options: nosniff};
 * {@code Access-Control-Allow-Origin: *} is on by default for the read-only query APIs and can be
 * switched off ({@link #anyOrigin(boolean)}) for a server with sessions. Request bodies larger
 * than {@value #MAX_BODY_BYTES} bytes are refused with 413.
 */
public final class JsonHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonHttpServer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JSON = "application/json; charset=utf-8";
    /** Largest request body accepted, in bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", JSON),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        Object handle(Request request) throws Exception;
    }

    /**
     * What a handler sees of a request.
     *
     * @param method  HTTP method, upper case
     * @param path    path parameters bound from the route's placeholders
     * @param query   the first value of each query parameter
     * @param headers request headers (first value each), names case-insensitive
     * @param cookies cookies sent with the request, by name
     * @param body    the request body as UTF-8 text (empty for GET)
     */
    public record Request(String method, Map<String, String> path, Map<String, String> query,
                          Map<String, String> headers, Map<String, String> cookies, String body) {

        /** A GET request with only path and query parameters (as the query APIs see it). */
        public Request(Map<String, String> path, Map<String, String> query) {
            this("GET", path, query, Map.of(), Map.of(), "");
        }

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

        /** A header's first value; names are case-insensitive. */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        /** A cookie's value. */
        public Optional<String> cookie(String name) {
            return Optional.ofNullable(cookies.get(name));
        }

        /**
         * The body as a JSON object: 415 unless the request says {@code Content-Type:
         * application/json}, 400 when the body is not one JSON object.
         */
        public JsonNode json() {
            String type = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/json")) {
                throw new HttpError(415, "send the body as application/json");
            }
            try {
                JsonNode node = MAPPER.readTree(body);
                if (node == null || !node.isObject()) {
                    throw new HttpError(400, "the body must be one JSON object");
                }
                return node;
            } catch (JsonProcessingException e) {
                throw new HttpError(400, "malformed JSON body: " + e.getOriginalMessage());
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

    /**
     * A complete answer: status, content type, body and extra headers (a header may repeat, as
     * {@code Set-Cookie} does). Immutable; {@link #withHeader} returns a copy.
     */
    public static final class Response {
        private final int status;
        private final String contentType;
        private final byte[] body;
        private final List<Map.Entry<String, String>> headers;

        private Response(int status, String contentType, byte[] body, List<Map.Entry<String, String>> headers) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
            this.headers = List.copyOf(headers);
        }

        /** A JSON answer with any Jackson-serialisable body. */
        public static Response json(int status, Object body) {
            try {
                return new Response(status, JSON, MAPPER.writeValueAsBytes(body), List.of());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot render the answer as JSON", e);
            }
        }

        /** An answer with the given content type and bytes. */
        public static Response of(int status, String contentType, byte[] body) {
            return new Response(status, contentType, body.clone(), List.of());
        }

        /** A copy with one more header. */
        public Response withHeader(String name, String value) {
            List<Map.Entry<String, String>> more = new ArrayList<>(headers);
            more.add(Map.entry(name, value));
            return new Response(status, contentType, body, more);
        }

        public int status() {
            return status;
        }

        public String contentType() {
            return contentType;
        }

        /** Values of a header this answer sets, in order. */
        public List<String> headers(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
        }
    }

    private record Route(String method, Pattern pattern, List<String> names, Handler handler) {
    }

    private record Resources(String prefix, ClassLoader loader, String root) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Route> routes = new ArrayList<>();
    private final List<Resources> resources = new ArrayList<>();
    private volatile boolean anyOrigin = true;

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
        return route("GET", template, handler);
    }

    /** Adds a POST route; the handler reads the body with {@link Request#json()} or {@link Request#body()}. */
    public JsonHttpServer post(String template, Handler handler) {
        return route("POST", template, handler);
    }

    /**
     * Serves the classpath directory {@code root} (as seen by {@code anchor}'s class loader) under
     * the URL prefix {@code prefix} for GET requests that no route answered: {@code prefix + "a/b.js"}
     * is the resource {@code root/a/b.js}, and the prefix itself (or a path ending in {@code /})
     * is {@code index.html}. Paths with {@code ..} or backslashes are never resolved.
     */
    public JsonHttpServer resources(String prefix, Class<?> anchor, String root) {
        if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("a resource prefix starts and ends with '/': " + prefix);
        }
        resources.add(new Resources(prefix, anchor.getClassLoader(), root.replaceAll("^/+|/+$", "")));
        return this;
    }

    /** Whether answers carry {@code Access-Control-Allow-Origin: *} (on by default). */
    public JsonHttpServer anyOrigin(boolean on) {
        this.anyOrigin = on;
        return this;
    }

    private JsonHttpServer route(String method, String template, Handler handler) {
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
        routes.add(new Route(method, Pattern.compile(regex.toString()), names, handler));
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
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            URI uri = exchange.getRequestURI();
            Set<String> allowed = new LinkedHashSet<>();
            for (Route route : routes) {
                Matcher m = route.pattern.matcher(uri.getPath());
                if (!m.matches()) {
                    continue;
                }
                if (!route.method.equals(method)) {
                    allowed.add(route.method);
                    continue;
                }
                Map<String, String> path = new LinkedHashMap<>();
                for (int i = 0; i < route.names.size(); i++) {
                    path.put(route.names.get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
                }
                answer(exchange, route.handler, path, uri, method);
                return;
            }
            if ("GET".equals(method) && serveResource(exchange, uri.getPath())) {
                return;
            }
            if (!allowed.isEmpty()) {
                send(exchange, Response.json(405, Map.of("error", method + " is not served at " + uri.getPath()))
                        .withHeader("Allow", String.join(", ", allowed)));
            } else if (!"GET".equals(method) && routes.stream().noneMatch(r -> r.method.equals(method))) {
                send(exchange, Response.json(405, Map.of("error", "only GET is served here")));
            } else {
                send(exchange, Response.json(404, Map.of("error", "no such resource: " + uri.getPath())));
            }
        }
    }

    private void answer(HttpExchange exchange, Handler handler, Map<String, String> path, URI uri, String method)
            throws IOException {
        try {
            Request request = new Request(method, Collections.unmodifiableMap(path), query(uri),
                    headers(exchange), cookies(exchange), body(exchange));
            Object result = handler.handle(request);
            send(exchange, result instanceof Response r ? r : Response.json(200, result));
        } catch (HttpError e) {
            send(exchange, Response.json(e.status(), Map.of("error", e.getMessage())));
        } catch (Exception e) {
            LOG.warn("query {} failed", exchange.getRequestURI(), e);
            send(exchange, Response.json(500, Map.of("error", String.valueOf(e.getMessage()))));
        }
    }

    private boolean serveResource(HttpExchange exchange, String path) throws IOException {
        for (Resources r : resources) {
            if (!path.startsWith(r.prefix) && !path.equals(r.prefix.substring(0, r.prefix.length() - 1))) {
                continue;
            }
            String rest = path.length() <= r.prefix.length() ? "" : path.substring(r.prefix.length());
            if (rest.isEmpty() || rest.endsWith("/")) {
                rest = rest + "index.html";
            }
            if (rest.contains("..") || rest.contains("\\") || rest.startsWith("/")) {
                continue;
            }
            try (InputStream in = r.loader.getResourceAsStream(r.root + "/" + rest)) {
                if (in == null) {
                    continue;
                }
                String extension = rest.substring(rest.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                send(exchange, Response.of(200, CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"),
                        in.readAllBytes()).withHeader("Cache-Control", "no-cache"));
                return true;
            }
        }
        return false;
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

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        return Collections.unmodifiableMap(headers);
    }

    /** Cookies from every {@code Cookie} header ({@code a=1; b=2}); the first of a repeated name wins. */
    private static Map<String, String> cookies(HttpExchange exchange) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.putIfAbsent(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        }
        return Collections.unmodifiableMap(cookies);
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new HttpError(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private void send(HttpExchange exchange, Response response) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType);
        headers.set("X-Content-Type-Options", "nosniff");
        if (anyOrigin) {
            headers.set("Access-Control-Allow-Origin", "*");
        }
        for (Map.Entry<String, String> h : response.headers) {
            headers.add(h.getKey(), h.getValue());
        }
        exchange.sendResponseHeaders(response.status, response.body.length == 0 ? -1 : response.body.length);
        if (response.body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
