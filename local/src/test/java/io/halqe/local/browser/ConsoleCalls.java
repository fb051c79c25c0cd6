package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What the console's browser tests do besides the browser: documented calls to the shared local cloud (the admin
 * API with the key, answers with an idempotency key), a person signing in on the local login page, and a page's fit
 * on a phone.
 */
final class ConsoleCalls {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ConsoleCalls() {
    }

    /** {@code /api/…} with the admin key; anything else as a browser or a widget sends it. */
    static HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SharedCloud.base() + path))
                .header("content-type", "application/json").timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (path.startsWith("/api/")) {
            request.header("Authorization", "Bearer " + SharedCloud.apiKey());
        } else if (method.equals("POST")) {
            request.header("idempotency-key", UUID.randomUUID().toString());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The same, answered with {@code expected}; its JSON. */
    static JsonNode call(String method, String path, String json, int expected) throws Exception {
        HttpResponse<String> answer = send(method, path, json);
        assertThat(answer.statusCode()).as("%s %s: %s", method, path, answer.body()).isEqualTo(expected);
        return answer.body().isEmpty() ? JSON.nullNode() : JSON.readTree(answer.body());
    }

    /** The local login page, filled in with {@code password} and sent, as a person does it. */
    static void signIn(HeadlessChromium chromium, String user, String password) {
        WebDriver driver = chromium.driver();
        chromium.waiting().until(ExpectedConditions.titleContains("Sign in"));
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /**
     * Signing in as one of the shared cloud's people, with their password, and back on the console page that sent
     * them (past the callback page, whose elements would otherwise be waited on as they go).
     */
    static void signIn(HeadlessChromium chromium, String user) {
        signIn(chromium, user, user + SharedCloud.PASSWORD_SUFFIX);
        chromium.waiting().until(d -> {
            String path = URI.create(d.getCurrentUrl()).getPath();
            return path.startsWith("/console/") && !path.equals("/console/callback");
        });
    }

    /** At 390 px wide the page scrolls only downwards; the window is put back after. */
    static void assertFitsAPhone(WebDriver driver, String what) {
        org.openqa.selenium.Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            var script = (org.openqa.selenium.JavascriptExecutor) driver;
            Object overflow = script.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            // what sticks out, to say what to fix
            Object wide = script.executeScript("var w = document.documentElement.clientWidth; return Array.from("
                    + "document.querySelectorAll('body *')).filter(function (e) { var r = e.getBoundingClientRect();"
                    + " return r.right > w + 1 || r.left < -1; }).slice(0, 5).map(function (e) { return e.tagName"
                    + " + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className : ''); })"
                    + ".join(' ')");
            assertThat(((Number) overflow).intValue()).as("%s scrolls sideways at 390 px (%s) by", what, wide)
                    .isLessThanOrEqualTo(0);
        } finally {
            driver.manage().window().setSize(before);
        }
    }
}
