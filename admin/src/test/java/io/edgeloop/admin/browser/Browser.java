package io.edgeloop.admin.browser;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Headless Debian Chromium driven through chromedriver, for the dashboard's browser tests. The
 * binaries default to {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian's
 * {@code chromium} and {@code chromium-driver} packages; CI installs them) and can be moved with
 * the system properties {@code edgeloop.chromium} and {@code edgeloop.chromedriver}.
 */
public final class Browser {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    /** Why the browser cannot run here, or empty when it can. */
    public static Optional<String> missing() {
        Path chromium = Path.of(System.getProperty("edgeloop.chromium", "/usr/bin/chromium"));
        Path driver = Path.of(System.getProperty("edgeloop.chromedriver", "/usr/bin/chromedriver"));
        if (Files.isExecutable(chromium) && Files.isExecutable(driver)) {
            return Optional.empty();
        }
        return Optional.of("headless Chromium is not installed (" + chromium + ", " + driver
                + "); install it with: apt-get install -y chromium chromium-driver");
    }

    /** A fresh browser with an empty profile in {@code profileDir}. */
    public static WebDriver start(Path profileDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("edgeloop.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,1000", "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("edgeloop.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Saves a screenshot as {@code target/screenshots/NAME.png} ({@code NAME} may hold a folder) and returns its path. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + name, e);
        }
    }
}
