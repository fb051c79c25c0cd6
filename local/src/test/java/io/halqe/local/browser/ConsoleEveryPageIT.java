package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Every page of the console, as an admin (who is offered them all) reaches them by its links, in English, Persian
 * and Arabic: no serious or critical accessibility violation, right to left in Persian and Arabic, nothing sideways
 * at 390 px, and a screenshot of each for the README. A page added to the navigation is checked without a change here.
 */
class ConsoleEveryPageIT {

    /** What a page shows while it signs its reader in or reads, in each language: the page is not ready yet. */
    private static final List<String> NOT_READY = List.of("Signing you in…", "در حال ورود…", "جارٍ تسجيل الدخول…");
    /** Pages no link of the header leads to directly. */
    private static final List<String> BY_ADDRESS = List.of("/console/surveys/new", "/console/surveys/demo-nps",
            "/console/answers?survey=demo-nps", "/console/customers/import");
    @RegisterExtension
    static final Chromium browser = new Chromium();

    /** The page's title shown, and nothing left saying it is still signing in or reading. */
    private static void ready(WebDriver driver) {
        browser.get().waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("title")));
        browser.get().waiting().until(d -> {
            String text = String.valueOf(((JavascriptExecutor) d).executeScript("return document.querySelector('main').innerText"));
            return NOT_READY.stream().noneMatch(text::contains);
        });
    }

    /** Every console address the header's navigation and the pages' own tabs lead to, with the ones reached by address. */
    private static List<String> everyPage(WebDriver driver) {
        Set<String> pages = new LinkedHashSet<>();
        for (WebElement link : driver.findElements(By.cssSelector("header nav a"))) {
            pages.add(link.getAttribute("pathname"));
        }
        for (String page : new ArrayList<>(pages)) {
            driver.get(SharedCloud.base() + page);
            ready(driver);
            for (WebElement tab : driver.findElements(By.cssSelector("main nav.tabs a"))) {
                pages.add(tab.getAttribute("pathname"));
            }
        }
        pages.addAll(BY_ADDRESS);
        return List.copyOf(pages);
    }

    /**
     * How long the page took to show what it read, from the navigation's start to the last response it fetched (the
     * page, its files, its API calls), in milliseconds: measured, not asserted — a figure for the README.
     */
    private static long loadedIn(WebDriver driver) {
        Object millis = ((JavascriptExecutor) driver).executeScript("var n = performance.getEntriesByType('navigation')[0];"
                + " return Math.round(Math.max(n.loadEventEnd, ...performance.getEntriesByType('resource')"
                + ".map(function (r) { return r.responseEnd; })));");
        return ((Number) millis).longValue();
    }

    private static String slug(String page) {
        return page.replaceFirst("^/console/", "").replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
    }

    @Test
    void everyPage_shouldBeAccessibleRightToLeftWhereItShouldAndFitAPhone_inEachLanguage() throws Exception {
        // GIVEN the admin, signed in
        WebDriver driver = browser.get().driver();
        driver.get(SharedCloud.base() + "/console/overview");
        ConsoleCalls.signIn(browser.get(), SharedCloud.ADMIN);
        ready(driver);
        List<String> pages = everyPage(driver);
        assertThat(pages).as("the admin is offered every area").contains("/console/overview", "/console/cases",
                "/console/surveys", "/console/customers", "/console/announcements", "/console/settings",
                "/console/settings/audit");

        StringBuilder timings = new StringBuilder("page\tlanguage\tms\n");
        for (String language : List.of("en", "fa", "ar")) {
            // WHEN the console is in this language
            driver.get(SharedCloud.base() + "/console/overview");
            ready(driver);
            new Select(driver.findElement(By.cssSelector("header select"))).selectByValue(language);
            for (String page : pages) {
                // AND each page is opened
                driver.get(SharedCloud.base() + page);
                ready(driver);
                // THEN it is in that language and direction, accessible, and fits a phone
                WebElement html = driver.findElement(By.tagName("html"));
                assertThat(html.getAttribute("lang")).as(page).isEqualTo(language);
                assertThat(html.getAttribute("dir")).as(page).isEqualTo(language.equals("en") ? "ltr" : "rtl");
                Accessibility.assertNoSeriousViolations(driver, null, page + " in " + language);
                ConsoleCalls.assertFitsAPhone(driver, page + " in " + language);
                timings.append(page).append('\t').append(language).append('\t').append(loadedIn(driver)).append('\n');
                Screenshots.save(driver, "console-" + slug(page) + "-" + language);
            }
        }
        java.nio.file.Files.writeString(Screenshots.DIRECTORY.resolve("console-load-times.tsv"), timings);
        assertThat(browser.get().console()).doesNotContain("Content Security Policy");
    }
}
