package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A manager builds a survey in the console, in English and Persian, watching the real hosted page preview it;
 * publishes it, copies its embed snippet onto a shop page of another origin, where a customer answers; and finds the
 * answer in the console's feed.
 */
class ConsoleSurveysIT {

    private static final String SURVEY = "builder-it";
    @RegisterExtension
    static final Chromium browser = new Chromium();
    private static HttpServer shop;
    private static String shopBase;
    /** The shop's page: whatever snippet the manager copied, pasted into its body. */
    private static final AtomicReference<String> PASTED = new AtomicReference<>("");

    @BeforeAll
    static void startTheShop() throws Exception {
        assertThat(java.net.URI.create(SharedCloud.base()).getHost()).as("the shop must be on another origin")
                .isEqualTo("localhost");
        shop = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        shop.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Shop</title></head>"
                        + "<body><h1>Shop</h1>" + PASTED.get() + "</body></html>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("content-type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        shop.start();
        shopBase = "http://127.0.0.1:" + shop.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.stop(0);
        }
    }

    private static WebElement shown(By locator) {
        return BrowserSteps.shown(browser.get(), locator);
    }

    private static void type(String id, String text) {
        BrowserSteps.type(browser.get(), id, text);
    }

    @Test
    void manager_shouldBuildPreviewAndPublishABilingualSurvey_andSeeAnAnswerFromTheSiteThatEmbedsIt() throws Exception {
        // GIVEN the manager, signed in, starting a new survey
        WebDriver driver = browser.get().driver();
        driver.get(SharedCloud.base() + "/console/surveys");
        ConsoleCalls.signIn(browser.get(), SharedCloud.MANAGER);
        shown(By.id("new-survey")).click();
        browser.get().waiting().until(ExpectedConditions.urlContains("/console/surveys/new"));

        // WHEN they write it in English and Persian, and let the shop's origin embed it
        type("id", SURVEY);
        shown(By.cssSelector("input[name=languages][value=fa]")).click();
        type("name-en", "After delivery");
        type("name-fa", "پس از تحویل");
        type("questions-0-text-en", "How likely are you to recommend us?");
        type("questions-0-text-fa", "چقدر احتمال دارد ما را به دوستانتان توصیه کنید؟");
        type("questions-1-text-en", "What is the main reason for your score?");
        type("questions-1-text-fa", "دلیل اصلی امتیاز شما چیست؟");
        type("thankYou-en", "Thank you!");
        type("thankYou-fa", "سپاس!");
        type("allowedOrigins", "http://127.0.0.1:*");
        shown(By.id("touchpoint")).click(); // the origins are read when the field is left

        // THEN the preview is the real hosted page, in English, then in Persian right to left, which sends nothing
        WebElement frame = shown(By.id("preview-frame"));
        assertThat(frame.getAttribute("src")).contains("/s/" + SURVEY + "?preview=").contains("lang=en");
        shown(By.cssSelector("button[data-language=fa]")).click();
        browser.get().waiting().until(d -> d.findElement(By.id("preview-frame")).getAttribute("src").contains("lang=fa"));
        driver.switchTo().frame(driver.findElement(By.id("preview-frame")));
        try {
            browser.get().waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("legend"),
                    "چقدر احتمال دارد"));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(driver.findElement(By.cssSelector("button[type=submit]")).isEnabled()).isFalse();
        } finally {
            driver.switchTo().defaultContent();
        }
        assertThat(ConsoleCalls.send("GET", "/s/" + SURVEY, null).statusCode()).as("not published yet").isEqualTo(404);
        Accessibility.assertNoSeriousViolations(driver, null, "the survey builder");
        ConsoleCalls.assertFitsAPhone(driver, "the survey builder");
        Screenshots.save(driver, "console-builder-en");

        // WHEN they publish it THEN it is version 1, and its embed snippet is offered
        shown(By.id("publish")).click();
        browser.get().waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("publish-outcome"), "version 1"));
        String snippet = shown(By.id("embed-snippet")).getAttribute("value");
        assertThat(snippet).isEqualTo("<script src=\"" + SharedCloud.base() + "/embed.js\" data-survey=\"" + SURVEY
                + "\" async></script>");

        // WHEN the shop pastes the snippet into its page and a customer answers there
        PASTED.set(snippet);
        driver.get(shopBase + "/");
        WebElement widget = shown(By.cssSelector("[data-halqe-widget]"));
        widget.findElement(By.cssSelector("[data-score='9']")).click();
        shown(By.cssSelector("[data-halqe-widget] textarea[name=comment]")).sendKeys("Fast and friendly delivery");
        widget.findElement(By.cssSelector("[data-halqe-send]")).click();
        browser.get().waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-halqe-widget] [role=status]"), "Thank you"));
        SharedCloud.drain();

        // THEN the manager finds it in the survey's feed
        driver.get(SharedCloud.base() + "/console/surveys/" + SURVEY);
        shown(By.linkText("See its answers")).click();
        browser.get().waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".answers"),
                "Fast and friendly delivery"));
        assertThat(driver.findElements(By.cssSelector(".answers li"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector(".answers li .meta")).getText()).startsWith("9 ·");
        assertThat(browser.get().console()).doesNotContain("Content Security Policy");
    }
}
