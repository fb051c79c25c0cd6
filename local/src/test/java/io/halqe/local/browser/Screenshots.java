package io.halqe.local.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * What the customer sees, saved as PNGs under {@code target/screenshots} by the browser tests; the README shows the
 * ones copied into {@code docs/screenshots}.
 */
final class Screenshots {

    static final Path DIRECTORY = Path.of(System.getProperty("halqe.screenshots", "target/screenshots"));

    private Screenshots() {
    }

    static void save(WebDriver driver, String name) {
        try {
            Files.createDirectories(DIRECTORY);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(shot, DIRECTORY.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
