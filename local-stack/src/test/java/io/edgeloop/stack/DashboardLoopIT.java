package io.edgeloop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.edgeloop.admin.AdminApp;
import io.edgeloop.admin.auth.AccountsFile;
import io.edgeloop.admin.browser.Browser;
import io.edgeloop.admin.seed.SeedPublisher;
import io.edgeloop.embedded.Directories;
import io.edgeloop.schemas.avro.ApprovalAction;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.ChangeEvidence;
import io.edgeloop.schemas.avro.ChangeKind;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeStatus;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.Severity;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.stack.loop.Loop;
import io.edgeloop.stack.loop.LoopRun;
import io.edgeloop.stack.loop.LoopSettings;

/**
 * The dashboard in headless Chromium on the real replayed loop: {@link Loop} runs connectors,
 * streams-app, resolver-app, retro-app and the dashboard on the real daily bars of XLK, XLF and
 * XLE over 2021. The test logs in with the operator account the loop's dashboard reads, opens
 * every tab and checks each figure against what the topics hold, publishes a DEGRADE proposal for
 * a real active pattern, approves it in the browser with a reason, and sees the keeper apply it:
 * the library version goes from N to N+1 and the pattern becomes degraded. Screenshots:
 * {@code target/screenshots/dashboard-loop/}. Skipped, with the reason, only when Chromium or
 * chromedriver is missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardLoopIT {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardLoopIT.class);
    private static final String MARKET_DATA = System.getProperty("edgeloop.data.dir", "../../shared/data");
    private static final List<String> TICKERS = List.of("XLK", "XLF", "XLE");
    private static final Path WORK = Path.of("target", "it-dashboard-loop", UUID.randomUUID().toString());
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String OPERATOR = "admin";
    /** The dashboard keeps at most this many bars per interval on a ticker chart (admin's chart.bars default). */
    private static final int CHART_BARS = 750;
    private static final String PROPOSAL_ID = "dashboard-loop-it-degrade";

    private static Loop loop;
    private static LoopRun run;
    private static AdminApp.Handle admin;
    private static String password;
    private static WebDriver browser;
    private static WebDriverWait wait;
    /** The topics as the loop left them, read once it was done. */
    private static Expected expected;
    /** The ticker with the most predictions: the ticker and predictions tabs show it. */
    private static String ticker;
    /** The active pattern with the most resolved matches: its page is shown and the test degrades it. */
    private static PatternDefinition target;

    @BeforeAll
    static void runTheLoop() throws IOException {
        Optional<String> missing = Browser.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "skipped: " + missing.orElse(""));
        LoopSettings settings = new LoopSettings(Path.of(MARKET_DATA).toAbsolutePath().normalize(), WORK.resolve("run"), 0,
                TICKERS, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), true, true, 0, Duration.ofMinutes(5));
        loop = Loop.create(settings);
        loop.prepare();
        // As 'edgeloop demo' does: the first run makes the operator account and shows its password once.
        password = AccountsFile.createIfMissing(loop.operatorsFile(), OPERATOR).orElseThrow();
        run = loop.run();
        LOG.info("loop done in {} ms: {} candles, {} retrospectives", run.totalMillis(), run.candlesProcessed(), run.retroRuns());
        admin = loop.admin().orElseThrow();
        expected = Expected.read();
        ticker = expected.predictions.values().stream().collect(Collectors.groupingBy(Prediction::getTicker, TreeMap::new,
                Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        target = expected.patterns.values().stream().filter(p -> p.getStatus() == PatternStatus.ACTIVE)
                .max(Comparator.comparingInt((PatternDefinition p) -> p.getStats().getN()).thenComparing(PatternDefinition::getId))
                .orElseThrow();
        browser = Browser.start(Files.createDirectories(WORK.resolve("chromium-profile")));
        wait = new WebDriverWait(browser, WAIT);
        // A view re-renders when the data changes (and on every tab): find elements again rather than fail.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (loop != null) {
            loop.close();
        }
        Directories.deleteRecursively(WORK);
    }

    @Test
    @Order(1)
    void shouldLogInWithTheLoopsOperatorAndShowTheTopicsFiguresOnTheOverview() {
        assertThat(expected.predictions).as("the loop made predictions").isNotEmpty();
        assertThat(expected.patterns).as("the library holds the 17 seed patterns").hasSize(17);

        browser.get(admin.url());
        visible(By.id("login-user")).sendKeys(OPERATOR);
        browser.findElement(By.id("login-password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();

        textIs(By.id("predictions-count"), String.valueOf(expected.predictions.size()));
        textIs(By.id("outcomes-count"), String.valueOf(expected.outcomes.size()));
        assertThat(text(By.id("hit-rate"))).isEqualTo(expected.hitRate());
        assertThat(text(By.id("library-version"))).isEqualTo("v" + expected.libraryVersion());
        assertThat(text(By.id("pending-count"))).isEqualTo(String.valueOf(expected.pending().size()));
        assertThat(text(By.id("who"))).isEqualTo(OPERATOR);
        String statuses = browser.findElement(By.id("library-version")).findElement(By.xpath("following-sibling::div")).getText();
        expected.patternsByStatus().forEach((status, n) -> assertThat(statuses).contains(n + " " + status.name().toLowerCase(Locale.ROOT)));

        assertThat(firstColumn("ticker-signals")).as("ticker signals").isEqualTo(expected.signalKeys("TICKER"))
                .containsExactlyInAnyOrderElementsOf(TICKERS);
        assertThat(firstColumn("sector-table")).as("sector signals").isEqualTo(expected.signalKeys("SECTOR")).isNotEmpty();
        MarketSignal market = expected.signals.get("MARKET:ALL");
        assertThat(market).as("the market signal").isNotNull();
        assertThat(text(By.id("market-regime"))).contains(market.getRegime() != null ? market.getRegime().name() : market.getLabel().name());
        Browser.screenshot(browser, "dashboard-loop/01-overview");
    }

    @Test
    @Order(2)
    void shouldDrawEveryPredictionOfATickerOnItsChart() {
        click(By.linkText(ticker));
        visible(By.cssSelector("#ticker-chart canvas"));
        visible(By.cssSelector("#score-chart canvas"));

        List<Prediction> predictions = expected.predictions.values().stream().filter(p -> p.getTicker().equals(ticker)).toList();
        String interval = expected.latestSnapshot(ticker).getInterval();
        assertThat(text(By.cssSelector("#view .legend a.pill.ACTIVE"))).isEqualTo(interval);
        assertThat(browser.findElements(By.cssSelector("#view .toolbar .legend a.pill")).stream().map(WebElement::getText).toList())
                .containsExactlyInAnyOrderElementsOf(expected.candleTimes(ticker).keySet());
        int bars = Math.min(CHART_BARS, expected.candleTimes(ticker).get(interval).size());
        assertThat(text(By.cssSelector("#view .grid-side h2"))).isEqualTo(ticker + " " + interval + " candles (" + bars + ")");

        @SuppressWarnings("unchecked")
        List<String> drawn = (List<String>) js("const v = EL.views.ticker; const colors = v.RESULT_COLORS;"
                + " return v.candleSeries.markers().map(m => Object.keys(colors).find(k => colors[k] === m.color));");
        Instant firstBar = expected.candleTimes(ticker).get(interval).stream().sorted()
                .skip(expected.candleTimes(ticker).get(interval).size() - bars).findFirst().orElseThrow();
        List<Prediction> onChart = predictions.stream().filter(p -> !p.getBarTime().isBefore(firstBar)).toList();
        assertThat(drawn).as("the chart's markers, by result: the predictions from its first bar on")
                .hasSize(onChart.size())
                .containsExactlyInAnyOrderElementsOf(onChart.stream().map(p -> expected.result(p.getId())).toList());
        if (onChart.size() < predictions.size()) {
            assertThat(text(By.id("markers-earlier"))).startsWith((predictions.size() - onChart.size())
                    + " earlier prediction");
        } else {
            assertThat(browser.findElements(By.id("markers-earlier"))).isEmpty();
        }
        assertThat(text(By.xpath("//table[@id='ticker-predictions']/ancestor::div[@class='panel']/h3")))
                .isEqualTo("Predictions (" + predictions.size() + ")");
        Set<String> calls = predictions.stream().map(p -> String.join("|", day(p.getBarTime()), p.getTrigger().name(),
                p.getDirection().name(), expected.result(p.getId()))).collect(Collectors.toSet());
        List<List<String>> recent = rows("ticker-predictions");
        assertThat(recent).hasSize(Math.min(15, predictions.size()));
        assertThat(recent).allSatisfy(r -> assertThat(String.join("|", r.get(0), r.get(1), r.get(2), r.get(3))).isIn(calls));
        assertThat(text(By.id("latest-snapshot"))).contains("v" + expected.latestSnapshot(ticker).getLibraryVersion());
        Browser.screenshot(browser, "dashboard-loop/02-ticker-" + ticker);
    }

    @Test
    @Order(3)
    void shouldListTheLibrarysPatternsAndAPatternsPage() {
        tab("patterns");
        wait.until(d -> d.findElements(By.cssSelector("#patterns-table tbody tr")).size() == expected.patterns.size());
        assertThat(text(By.id("patterns-version"))).isEqualTo("version " + expected.libraryVersion() + ", 17 patterns");
        Map<String, String> shown = new TreeMap<>();
        rows("patterns-table").forEach(r -> shown.put(r.get(0), r.get(1) + " n=" + r.get(3)));
        Map<String, String> library = new TreeMap<>();
        expected.patterns.values().forEach(p -> library.put(p.getId(), p.getStatus() + " n=" + p.getStats().getN()));
        assertThat(shown).isEqualTo(library);
        Browser.screenshot(browser, "dashboard-loop/03-patterns");

        click(By.linkText(target.getId()));
        visible(By.id("pattern-rule"));
        assertThat(text(By.id("pattern-rule"))).isNotBlank();
        assertThat(facts(By.cssSelector("#view .panel dl.facts"))).containsEntry("n", String.valueOf(target.getStats().getN()));
        assertThat(text(By.xpath("//div[@id='pattern-hit-chart']/preceding-sibling::h3")))
                .isEqualTo("Hit rate over time (" + expected.resolvedMatches(target.getId()) + " resolved outcomes)");
        assertThat(expected.resolvedMatches(target.getId())).as("resolved outcomes of " + target.getId()).isPositive();
        visible(By.cssSelector("#pattern-hit-chart canvas"));
        assertThat(rows("pattern-revisions")).isNotEmpty();
        Browser.screenshot(browser, "dashboard-loop/04-pattern-" + target.getId());
    }

    @Test
    @Order(4)
    void shouldListTheTickersPredictionsWithTheirOutcomes() {
        tab("predictions");
        visible(By.id("filter-ticker")).sendKeys(ticker);
        new Select(browser.findElement(By.id("filter-limit"))).selectByValue("5000");
        List<Prediction> predictions = expected.predictions.values().stream().filter(p -> p.getTicker().equals(ticker)).toList();
        textIs(By.id("predictions-total"), predictions.size() + " matching, showing " + predictions.size());
        List<String> shown = rows("predictions-table").stream()
                .map(r -> String.join("|", r.get(0).substring(0, 10), r.get(1), r.get(2), r.get(4), r.get(8))).toList();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(predictions.stream().map(p -> String.join("|", day(p.getBarTime()),
                p.getTicker(), p.getTrigger().name(), p.getDirection().name(), expected.result(p.getId()))).toList());
        Browser.screenshot(browser, "dashboard-loop/05-predictions");

        new Select(browser.findElement(By.id("filter-resolved"))).selectByValue("true");
        long resolved = predictions.stream().filter(p -> expected.outcomes.containsKey(p.getId())).count();
        assertThat(resolved).isPositive();
        textIs(By.id("predictions-total"), resolved + " matching, showing " + resolved);
    }

    @Test
    @Order(5)
    void shouldListTheRetrospectivesReports() throws IOException {
        tab("reports");
        List<String> files;
        try (Stream<Path> paths = Files.walk(loop.reportsDir(), 2)) {
            files = paths.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".html"))
                    .map(p -> loop.reportsDir().relativize(p).toString().replace('\\', '/')).toList();
        }
        assertThat(files).as("html reports of the retrospectives").isNotEmpty();
        assertThat(run.retroRuns()).isPositive();
        wait.until(d -> !d.findElements(By.cssSelector("#reports-list tbody tr")).isEmpty());
        assertThat(firstColumn("reports-list")).isEqualTo(new TreeSet<>(files));
        assertThat(text(By.id("reports-latest"))).contains("RETRO.html").contains("FINDINGS.html");
        browser.switchTo().frame(visible(By.cssSelector("#report-frame iframe")));
        wait.until(d -> !d.findElements(By.tagName("h1")).isEmpty());
        browser.switchTo().defaultContent();
        Browser.screenshot(browser, "dashboard-loop/06-reports");
    }

    @Test
    @Order(6)
    void shouldApproveADegradeAndShowTheNewLibraryVersion() throws Exception {
        long before = expected.libraryVersion();
        int pending = expected.pending().size();
        tab("proposals");
        textIs(By.id("proposals-library-version"), "library version " + before);
        assertThat(browser.findElements(By.cssSelector(".proposal"))).hasSize(pending);

        ModelChange proposal = degrade(target);
        SeedPublisher.send(loop.bootstrapServers(), Topics.MODEL_CHANGELOG, List.of(proposal), ModelChange::getId);
        awaitTheKeeperHolds(PROPOSAL_ID);
        String card = ".proposal[data-id='" + PROPOSAL_ID + "']";
        WebElement shown = visible(By.cssSelector(card));
        assertThat(shown.getText()).contains("DEGRADE").contains(target.getId()).contains(proposal.getSummary());
        assertThat(browser.findElements(By.cssSelector(".proposal"))).hasSize(pending + 1);
        String reason = "Degraded by the dashboard's browser test on the replayed loop.";
        browser.findElement(By.cssSelector(card + " textarea.reason")).sendKeys(reason);
        Browser.screenshot(browser, "dashboard-loop/07-proposal");
        browser.findElement(By.cssSelector(card + " button.approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("decision-message"), "sent as operator:" + OPERATOR));

        textIs(By.id("proposals-library-version"), "library version " + (before + 1));
        wait.until(d -> d.findElement(By.id("decided-table")).getText().contains(PROPOSAL_ID));
        String row = rows("decided-table").stream().filter(r -> r.get(0).equals(PROPOSAL_ID)).findFirst().orElseThrow().toString();
        assertThat(row).contains("APPLIED").contains("operator:" + OPERATOR).contains(reason)
                .contains("v" + before + " → v" + (before + 1));
        assertThat(browser.findElements(By.cssSelector(card))).isEmpty();
        Browser.screenshot(browser, "dashboard-loop/08-applied");

        PatternDefinition degraded = latest(Topics.PATTERN_LIBRARY, PatternDefinition::getId).get(target.getId());
        assertThat(degraded.getStatus()).isEqualTo(PatternStatus.DEGRADED);
        assertThat(degraded.getLibraryVersion()).isEqualTo(before + 1);
        assertThat(latest(Topics.MODEL_CHANGELOG, ModelChange::getId).get(PROPOSAL_ID)).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo(ChangeStatus.APPLIED);
            assertThat(c.getLibraryVersionBefore()).isEqualTo(before);
            assertThat(c.getLibraryVersionAfter()).isEqualTo(before + 1);
        });
        assertThat(values(Topics.APPROVALS)).filteredOn(a -> a.getChangeId().equals(PROPOSAL_ID)).singleElement()
                .satisfies(a -> {
                    assertThat(a.getAction()).isEqualTo(ApprovalAction.APPROVE);
                    assertThat(a.getActor()).isEqualTo("operator:" + OPERATOR);
                    assertThat(a.getReason()).isEqualTo(reason);
                });

        tab("patterns");
        wait.until(d -> rows("patterns-table").stream().anyMatch(r -> r.get(0).equals(target.getId()) && r.get(1).equals("DEGRADED")));
        Browser.screenshot(browser, "dashboard-loop/09-patterns-after");
        tab("overview");
        textIs(By.id("library-version"), "v" + (before + 1));
        Browser.screenshot(browser, "dashboard-loop/10-overview-after");
        LOG.info("approved {} on {}: library version {} -> {}", PROPOSAL_ID, target.getId(), before, before + 1);
    }

    /** A DEGRADE proposal for a pattern of the library, with its statistics as evidence, as an operator would file it. */
    private static ModelChange degrade(PatternDefinition p) {
        var s = p.getStats();
        Instant now = Instant.now();
        return ModelChange.newBuilder().setId(PROPOSAL_ID).setKind(ChangeKind.DEGRADE).setPatternId(p.getId())
                .setProposedBy("operator:reviewer").setProposedAt(now)
                .setSummary(String.format(Locale.ROOT, "Degrade %s: %d hits of %d resolved matches over 2021", p.getId(),
                        s.getHits(), s.getN()))
                .setEvidence(ChangeEvidence.newBuilder().setN(s.getN()).setHitRate(s.getHitRate()).setLower(s.getLower())
                        .setUpper(s.getUpper()).setDetails(Map.of()).build())
                .setProposed(PatternDefinition.newBuilder(p).setStatus(PatternStatus.DEGRADED).setVersion(p.getVersion() + 1).build())
                .setStatus(ChangeStatus.PROPOSED).setSeverity(Severity.MEDIUM).setUpdatedAt(now).build();
    }

    /** Waits until the keeper holds the proposal (the resolver's changelog query lists it as PROPOSED). */
    private static void awaitTheKeeperHolds(String id) {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + loop.resolverPort() + "/model/changelog?status=PROPOSED&limit=1000");
        wait.until(d -> {
            try {
                return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body()
                        .contains("\"" + id + "\"");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void textIs(By by, String text) {
        wait.until(ExpectedConditions.textToBe(by, text));
    }

    private static String text(By by) {
        return browser.findElement(by).getText();
    }

    /** Clicks an element, finding it again when a refresh of the view replaced it under the click. */
    private static void click(By by) {
        wait.until(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    private static void tab(String name) {
        click(By.cssSelector("#tabs a[data-tab='" + name + "']"));
        wait.until(d -> name.equals(d.findElement(By.id("view")).getAttribute("data-view")));
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** The cell texts of a table's body rows (read in the page, one call). */
    @SuppressWarnings("unchecked")
    private static List<List<String>> rows(String tableId) {
        return (List<List<String>>) js("return [...document.querySelectorAll('#" + tableId + " tbody tr')]"
                + ".filter(tr => !tr.querySelector('td.muted[colspan]'))"
                + ".map(tr => [...tr.cells].map(td => td.textContent.trim()));");
    }

    private static Set<String> firstColumn(String tableId) {
        return rows(tableId).stream().map(r -> r.get(0)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, String> facts(By dl) {
        List<WebElement> terms = browser.findElement(dl).findElements(By.tagName("dt"));
        List<WebElement> values = browser.findElement(dl).findElements(By.tagName("dd"));
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            out.put(terms.get(i).getText(), values.get(i).getText());
        }
        return out;
    }

    private static String day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }

    private static <V> List<V> values(Topic<String, V> topic) {
        List<V> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : loop.read(topic.name())) {
            if (r.value() != null) {
                out.add(topic.valueSerde().deserializer().deserialize(topic.name(), r.value()));
            }
        }
        return out;
    }

    /** Latest value per key, in topic order (what a compacted topic's reader ends up with). */
    private static <V> Map<String, V> latest(Topic<String, V> topic, Function<V, String> key) {
        Map<String, V> out = new LinkedHashMap<>();
        values(topic).forEach(v -> out.put(key.apply(v), v));
        return out;
    }

    /** What the topics hold, as the dashboard should show it. */
    private record Expected(Map<String, Prediction> predictions, Map<String, Outcome> outcomes,
                            Map<String, PatternDefinition> patterns, Map<String, ModelChange> changes,
                            Map<String, MarketSignal> signals, List<Candle> candles, List<ScoreSnapshot> scores) {

        static Expected read() {
            return new Expected(latest(Topics.PREDICTIONS, Prediction::getId), latest(Topics.OUTCOMES, Outcome::getPredictionId),
                    latest(Topics.PATTERN_LIBRARY, PatternDefinition::getId), latest(Topics.MODEL_CHANGELOG, ModelChange::getId),
                    latest(Topics.SIGNALS, s -> s.getLevel() + ":" + s.getKey()), values(Topics.CANDLES), values(Topics.SCORES));
        }

        /** The overall hit rate as the overview formats it (JavaScript's toFixed(1) of 100 x rate). */
        String hitRate() {
            long resolved = outcomes.values().stream().filter(o -> o.getStatus() != OutcomeStatus.EXPIRED && o.getHit() != null).count();
            long hits = outcomes.values().stream().filter(o -> o.getStatus() != OutcomeStatus.EXPIRED && Boolean.TRUE.equals(o.getHit())).count();
            assertThat(resolved).as("resolved outcomes").isPositive();
            return new BigDecimal(100 * ((double) hits / resolved)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
        }

        long libraryVersion() {
            long version = patterns.values().stream().mapToLong(PatternDefinition::getLibraryVersion).max().orElse(0);
            return Math.max(version, changes.values().stream().map(ModelChange::getLibraryVersionAfter).filter(Objects::nonNull)
                    .mapToLong(Long::longValue).max().orElse(0));
        }

        List<ModelChange> pending() {
            return changes.values().stream().filter(c -> c.getStatus() == ChangeStatus.PROPOSED).toList();
        }

        Map<PatternStatus, Long> patternsByStatus() {
            return patterns.values().stream().collect(Collectors.groupingBy(PatternDefinition::getStatus, Collectors.counting()));
        }

        Set<String> signalKeys(String level) {
            return signals.values().stream().filter(s -> s.getLevel().name().equals(level)).map(MarketSignal::getKey)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        /** HIT, MISS, EXPIRED or OPEN, as the dashboard names a prediction's result. */
        String result(String predictionId) {
            Outcome o = outcomes.get(predictionId);
            return o == null ? "OPEN" : o.getHit() == null ? "EXPIRED" : o.getHit() ? "HIT" : "MISS";
        }

        /** The newest score snapshot of a ticker (the later record wins a tie, as the dashboard reads them). */
        ScoreSnapshot latestSnapshot(String t) {
            ScoreSnapshot newest = null;
            for (ScoreSnapshot s : scores) {
                if (s.getTicker().equals(t) && (newest == null || !s.getBarTime().isBefore(newest.getBarTime()))) {
                    newest = s;
                }
            }
            return Objects.requireNonNull(newest, "no score snapshot of " + t);
        }

        /** A ticker's distinct bar open times per interval. */
        Map<String, Set<Instant>> candleTimes(String t) {
            return candles.stream().filter(c -> c.getTicker().equals(t)).collect(Collectors.groupingBy(Candle::getInterval,
                    TreeMap::new, Collectors.mapping(Candle::getOpenTime, Collectors.toSet())));
        }

        /** Resolved outcomes with a return that matched the pattern (the points of its hit-rate chart). */
        long resolvedMatches(String patternId) {
            return outcomes.values().stream().filter(o -> o.getStatus() == OutcomeStatus.RESOLVED && o.getReturnPct() != null)
                    .filter(o -> o.getMatchedPatterns().stream().anyMatch(m -> m.getPatternId().equals(patternId))).count();
        }
    }
}
