package io.edgeloop.admin.browser;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeloop.admin.AdminApp;
import io.edgeloop.admin.AdminOptions;
import io.edgeloop.admin.auth.PasswordHasher;
import io.edgeloop.admin.seed.RealCandles;
import io.edgeloop.admin.seed.RealSeed;
import io.edgeloop.admin.seed.SeedLibrary;
import io.edgeloop.admin.seed.SeedPublisher;
import io.edgeloop.admin.view.Health;
import io.edgeloop.admin.view.ModelState;
import io.edgeloop.resolver.ResolverApp;
import io.edgeloop.testsupport.Await;
import io.edgeloop.admin.seed.Seeds;
import io.edgeloop.core.candle.SectorMap;
import io.edgeloop.core.mining.Study;
import io.edgeloop.core.report.FindingsHtml;
import io.edgeloop.core.config.AppConfig;
import io.edgeloop.schemas.avro.ApprovalAction;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in headless Chromium against a real broker and the real resolver: the topics hold
 * real candles, score snapshots, predictions and signals of the real-data seed and two pending
 * proposals; the resolver measures the outcomes, its keeper seeds the library and its fast loop
 * learns. The test logs in, opens every tab and reads the figures, approves a proposal, finds
 * the decision in {@code approvals} with the operator and reason, and sees the keeper apply it
 * as a new library version; then new predictions arrive without a reload, and a second admin
 * without a reachable cluster says its data is stale. Screenshots: {@code target/screenshots/}.
 */
@KafkaTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminDashboardIT {

    private static final Logger LOG = LoggerFactory.getLogger(AdminDashboardIT.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final RealSeed SEED = Seeds.standard();
    private static final int HELD_BACK = 3;

    private static AdminApp.Handle admin;
    private static ResolverApp.Handle resolver;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static List<Prediction> heldBack;
    private static Path operators;

    @BeforeAll
    static void start(KafkaTestContext kafka) throws Exception {
        Optional<String> missing = Browser.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "skipped: " + missing.orElse(""));
        List<Prediction> ordered = new ArrayList<>(SEED.predictions);
        ordered.sort(Comparator.comparing(Prediction::getBarTime));
        heldBack = List.copyOf(ordered.subList(ordered.size() - HELD_BACK, ordered.size()));
        SeedPublisher.publishForResolver(kafka.bootstrapServers(), SEED, p -> !heldBack.contains(p));
        Path dir = kafka.tempDir();
        operators = dir.resolve("operators");
        Files.writeString(operators, "alice:" + PasswordHasher.hash("alice-password".toCharArray(), PasswordHasher.MIN_ITERATIONS) + "\n");
        Path reports = Files.createDirectories(dir.resolve("reports"));
        SectorMap sectors = SectorMap.read(RealCandles.dataDir().resolve("sectors.json"));
        Files.writeString(reports.resolve("FINDINGS.html"), FindingsHtml.render(
                Study.defaults().run(SEED.daily, sectors::sector, t -> Optional.empty()),
                SEED.daily.size() + " tickers of universe-daily, last 260 daily bars each"));
        AppConfig config = AppConfig.resolve(AdminOptions.all(), new Properties(), Map.of(), List.of(
                "http.port=0", "operators.file=" + operators, "reports.dir=" + reports, "broker.timeout=20s",
                "kafka.bootstrap.servers=" + kafka.bootstrapServers()));
        Properties streams = kafka.streamsProperties("resolver");
        // The resolver's query API covers its retention window, the dashboard the whole topics: a
        // retention longer than the seeded years lets both see every outcome.
        resolver = ResolverApp.start(ResolverApp.configure(new String[] {"http.port=0", "stores.in.memory=true",
                "outcome.retention.days=36500", "kafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "kafka.application.id=" + streams.getProperty("application.id"),
                "state.dir=" + streams.getProperty("state.dir")}, Map.of()));
        admin = AdminApp.start(config);
        assertThat(admin.awaitCaughtUp(WAIT)).as("the admin's views read the seeded topics").isTrue();
        awaitQuietModel();
        browser = Browser.start(Files.createDirectories(dir.resolve("chromium-profile")));
        wait = new WebDriverWait(browser, WAIT);
    }

    /** Waits until the keeper seeded the library and the resolver's outcomes and library stop changing for 5 s. */
    private static void awaitQuietModel() {
        long[] last = {-1, -1};
        long[] since = {System.nanoTime()};
        Await.until(() -> {
            long version = libraryVersion();
            long outcomes = admin.state().read(s -> (long) s.outcomes().size());
            if (version != last[0] || outcomes != last[1]) {
                last[0] = version;
                last[1] = outcomes;
                since[0] = System.nanoTime();
            }
            return version >= 1 && outcomes > 0 && System.nanoTime() - since[0] > Duration.ofSeconds(5).toNanos();
        }, Duration.ofSeconds(180), () -> "the resolver did not settle: library version " + last[0] + ", outcomes " + last[1]);
        LOG.info("resolver settled: library version {}, {} outcomes of {} predictions", last[0], last[1],
                SEED.predictions.size() - HELD_BACK);
    }

    private static long libraryVersion() {
        return admin.state().read(ModelState::libraryVersion);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (admin != null) {
            admin.close();
        }
        if (resolver != null) {
            resolver.close();
        }
    }

    private static WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void textIs(By by, String text) {
        wait.until(ExpectedConditions.textToBe(by, text));
    }

    private static void tab(String name) {
        browser.findElement(By.cssSelector("#tabs a[data-tab='" + name + "']")).click();
        wait.until(d -> name.equals(d.findElement(By.id("view")).getAttribute("data-view")));
    }

    @Test
    @Order(0)
    void shouldShowTheSameHealthFiguresAsTheResolversQueryApi() {
        JsonNode theirs = resolver.queries().health();
        Health ours = Health.of(admin.state());
        assertThat(ours.predictions()).isEqualTo(theirs.path("predictions").asInt());
        assertThat(ours.outcomes()).isEqualTo(theirs.path("outcomes").path("total").asInt());
        assertThat(ours.expired()).isEqualTo(theirs.path("outcomes").path("expired").asInt());
        assertThat(ours.overall().n()).isEqualTo(theirs.path("outcomes").path("resolved").asInt());
        assertThat(ours.overall().hits()).isEqualTo(theirs.path("outcomes").path("hits").asInt());
        ours.byTrigger().forEach(t -> assertThat(t.rate().hits())
                .isEqualTo(theirs.path("outcomes").path("byTrigger").path(t.trigger()).path("hits").asInt()));
        assertThat(ours.libraryVersion()).isEqualTo(theirs.path("libraryVersion").asLong());
        assertThat(ours.pendingProposals()).isEqualTo(theirs.path("pendingProposals").asInt());
        assertThat(ours.patternsByStatus().get("ACTIVE")).isEqualTo(theirs.path("patterns").path("ACTIVE").asInt());
    }

    @Test
    @Order(1)
    void shouldLetAnOperatorReadEveryTabAndApproveAProposal(KafkaTestContext kafka) {
        browser.get(admin.url());
        visible(By.id("login-user"));
        Browser.screenshot(browser, "01-login");
        browser.findElement(By.id("login-user")).sendKeys("alice");
        browser.findElement(By.id("login-password")).sendKeys("wrong-password");
        browser.findElement(By.id("login-submit")).click();
        textIs(By.id("login-error"), "unknown operator or wrong password");
        browser.findElement(By.id("login-password")).sendKeys("alice-password");
        browser.findElement(By.id("login-submit")).click();

        textIs(By.id("predictions-count"), String.valueOf(SEED.predictions.size() - HELD_BACK));
        long versionBefore = libraryVersion();
        textIs(By.id("library-version"), "v" + versionBefore);
        textIs(By.id("outcomes-count"), Integer.toString(admin.state().read(s -> s.outcomes().size())));
        assertThat(browser.findElement(By.id("hit-rate")).getText()).endsWith("%");
        assertThat(browser.findElement(By.id("market-regime")).getText()).isNotEqualTo("-");
        assertThat(browser.findElements(By.cssSelector("#sector-table tbody tr"))).hasSizeGreaterThan(1);
        assertThat(browser.findElements(By.cssSelector("#ticker-signals tbody tr"))).hasSize(SEED.daily.size());
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("alice");
        Browser.screenshot(browser, "02-overview");

        String ticker = SEED.predictions.stream().map(Prediction::getTicker)
                .filter(t -> heldBack.stream().noneMatch(p -> p.getTicker().equals(t))).findFirst().orElseThrow();
        browser.findElement(By.id("ticker-search")).sendKeys(ticker);
        wait.until(d -> d.findElements(By.cssSelector("#ticker-signals tbody tr")).size() < SEED.daily.size());
        visible(By.linkText(ticker)).click();
        visible(By.cssSelector("#ticker-chart canvas"));
        visible(By.cssSelector("#score-chart canvas"));
        long tickerPredictions = SEED.predictions.stream().filter(p -> p.getTicker().equals(ticker)).count();
        assertThat(browser.findElement(By.cssSelector("#ticker-predictions")).findElement(By.xpath("./ancestor::div[@class='panel']/h3")).getText())
                .isEqualTo("Predictions (" + tickerPredictions + ")");
        assertThat(browser.findElement(By.id("latest-snapshot")).getText()).contains("HTF / LTF").contains("(D)");
        assertThat(browser.findElement(By.id("matched-patterns")).getText()).contains("Matched patterns");
        Browser.screenshot(browser, "03-ticker");

        tab("patterns");
        wait.until(d -> d.findElements(By.cssSelector("#patterns-table tbody tr")).size() == 17);
        browser.findElement(By.cssSelector("#patterns-table th[data-key='n']")).click();
        String first = browser.findElement(By.cssSelector("#patterns-table tbody tr td a")).getText();
        assertThat(first).isIn(RealSeed.BULL_PATTERN, RealSeed.BEAR_PATTERN);
        Browser.screenshot(browser, "04-patterns");
        browser.findElement(By.linkText(RealSeed.BULL_PATTERN)).click();
        textIs(By.id("pattern-rule"), "state == HTF_BULL_LTF_BULL");
        visible(By.cssSelector("#pattern-hit-chart canvas"));
        assertThat(browser.findElements(By.cssSelector("#pattern-revisions tbody tr"))).isNotEmpty();
        Browser.screenshot(browser, "05-pattern");

        tab("predictions");
        WebElement filterTicker = visible(By.id("filter-ticker"));
        filterTicker.sendKeys(ticker);
        new Select(browser.findElement(By.id("filter-resolved"))).selectByValue("true");
        long resolved = admin.state().read(s -> s.outcomes().values().stream().filter(o -> o.getTicker().equals(ticker)).count());
        assertThat(resolved).isPositive();
        textIs(By.id("predictions-total"), resolved + " matching, showing " + resolved);
        assertThat(browser.findElements(By.cssSelector("#predictions-table tbody tr td:nth-child(2)")))
                .allSatisfy(td -> assertThat(td.getText()).isEqualTo(ticker));
        Browser.screenshot(browser, "06-predictions");

        tab("reports");
        visible(By.id("reports-latest"));
        assertThat(browser.findElement(By.id("reports-latest")).getText()).contains("FINDINGS.html");
        WebElement frame = visible(By.cssSelector("#report-frame iframe"));
        browser.switchTo().frame(frame);
        wait.until(d -> !d.findElements(By.tagName("h1")).isEmpty());
        browser.switchTo().defaultContent();
        Browser.screenshot(browser, "07-reports");

        tab("proposals");
        textIs(By.id("proposals-library-version"), "library version " + versionBefore);
        WebElement evidence = visible(By.cssSelector(".proposal[data-id='" + SeedLibrary.PENDING_ID + "']"));
        assertThat(evidence.getText()).contains("Recent window").contains("Prior window").contains("state == HTF_BULL_LTF_BULL");
        String retire = ".proposal[data-id='" + SeedLibrary.SECOND_PENDING_ID + "']";
        // the buttons are enabled once the page has seen the view current
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(retire + " button.approve"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("decision-message"), "needs a reason"));
        String reason = "It needs intraday flags; the daily feed never matches it.";
        browser.findElement(By.cssSelector(retire + " textarea.reason")).sendKeys(reason);
        Browser.screenshot(browser, "08-proposal");
        browser.findElement(By.cssSelector(retire + " button.approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("decision-message"), "sent as operator:alice"));

        List<ConsumerRecord<String, ApprovalDecision>> approvals = kafka.consumeUntil(Topics.APPROVALS.name(), 1, WAIT,
                new StringDeserializer(), Topics.APPROVALS.valueSerde().deserializer());
        assertThat(approvals).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(SeedLibrary.SECOND_PENDING_ID);
            assertThat(r.value().getAction()).isEqualTo(ApprovalAction.APPROVE);
            assertThat(r.value().getActor()).isEqualTo("operator:alice");
            assertThat(r.value().getReason()).isEqualTo(reason);
        });

        wait.until(d -> !d.findElement(By.id("proposals-library-version")).getText().equals("library version " + versionBefore));
        WebElement decided = visible(By.id("decided-table"));
        wait.until(d -> d.findElement(By.id("decided-table")).getText().contains(SeedLibrary.SECOND_PENDING_ID));
        String row = decided.findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText)
                .filter(text -> text.contains(SeedLibrary.SECOND_PENDING_ID)).findFirst().orElseThrow();
        assertThat(row).contains("APPLIED").contains("operator:alice").contains(reason).contains("→ v");
        assertThat(browser.findElements(By.cssSelector(retire))).isEmpty();
        Browser.screenshot(browser, "09-applied");
        long versionAfter = libraryVersion();
        assertThat(versionAfter).isGreaterThan(versionBefore);
        tab("overview");
        textIs(By.id("library-version"), "v" + versionAfter);
        LOG.info("the keeper applied the approval: library version {} -> {}", versionBefore, versionAfter);
    }

    @Test
    @Order(2)
    void shouldShowNewPredictionsWithoutAReload(KafkaTestContext kafka) {
        browser.get(admin.url() + "#overview");
        login();
        textIs(By.id("predictions-count"), String.valueOf(SEED.predictions.size() - HELD_BACK));
        ((JavascriptExecutor) browser).executeScript("window.__sameDocument = 'yes';");
        SeedPublisher.send(kafka.bootstrapServers(), Topics.PREDICTIONS, heldBack, Prediction::getTicker);
        textIs(By.id("predictions-count"), String.valueOf(SEED.predictions.size()));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameDocument;")).isEqualTo("yes");
        assertThat(browser.findElement(By.id("live")).getText()).startsWith("live");
        Browser.screenshot(browser, "10-live-update");
    }

    @Test
    @Order(3)
    void shouldSayTheDataIsStaleWhenTheClusterDoesNotAnswer(KafkaTestContext kafka) throws Exception {
        AppConfig config = AppConfig.resolve(AdminOptions.all(), new Properties(), Map.of(), List.of(
                "http.port=0", "operators.file=" + operators, "reports.dir=" + kafka.tempDir().resolve("none"),
                "broker.timeout=1s", "stale.after=2s", "kafka.bootstrap.servers=127.0.0.1:1"));
        try (AdminApp.Handle cut = AdminApp.start(config)) {
            browser.get(cut.url());
            WebElement user = visible(By.id("login-user"));
            user.sendKeys("alice");
            browser.findElement(By.id("login-password")).sendKeys("alice-password");
            browser.findElement(By.id("login-submit")).click();
            WebElement banner = visible(By.id("stale-banner"));
            assertThat(banner.getText()).startsWith("Data is stale: no contact with the Kafka cluster at 127.0.0.1:1");
            textIs(By.id("live"), "stale");
            textIs(By.id("predictions-count"), "0");
            Browser.screenshot(browser, "11-stale");
        }
    }

    private static void login() {
        List<WebElement> user = browser.findElements(By.id("login-user"));
        wait.until(d -> d.findElement(By.id("app")).isDisplayed() || d.findElement(By.id("login")).isDisplayed());
        if (!user.isEmpty() && user.get(0).isDisplayed()) {
            user.get(0).sendKeys("alice");
            browser.findElement(By.id("login-password")).sendKeys("alice-password");
            browser.findElement(By.id("login-submit")).click();
        }
        visible(By.id("predictions-count"));
    }

}
