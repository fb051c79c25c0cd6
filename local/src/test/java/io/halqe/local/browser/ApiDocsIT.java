package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The API's description as a reader browses it: {@code /api/docs} (swagger-ui, from the console's build) showing the
 * operations of {@code /api/openapi.json}, under the console's strict content security policy.
 */
class ApiDocsIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    @Test
    void docs_shouldListTheOperations_withoutTheBrowserRefusingAnything() throws Exception {
        // GIVEN the description the local cloud serves
        HttpResponse<String> description = ConsoleCalls.send("GET", "/api/openapi.json", null);
        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(description.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(new ObjectMapper().readTree(description.body()).path("paths")
                .has("/api/surveys/{surveyId}/responses/export")).isTrue();
        // WHEN a reader opens the viewer
        WebDriver driver = browser.get().driver();
        driver.get(SharedCloud.base() + "/api/docs");
        // THEN it lists the operations by tag, the responses export among them, and opens one to its parameters
        browser.get().waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.id("operations-answers-exportAnswers")));
        assertThat(driver.findElement(By.id("operations-answers-exportAnswers")).getText())
                .contains("GET", "/api/surveys/{surveyId}/responses/export");
        assertThat(driver.findElements(By.cssSelector(".opblock"))).hasSizeGreaterThan(60);
        driver.findElement(By.cssSelector("#operations-answers-exportAnswers .opblock-summary-control")).click();
        browser.get().waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("operations-answers-exportAnswers"), "format"));
        // AND the browser refused nothing: no inline script or style, no eval, nothing from elsewhere
        String console = browser.get().console();
        assertThat(console).doesNotContain("Content Security Policy", "Refused");
    }
}
