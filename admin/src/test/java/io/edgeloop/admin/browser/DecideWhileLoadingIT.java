package io.edgeloop.admin.browser;

import io.edgeloop.admin.AdminOptions;
import io.edgeloop.admin.AdminServer;
import io.edgeloop.admin.SeededState;
import io.edgeloop.admin.approve.Decisions;
import io.edgeloop.admin.auth.PasswordHasher;
import io.edgeloop.admin.seed.SeedLibrary;
import io.edgeloop.admin.seed.Seeds;
import io.edgeloop.admin.view.KafkaClients;
import io.edgeloop.admin.view.ModelViews;
import io.edgeloop.admin.view.TickerHistory;
import io.edgeloop.core.config.AppConfig;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard while the admin's view is not read to its end (here: never, its cluster does not
 * answer), in headless Chromium: the server refuses decisions then (503), so the page offers
 * none. An operator sees the seeded proposals with Approve, Reject and Roll back disabled and
 * told why. The enabled case is {@link AdminDashboardIT}'s approval, on a
 * view that has caught up.
 */
class DecideWhileLoadingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    private static MockProducer<String, ApprovalDecision> producer;
    private static ModelViews views;
    private static TickerHistory tickers;
    private static AdminServer server;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        Optional<String> missing = Browser.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "skipped: " + missing.orElse(""));
        Path operators = dir.resolve("operators");
        Files.writeString(operators, "alice:" + PasswordHasher.hash("alice-password".toCharArray(),
                PasswordHasher.MIN_ITERATIONS) + "\n");
        AppConfig config = AppConfig.resolve(AdminOptions.all(), new Properties(), Map.of(), List.of(
                "http.port=0", "operators.file=" + operators, "reports.dir=" + dir.resolve("reports"),
                "broker.timeout=1s", "stale.after=1s", "kafka.bootstrap.servers=127.0.0.1:1"));
        KafkaClients clients = new KafkaClients(Map.of("bootstrap.servers", "127.0.0.1:1"), Duration.ofSeconds(1));
        var state = SeededState.of(Seeds.standard());
        producer = new MockProducer<>(true, null, Topics.APPROVALS.keySerde().serializer(),
                Topics.APPROVALS.valueSerde().serializer());
        views = ModelViews.start(clients, state, Duration.ofSeconds(1), Clock.systemUTC());
        tickers = new TickerHistory(clients, 100);
        Decisions decisions = new Decisions(producer, state, views::current, Clock.systemUTC(), clients);
        server = AdminServer.start(config, state, views, tickers, decisions, Clock.systemUTC());
        browser = Browser.start(Files.createDirectories(dir.resolve("chromium-profile")));
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
            views.close();
            tickers.close();
        }
    }

    @Test
    void shouldOfferNoDecisionBeforeTheViewIsCurrent() {
        browser.get("http://127.0.0.1:" + server.port() + "/#proposals");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys("alice");
        browser.findElement(By.id("login-password")).sendKeys("alice-password");
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("live"), "stale"));
        String card = ".proposal[data-id='" + SeedLibrary.PENDING_ID + "']";
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(card + " button.approve")));
        List<WebElement> decide = browser.findElements(By.cssSelector("button[data-decide]"));
        assertThat(decide).as("approve and reject of each pending proposal, and roll back").hasSizeGreaterThanOrEqualTo(3);
        for (WebElement button : decide) {
            assertThat(button.isEnabled()).as("%s", button.getText()).isFalse();
            assertThat(button.getAttribute("title")).as("%s", button.getText())
                    .isEqualTo("Decisions wait until the admin has read the model topics to their end"
                            + " (see the status at the top right).");
        }
        Browser.screenshot(browser, "12-loading-no-decisions");
    }
}
