package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A CX lead reads the scores in the console: three days of answers to a survey of their own, from customers invited
 * by link with their plan signed in; the NPS of 30 days with its band, by week, for one plan, and the costliest theme
 * leading to the answers behind it.
 */
class ConsoleOverviewIT {

    private static final String SURVEY = "overview-it";
    @RegisterExtension
    static final Chromium browser = new Chromium();

    /** A customer invited by link with their plan signed in, answering. */
    private static void answer(String plan, int nps, String comment) throws Exception {
        JsonNode invitation = ConsoleCalls.call("POST", "/api/invitations", """
                {"surveyId":"%s","channel":"link","customer":{"id":"ov-%s"},"hidden":{"plan":"%s"}}"""
                .formatted(SURVEY, UUID.randomUUID(), plan), 201);
        ConsoleCalls.call("POST", "/s/" + SURVEY + "/responses", """
                {"answers":{"nps":%d,"comment":"%s"},"token":"%s"}""".formatted(nps, comment,
                invitation.get("token").asText()), 201);
    }

    private static WebElement shown(By locator) {
        return BrowserSteps.shown(browser.get(), locator);
    }

    /** A day typed into a date field as a person types it (the browser's en-US order: month, day, year). */
    private static void typeDay(String fieldId, LocalDate day) {
        BrowserSteps.typeDay(browser.get(), fieldId, day);
    }

    private static String npsShown() {
        return shown(By.cssSelector("li[data-measure=nps] .value")).getText();
    }

