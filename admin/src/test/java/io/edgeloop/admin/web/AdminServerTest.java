package io.edgeloop.admin.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeloop.admin.AdminOptions;
import io.edgeloop.admin.AdminServer;
import io.edgeloop.admin.SeededState;
import io.edgeloop.admin.approve.Decisions;
import io.edgeloop.admin.auth.PasswordHasher;
import io.edgeloop.admin.seed.SeedLibrary;
import io.edgeloop.admin.seed.Seeds;
import io.edgeloop.admin.view.KafkaClients;
import io.edgeloop.admin.view.ModelState;
import io.edgeloop.admin.view.ModelViews;
import io.edgeloop.admin.view.TickerHistory;
import io.edgeloop.core.config.AppConfig;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's access rules and API over real HTTP, without a broker: the views point at a
 * port nothing listens on (so the status says stale), decisions go to a MockProducer.
 */
class AdminServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static MockProducer<String, ApprovalDecision> producer;
    /** Whether the decisions see the (seeded) view as read to the end; the views themselves never get there. */
    private static final AtomicBoolean VIEW_CURRENT = new AtomicBoolean(true);
    private static ModelViews views;
    private static TickerHistory tickers;
    private static AdminServer server;
    private static WebClient web;
    private static String alice;
    private static String aliceCsrf;
    private static String bob;
    private static String bobCsrf;

    @BeforeAll
    static void start() throws Exception {
        Path operators = dir.resolve("operators");
        Files.writeString(operators, "alice:" + PasswordHasher.hash("alice-password".toCharArray(), PasswordHasher.MIN_ITERATIONS)
                + "\nbob:" + PasswordHasher.hash("bob-password".toCharArray(), PasswordHasher.MIN_ITERATIONS) + ":viewer\n");
        Path reports = Files.createDirectories(dir.resolve("reports/2026-04-17"));
        Files.writeString(reports.resolve("FINDINGS.html"), "<!doctype html><title>findings</title><h1>Findings</h1>");
        AppConfig config = AppConfig.resolve(AdminOptions.all(), new Properties(), Map.of(), List.of(
                "http.port=0", "operators.file=" + operators, "reports.dir=" + dir.resolve("reports"),
                "broker.timeout=1s", "stale.after=1s", "kafka.bootstrap.servers=127.0.0.1:1"));
        KafkaClients clients = new KafkaClients(Map.of("bootstrap.servers", "127.0.0.1:1"), Duration.ofSeconds(1));
        ModelState state = SeededState.of(Seeds.standard());
        producer = new MockProducer<>(true, null, Topics.APPROVALS.keySerde().serializer(), Topics.APPROVALS.valueSerde().serializer());
        views = ModelViews.start(clients, state, Duration.ofSeconds(1), Clock.systemUTC());
        tickers = new TickerHistory(clients, 100);
        Decisions decisions = new Decisions(producer, state, VIEW_CURRENT::get, Clock.systemUTC(), clients);
        server = AdminServer.start(config, state, views, tickers, decisions, Clock.systemUTC());
        web = new WebClient(server.port());
        HttpResponse<String> a = login("alice", "alice-password");
        alice = WebClient.cookieOf(a);
        aliceCsrf = JSON.readTree(a.body()).path("csrfToken").asText();
        HttpResponse<String> b = login("bob", "bob-password");
        bob = WebClient.cookieOf(b);
        bobCsrf = JSON.readTree(b.body()).path("csrfToken").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
        views.close();
        tickers.close();
    }

    private static HttpResponse<String> login(String user, String password) throws Exception {
        return web.post("/api/login", "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}", null);
    }

    private static long sent(String changeId) {
        return producer.history().stream().filter(r -> r.key().equals(changeId)).count();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void shouldServeThePageWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = web.get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>edgeloop admin</title>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(web.get("/static/vendor/lightweight-charts.standalone.production.js", null).body())
                .startsWith("/*!\n * @license\n * TradingView Lightweight Charts");
        assertThat(web.get("/static/index.html", null).statusCode()).as("the page only with its headers").isEqualTo(404);
    }

    @Test
    void shouldAnswer401ToEveryApiCallWithoutAValidSessionAndChangeNothing() throws Exception {
        for (String path : List.of("/api/session", "/api/status", "/api/overview", "/api/patterns", "/api/proposals",
                "/api/predictions", "/api/reports", "/api/tickers/AAPL", "/api/signals")) {
            assertThat(web.get(path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(web.get(path, "edgeloop_session=forged").statusCode()).as(path).isEqualTo(401);
        }
        HttpResponse<String> anonymous = web.post("/api/proposals/" + SeedLibrary.SECOND_PENDING_ID + "/approve",
                "{\"reason\":\"anonymous\"}", null, "X-CSRF-Token", aliceCsrf);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).path("error").asText()).contains("log in first");
        assertThat(sent(SeedLibrary.SECOND_PENDING_ID)).isZero();
    }

    @Test
    void shouldSetAnHttpOnlySameSiteStrictSessionCookieAtLogin() throws Exception {
        HttpResponse<String> response = login("alice", "alice-password");
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("edgeloop_session=").contains("; HttpOnly").contains("; SameSite=Strict")
                .contains("; Path=/").contains("; Max-Age=28800");
        assertThat(json(response).path("actor").asText()).isEqualTo("operator:alice");
        assertThat(web.get("/api/session", WebClient.cookieOf(response)).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAWrongPasswordAndAnUnknownNameWithTheSame401() throws Exception {
        HttpResponse<String> wrong = login("alice", "not-her-password");
        HttpResponse<String> unknown = login("mallory", "alice-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body()).contains("unknown operator or wrong password");
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void shouldLockANameOutAfterFiveWrongPasswords() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(login("carol", "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = login("carol", "guess-5");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(json(locked).path("error").asText()).contains("too many failed logins");
    }

    @Test
    void shouldRefuseAChangeWithoutOrWithAWrongCsrfTokenOrFromAnotherOrigin() throws Exception {
        String path = "/api/proposals/" + SeedLibrary.SECOND_PENDING_ID + "/reject";
        assertThat(web.post(path, "{\"reason\":\"no token\"}", alice).statusCode()).isEqualTo(403);
        assertThat(web.post(path, "{\"reason\":\"bob's token\"}", alice, "X-CSRF-Token", bobCsrf).statusCode()).isEqualTo(403);
        HttpResponse<String> crossOrigin = web.post(path, "{\"reason\":\"evil\"}", alice, "X-CSRF-Token", aliceCsrf,
                "Origin", "http://evil.example");
        assertThat(crossOrigin.statusCode()).isEqualTo(403);
        assertThat(json(crossOrigin).path("error").asText()).contains("cross-origin");
        assertThat(sent(SeedLibrary.SECOND_PENDING_ID)).isZero();
    }

    @Test
    void shouldForbidAViewerToDecide() throws Exception {
        HttpResponse<String> response = web.post("/api/proposals/" + SeedLibrary.SECOND_PENDING_ID + "/approve",
                "{\"reason\":\"looks fine\"}", bob, "X-CSRF-Token", bobCsrf);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("error").asText()).contains("role viewer");
        assertThat(sent(SeedLibrary.SECOND_PENDING_ID)).isZero();
        assertThat(web.get("/api/proposals", bob).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldSendAnOperatorsApprovalOnceAndAnswerTheSecondWith409() throws Exception {
        String path = "/api/proposals/" + SeedLibrary.PENDING_ID + "/approve";
        HttpResponse<String> first = web.post(path, "{\"reason\":\"recent window lost its edge\"}", alice,
                "X-CSRF-Token", aliceCsrf, "Origin", "http://127.0.0.1:" + server.port());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).path("actor").asText()).isEqualTo("operator:alice");
        assertThat(json(first).path("reason").asText()).isEqualTo("recent window lost its edge");
        HttpResponse<String> second = web.post(path, "{\"reason\":\"again\"}", alice, "X-CSRF-Token", aliceCsrf);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(sent(SeedLibrary.PENDING_ID)).isEqualTo(1);
        JsonNode proposals = json(web.get("/api/proposals", alice));
        assertThat(proposals.path("pending").findValues("awaiting").toString()).contains("operator:alice");
    }

    @Test
    void shouldAnswerRefusedDecisionsWithTheirReasonAndStatus() throws Exception {
        assertThat(web.post("/api/proposals/nope/approve", "{\"reason\":\"x\"}", alice, "X-CSRF-Token", aliceCsrf)
                .statusCode()).isEqualTo(404);
        HttpResponse<String> decided = web.post("/api/proposals/" + SeedLibrary.REJECTED_ID + "/approve",
                "{\"reason\":\"x\"}", alice, "X-CSRF-Token", aliceCsrf);
        assertThat(decided.statusCode()).isEqualTo(409);
        assertThat(json(decided).path("error").asText()).contains("already REJECTED");
        assertThat(web.post("/api/proposals/" + SeedLibrary.SECOND_PENDING_ID + "/reject", "{\"reason\":\"  \"}", alice,
                "X-CSRF-Token", aliceCsrf).statusCode()).isEqualTo(400);
        assertThat(web.post("/api/rollback", "{\"version\":7,\"reason\":\"x\"}", alice, "X-CSRF-Token", aliceCsrf)
                .statusCode()).isEqualTo(400);
        assertThat(sent(SeedLibrary.SECOND_PENDING_ID)).isZero();
    }

    @Test
    void shouldAnswer503WhileTheViewIsStillReadingTheTopicsAndSendNothing() throws Exception {
        long refused = metric("edgeloop_admin_decisions_refused_total");
        long deferred = metric("edgeloop_admin_decisions_deferred_total");
        VIEW_CURRENT.set(false);
        try {
            HttpResponse<String> early = web.post("/api/proposals/" + SeedLibrary.SECOND_PENDING_ID + "/reject",
                    "{\"reason\":\"no edge\"}", alice, "X-CSRF-Token", aliceCsrf);
            assertThat(early.statusCode()).isEqualTo(503);
            assertThat(json(early).path("error").asText()).contains("still reading model-changelog and approvals")
                    .contains("try again in a moment");
            assertThat(web.post("/api/rollback", "{\"version\":1,\"reason\":\"x\"}", alice, "X-CSRF-Token",
                    aliceCsrf).statusCode()).isEqualTo(503);
            assertThat(sent(SeedLibrary.SECOND_PENDING_ID)).isZero();
            assertThat(web.get("/api/proposals", alice).statusCode()).as("reading goes on").isEqualTo(200);
            assertThat(metric("edgeloop_admin_decisions_deferred_total")).as("both answers counted as deferred")
                    .isEqualTo(deferred + 2);
            assertThat(metric("edgeloop_admin_decisions_refused_total")).as("not as refused: nothing was wrong with them")
                    .isEqualTo(refused);
        } finally {
            VIEW_CURRENT.set(true);
        }
    }

    /** A counter's value at {@code /metrics} now. */
    private static long metric(String name) throws Exception {
        String body = web.get("/metrics", null).body();
        return body.lines().filter(l -> l.startsWith(name + " ")).mapToLong(l -> (long) Double.parseDouble(l.substring(name.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not in /metrics"));
    }

    @Test
    void shouldSendARollbackToAnEarlierVersion() throws Exception {
        HttpResponse<String> response = web.post("/api/rollback", "{\"version\":1,\"reason\":\"premature degrade\"}",
                alice, "X-CSRF-Token", aliceCsrf);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("targetLibraryVersion").asLong()).isEqualTo(1);
        assertThat(json(response).path("action").asText()).isEqualTo("ROLLBACK");
    }

    @Test
    void shouldServeTheSeedsFiguresAndSayTheDataIsStaleWithoutABroker() throws Exception {
        JsonNode overview = json(web.get("/api/overview", bob));
        assertThat(overview.path("health").path("predictions").asInt()).isEqualTo(Seeds.standard().predictions.size());
        assertThat(overview.path("health").path("libraryVersion").asLong()).isEqualTo(2);
        assertThat(overview.path("market").path("key").asText()).isEqualTo("ALL");
        assertThat(json(web.get("/api/patterns", bob)).path("patterns")).hasSize(17);
        assertThat(json(web.get("/api/patterns/bull_state_dominance", bob)).path("rule").path("text").asText())
                .isEqualTo("state == HTF_BULL_LTF_BULL");
        assertThat(web.get("/api/patterns/nope", bob).statusCode()).isEqualTo(404);
        assertThat(json(web.get("/api/predictions?limit=3&resolved=true", bob)).path("rows")).hasSize(3);
        assertThat(web.get("/api/predictions?hit=maybe", bob).statusCode()).isEqualTo(400);
        Thread.sleep(1500);
        JsonNode status = json(web.get("/api/status", bob)).path("view");
        assertThat(status.path("stale").asBoolean()).isTrue();
        assertThat(status.path("current").asBoolean()).as("never read to the end: no cluster").isFalse();
        assertThat(status.path("current").isBoolean()).isTrue();
        assertThat(status.path("bootstrap").asText()).isEqualTo("127.0.0.1:1");
        HttpResponse<String> ticker = web.get("/api/tickers/AAPL", bob);
        assertThat(ticker.statusCode()).isEqualTo(503);
        assertThat(json(ticker).path("error").asText()).contains("cannot reach the Kafka cluster at 127.0.0.1:1");
    }

    @Test
    void shouldListAndServeReportsOnlyToALoggedInOperatorAndOnlyFromTheDirectory() throws Exception {
        JsonNode listing = json(web.get("/api/reports", bob));
        assertThat(listing.path("latestFindings").path("name").asText()).isEqualTo("2026-04-17/FINDINGS.html");
        assertThat(listing.path("latestRetro").isNull()).isTrue();
        HttpResponse<String> report = web.get("/reports/view?file=2026-04-17/FINDINGS.html", bob);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("<h1>Findings</h1>");
        assertThat(report.headers().firstValue("Content-Security-Policy")).get().asString().startsWith("sandbox");
        assertThat(web.get("/reports/view?file=2026-04-17/FINDINGS.html", null).statusCode()).isEqualTo(401);
        assertThat(web.get("/reports/view?file=../operators", bob).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswerProbesAndScrapersWithoutASession() throws Exception {
        HttpResponse<String> health = web.get("/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).path("status").asText()).isEqualTo("UP");
        assertThat(json(health).path("current").isBoolean()).isTrue();
        assertThat(json(health).path("current").asBoolean()).as("no cluster: the view is not current").isFalse();
        HttpResponse<String> metrics = web.get("/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).contains("# TYPE edgeloop_admin_logins_failed_total counter\n")
                .contains("\nedgeloop_admin_predictions " + Seeds.standard().predictions.size() + "\n")
                .contains("\nedgeloop_admin_library_version 2\n")
                .contains("# TYPE edgeloop_admin_view_current gauge\n").contains("\nedgeloop_admin_view_current 0\n");
    }

    @Test
    void shouldRefuseEveryLoginWithTheReasonWhileTheOperatorsFileIsMissing() throws Exception {
        AppConfig config = AppConfig.resolve(AdminOptions.all(), new Properties(), Map.of(), List.of(
                "http.port=0", "operators.file=" + dir.resolve("no-such-file"), "kafka.bootstrap.servers=127.0.0.1:1"));
        try (AdminServer other = AdminServer.start(config, new ModelState(), views, tickers,
                new Decisions(producer, new ModelState(), () -> true, Clock.systemUTC(),
                        new KafkaClients(Map.of("bootstrap.servers", "127.0.0.1:1"), Duration.ofSeconds(1))),
                Clock.systemUTC())) {
            HttpResponse<String> login = new WebClient(other.port()).post("/api/login",
                    "{\"user\":\"alice\",\"password\":\"alice-password\"}", null);
            assertThat(login.statusCode()).isEqualTo(503);
            assertThat(json(login).path("error").asText()).contains("no operators file at");
            assertThat(new WebClient(other.port()).get("/health", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldEndASessionOnceTheOperatorsFileDropsItsOperatorOrChangesTheirPassword() throws Exception {
        Path operators = dir.resolve("operators");
        String before = Files.readString(operators);
        String carolHash = hash("carol-password");
        String daveHash = hash("dave-password");
        try {
            Files.writeString(operators, before + "carol:" + carolHash + "\ndave:" + daveHash + "\n");
            HttpResponse<String> carol = login("carol", "carol-password");
            HttpResponse<String> dave = login("dave", "dave-password");
            assertThat(web.get("/api/overview", WebClient.cookieOf(carol)).statusCode()).isEqualTo(200);

            // carol demoted to viewer: her open session decides no more
            Files.writeString(operators, before + "carol:" + carolHash + ":viewer\ndave:" + daveHash + "\n");
            HttpResponse<String> approve = web.post("/api/proposals/" + SeedLibrary.SECOND_PENDING_ID + "/approve",
                    "{\"reason\":\"looks fine\"}", WebClient.cookieOf(carol), "X-CSRF-Token",
                    json(carol).path("csrfToken").asText());
            assertThat(approve.statusCode()).isEqualTo(403);
            assertThat(json(approve).path("error").asText()).contains("role viewer");
            assertThat(sent(SeedLibrary.SECOND_PENDING_ID)).isZero();
            assertThat(web.get("/api/overview", WebClient.cookieOf(dave)).statusCode()).isEqualTo(200);

            // carol removed, dave's password changed: both sessions end
            Files.writeString(operators, before + "dave:" + hash("dave-new-password") + "\n");
            HttpResponse<String> removed = web.get("/api/overview", WebClient.cookieOf(carol));
            assertThat(removed.statusCode()).isEqualTo(401);
            assertThat(json(removed).path("error").asText()).contains("removed or their password changed");
            assertThat(web.get("/api/overview", WebClient.cookieOf(dave)).statusCode()).isEqualTo(401);
            assertThat(web.get("/api/overview", alice).statusCode()).as("other sessions go on").isEqualTo(200);
        } finally {
            Files.writeString(operators, before);
        }
        assertThat(web.get("/api/overview", alice).statusCode()).isEqualTo(200);
    }

    /**
     * A password rotation must end the old password's sessions and logins. A new hash of
     * the same scheme and iterations always has the same length, so the rewritten file keeps its
     * size; when it also keeps its modification time (copied in with cp -p, rsync -a or tar, or on
     * a file system with coarse timestamps) {@code AccountsFile} never reads it again.
     */
    @Test
    void shouldEndTheOldPasswordsSessionAndLoginsOnceAPasswordIsRotatedEvenWhenTheFileKeepsItsSizeAndTime()
            throws Exception {
        Path operators = dir.resolve("operators");
        String before = Files.readString(operators);
        FileTime stamp = FileTime.from(Instant.parse("2026-04-01T08:00:00Z"));
        try {
            String oldLine = "erin:" + hash("erin-old-password") + "\n";
            Files.writeString(operators, before + oldLine);
            Files.setLastModifiedTime(operators, stamp);
            HttpResponse<String> erin = login("erin", "erin-old-password");
            assertThat(erin.statusCode()).isEqualTo(200);
            long size = Files.size(operators);

            // erin's password leaked: the admin rotates it (a new hash, same length) and copies the file in place
            Files.writeString(operators, before + "erin:" + hash("erin-new-password") + "\n");
            Files.setLastModifiedTime(operators, stamp);
            assertThat(Files.size(operators)).as("a rotated hash has the same length").isEqualTo(size);

            assertThat(web.get("/api/overview", WebClient.cookieOf(erin)).statusCode())
                    .as("the session opened with the old password").isEqualTo(401);
            assertThat(login("erin", "erin-old-password").statusCode()).as("a login with the old password")
                    .isEqualTo(401);
            assertThat(login("erin", "erin-new-password").statusCode()).as("a login with the new password")
                    .isEqualTo(200);

            // the session was closed: putting the old line back does not bring it back
            Files.writeString(operators, before + oldLine);
            assertThat(web.get("/api/overview", WebClient.cookieOf(erin)).statusCode())
                    .as("the old password's session once its line is back").isEqualTo(401);
        } finally {
            Files.writeString(operators, before);
        }
    }

    private static String hash(String password) {
        return PasswordHasher.hash(password.toCharArray(), PasswordHasher.MIN_ITERATIONS);
    }

    @Test
    void shouldEndTheSessionAtLogout() throws Exception {
        HttpResponse<String> login = login("alice", "alice-password");
        String cookie = WebClient.cookieOf(login);
        String csrf = json(login).path("csrfToken").asText();
        HttpResponse<String> logout = web.post("/api/logout", "{}", cookie, "X-CSRF-Token", csrf);
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(logout.headers().firstValue("Set-Cookie")).get().asString().contains("Max-Age=0");
        assertThat(web.get("/api/overview", cookie).statusCode()).isEqualTo(401);
    }
}
