package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven through the Debian chromedriver, with a throw-away profile. Both paths are given
 * explicitly, so Selenium Manager never runs (the build network is closed). Missing binaries fail the test class with
 * the command that installs them: browser tests are never skipped.
 */
final class HeadlessChromium implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("halqe.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("halqe.chromedriver", "/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static HeadlessChromium start() throws IOException {
        String install = " is missing: install it with `apt-get install -y chromium chromium-driver` "
                + "(or point -Dhalqe.chromium / -Dhalqe.chromedriver at it); .ci/run does this itself";
        assertThat(Files.isExecutable(Path.of(CHROMIUM))).as("Chromium " + CHROMIUM + install).isTrue();
        assertThat(Files.isExecutable(Path.of(CHROMEDRIVER))).as("chromedriver " + CHROMEDRIVER + install).isTrue();
        // belt and braces: the driver path given here and as the property means no driver lookup or download
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
        Path profile = Files.createTempDirectory("halqe-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
        // the page's console (the widget warns there when the survey cannot be loaded), for failure messages
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new HeadlessChromium(driver, profile);
        } catch (RuntimeException failed) {
            deleteQuietly(profile);
            throw new AssertionError("could not start " + CHROMIUM + " through " + CHROMEDRIVER + ": " + failed, failed);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * An explicit wait whose timeout message shows what the browser had: the page and its console. It polls through
     * the browser's own errors: while a form's answer replaces the page, an element found on the old document can be
     * gone before its text is read, and Chromium then reports an inspector error rather than a stale element. The
     * last such error is the timeout's cause.
     */
    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.withMessage(this::describe);
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /** The page's URL, title and visible text, and the console, for failure messages. */
    String describe() {
        String text;
        try {
            text = driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException unavailable) {
            text = "(no body: " + unavailable.getMessage() + ")";
        }
        if (text.length() > 2000) {
            text = text.substring(0, 2000) + "…";
        }
        return "\nthe browser was at " + driver.getCurrentUrl() + " (" + driver.getTitle() + "), showing:\n  "
                + text.replace("\n", "\n  ") + "\nits console:" + console();
    }

    /** What the page logged to its console since the last call (network and CORS errors, the widget's warnings). */
    String console() {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(entry -> entry.getLevel() + " " + entry.getMessage())
                    .collect(Collectors.joining("\n  ", "\n  ", ""));
        } catch (RuntimeException unavailable) {
            return " (console unavailable: " + unavailable.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