    @Test
    void cxLead_shouldSeeThirtyDaysOfNpsByWeekAndPlan_andReachTheAnswersBehindTheCostliestTheme() throws Exception {
        // GIVEN a survey with a signed plan, answered on three days: pro customers promote, basic ones complain about
        // delivery (each day 10, 9, 9 for pro; 2, 3 and 8 for basic)
        ConsoleCalls.call("POST", "/api/surveys", """
                {"id":"%s","name":{"en":"Overview"},"kind":"relationship","defaultLanguage":"en","languages":["en"],
                 "hiddenFields":["plan"],
                 "questions":[{"id":"nps","type":"nps","required":true,"text":{"en":"Would you recommend us?"}},
                              {"id":"comment","type":"text","text":{"en":"Why?"}}],
                 "thankYou":{"en":"Thanks!"}}""".formatted(SURVEY), 201);
        for (int day = 0; day < 3; day++) {
            if (day > 0) {
                SharedCloud.advanceClock(Duration.ofDays(1));
            }
            answer("pro", 10, "Great app, works every time");
            answer("pro", 9, "Great app");
            answer("pro", 9, "Works well");
            answer("basic", 2, "The delivery was late again");
            answer("basic", 3, "My delivery never arrived");
            answer("basic", 8, "It is fine");
        }
        SharedCloud.drain();
        LocalDate today = SharedCloud.now().atZone(ZoneOffset.UTC).toLocalDate();

        // WHEN the CX lead signs in to the console and picks the survey
        WebDriver driver = browser.get().driver();
        driver.get(SharedCloud.base() + "/console/overview");
        ConsoleCalls.signIn(browser.get(), SharedCloud.MANAGER);
        browser.get().waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#survey option[value='"
                + SURVEY + "']")));
        new Select(driver.findElement(By.id("survey"))).selectByValue(SURVEY);
        // THEN the last 30 days' NPS is 16.7 (9 promoters, 6 detractors of 18) with its interval, over a point a day,
        // drawn with its band
        browser.get().waiting().until(d -> npsShown().equals("16.7"));
        assertThat(shown(By.cssSelector("li[data-measure=nps] .ci")).getText()).startsWith("95% interval");
        assertThat(shown(By.cssSelector("li[data-measure=nps] .n")).getText()).startsWith("18 answers");
        // AND every invitation sent was answered
        assertThat(shown(By.id("response-rate")).getText())
                .isEqualTo("Response rate 100%: 18 answered of 18 invitations sent");
        assertThat(driver.findElements(By.cssSelector(".chart canvas"))).isNotEmpty();
        browser.get().waiting().until(d -> d.findElements(By.cssSelector("#series tbody tr")).size() == 30);

        Accessibility.assertNoSeriousViolations(driver, null, "the console's overview");
        ConsoleCalls.assertFitsAPhone(driver, "the overview");

        // WHEN they switch to weeks THEN there is a point per ISO week the 30 days touch
        // (by their text: an option whose value is its text carries no value attribute, and needs none)
        new Select(driver.findElement(By.id("interval"))).selectByVisibleText("week");
        long weeks = Stream.iterate(today.minusDays(29), day -> !day.isAfter(today), day -> day.plusDays(1))
                .map(day -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))).distinct().count();
        browser.get().waiting().until(d -> d.findElements(By.cssSelector("#series tbody tr")).size() == weeks);

        // WHEN they choose the three days themselves THEN the same 18 answers are counted, and nothing before them
        // is there to compare with
        new Select(driver.findElement(By.id("period"))).selectByVisibleText("Chosen days");
        typeDay("period-from", today.minusDays(2));
        typeDay("period-to", today);
        browser.get().waiting().until(d -> shown(By.cssSelector("li[data-measure=nps] .n")).getText().startsWith("18 answers")
                && d.findElements(By.cssSelector("li[data-measure=nps] .delta")).isEmpty());
        assertThat(npsShown()).isEqualTo("16.7");
        new Select(driver.findElement(By.id("period"))).selectByVisibleText("Last 30 days");

        // WHEN they keep the pro plan only THEN its NPS is 100; the basic plan's is -66.7
        new Select(driver.findElement(By.id("filter-dimension"))).selectByVisibleText("plan");
        browser.get().waiting().until(ExpectedConditions.presenceOfElementLocated(By.xpath("//select[@id='filter-value']"
                + "/option[normalize-space()='pro']")));
        // (first, NPS by plan side by side, each with its interval)
        browser.get().waiting().until(d -> d.findElements(By.cssSelector("#breakdown tbody tr")).size() == 2);
        assertThat(driver.findElement(By.cssSelector("#breakdown tr[data-group=pro] td")).getText()).isEqualTo("100");
        assertThat(driver.findElement(By.cssSelector("#breakdown tr[data-group=basic] td")).getText()).isEqualTo("-66.7");
        new Select(driver.findElement(By.id("filter-value"))).selectByVisibleText("pro");
        browser.get().waiting().until(d -> npsShown().equals("100"));
        new Select(driver.findElement(By.id("filter-value"))).selectByVisibleText("basic");
        browser.get().waiting().until(d -> npsShown().equals("-66.7"));

        // WHEN they go back to every answer and open the costliest theme
        new Select(driver.findElement(By.id("filter-dimension"))).selectByVisibleText("all answers");
        WebElement top = shown(By.cssSelector("#drivers li:first-child a"));
        assertThat(top.getText()).isEqualTo("delivery");
        top.click();
        // THEN they land on the six answers about delivery, and only those
        browser.get().waiting().until(ExpectedConditions.urlContains("/console/answers"));
        browser.get().waiting().until(d -> d.findElements(By.cssSelector(".answers li")).size() == 6);
        List<WebElement> answers = driver.findElements(By.cssSelector(".answers li"));
        assertThat(answers).allSatisfy(item -> assertThat(item.getText()).containsIgnoringCase("delivery"));
        // AND opening one says why: the term matched for its theme
        answers.get(0).findElement(By.cssSelector("button[aria-expanded]")).click();
        browser.get().waiting().until(d -> answers.get(0).findElements(By.cssSelector(".evidence li")).stream()
                .anyMatch(match -> match.getText().startsWith("theme:") && match.getText().endsWith("\u2192 delivery")));
        Accessibility.assertNoSeriousViolations(driver, null, "the console's answers page");
        ConsoleCalls.assertFitsAPhone(driver, "the answers page");
        assertThat(browser.get().console()).doesNotContain("Content Security Policy");
    }
}
