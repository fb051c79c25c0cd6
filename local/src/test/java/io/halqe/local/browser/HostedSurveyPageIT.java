package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The hosted survey page ({@code GET /s/demo-nps?lang=…}) in a real browser: a customer picks a score by its label,
 * writes a comment, sends the plain form, sees the thank-you page, and the team finds exactly that response.
 */
class HostedSurveyPageIT {

    private static final String SURVEY = "demo-nps";
    private static final String EVERY_TYPE = "checkout-page";

    private static HeadlessChromium chromium;

    @BeforeAll
    static void startChromiumAndTheLocalCloud() throws Exception {
        chromium = HeadlessChromium.start();
        AdminApi.createSurvey(AdminApi.everyQuestionType(EVERY_TYPE, "{}"));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void hostedPage_shouldStoreTheAnswerAndThankInPersian_whenACustomerAnswersInFarsi() throws Exception {
        // GIVEN the Persian hosted page, right to left
        Set<String> before = AdminApi.responseIds(SURVEY);
        String comment = "ارسال سریع بود ولی بسته‌بندی آسیب دیده بود";
        WebDriver driver = open("fa");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fa");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");

        // WHEN the customer clicks the label ۹, writes a Persian comment and sends the form
        WebElement nine = scoreLabel(driver, 9);
        assertThat(nine.getText()).isEqualTo("۹");
        assertThat(driver.findElements(By.xpath("//label[input[@name='nps']]"))).extracting(WebElement::getText)
                .containsExactly("۰", "۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸", "۹", "۱۰");
        // (the scale reads right to left: ۰ is to the right of ۱)
        assertThat(scoreLabel(driver, 0).getRect().getX()).isGreaterThan(scoreLabel(driver, 1).getRect().getX());
        nine.click();
        assertThat(driver.findElement(By.cssSelector("input[name=nps][value='9']")).isSelected()).isTrue();
        // (with JavaScript the comment asks the promoter follow-up, and the score is already saved as a draft)
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("label[for=q-comment]"), "خوشحالیم"));
        driver.findElement(By.cssSelector("textarea[name=comment]")).sendKeys(comment);
        driver.findElement(By.cssSelector("button[type=submit]")).click();

        // THEN the thank-you page is shown in Persian, right to left
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "سپاسگزاریم"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        // AND exactly one response, with that score and comment, is stored
        AdminApi.assertStoredOnce(SURVEY, before, 9, comment, "fa");
    }

    @Test
    void hostedPage_shouldStoreTheAnswerAndThankInEnglish_whenACustomerAnswersInEnglish() throws Exception {
        // GIVEN the English hosted page, left to right
        Set<String> before = AdminApi.responseIds(SURVEY);
        String comment = "Fast delivery, but the box was <b>damaged</b> & wet";
        WebDriver driver = open("en");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");

        // WHEN the customer clicks the label 9, writes a comment and sends the form
        WebElement nine = scoreLabel(driver, 9);
        assertThat(nine.getText()).isEqualTo("9");
        nine.click();
        assertThat(driver.findElement(By.cssSelector("input[name=nps][value='9']")).isSelected()).isTrue();
        driver.findElement(By.cssSelector("textarea[name=comment]")).sendKeys(comment);
        driver.findElement(By.cssSelector("button[type=submit]")).click();

        // THEN the thank-you page is shown in English
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Thank you"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");
        // AND exactly one response, with that score and comment, is stored
        AdminApi.assertStoredOnce(SURVEY, before, 9, comment, "en");
    }

    @Test
    void hostedPage_shouldNeverScrollSideways_andKeepTheNpsScaleOnOneRowOnADesktop_inEveryLanguage() {
        WebDriver driver = chromium.driver();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        try {
            for (String language : List.of("en", "fa", "ar")) {
                for (int width : new int[] {1200, 390}) {
                    // GIVEN a window of that width WHEN the page opens in that language
                    driver.manage().window().setSize(new Dimension(width, 900));
                    open(language);
                    // THEN nothing sticks out sideways (the right-to-left pages included)
                    String where = language + " at " + width + " px";
                    assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue()).as(where)
                            .isEqualTo(((Number) js.executeScript("return document.documentElement.clientWidth")).longValue());
                    // AND the 0-10 scale is one row on a desktop, two balanced rows on a phone
                    Set<Integer> rows = new java.util.TreeSet<>();
                    for (int score = 0; score <= 10; score++) {
                        rows.add(scoreLabel(driver, score).getRect().getY());
                    }
                    assertThat(rows).as(where).hasSize(width == 1200 ? 1 : 2);
                    // AND the scale's ends are labelled
                    assertThat(driver.findElements(By.cssSelector(".ends span"))).as(where).hasSize(2)
                            .allSatisfy(end -> assertThat(end.getText()).isNotBlank());
                }
            }
        } finally {
            driver.manage().window().setSize(new Dimension(1200, 900));
        }
    }

    @Test
    void hostedPage_shouldPassAxe_andNeverScrollSideways_withEveryQuestionType_inEnglishPersianAndArabic() {
        WebDriver driver = chromium.driver();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        for (String language : List.of("en", "fa", "ar")) {
            // GIVEN the checkout survey (every question type) in that language, on a desktop
            driver.manage().window().setSize(new Dimension(1200, 900));
            driver.get(SharedCloud.base() + "/s/" + EVERY_TYPE + "?lang=" + language);
            chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[type=submit]")));
            // THEN axe-core finds no serious or critical WCAG 2.1 AA violation, and nothing sticks out sideways
            Accessibility.assertNoSeriousViolations(driver, null, "the hosted page in " + language);
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue()).as(language)
                    .isEqualTo(((Number) js.executeScript("return document.documentElement.clientWidth")).longValue());
            // AND yes/no reads as words in that language
            assertThat(driver.findElements(By.xpath("//label[input[@name='again']]"))).extracting(WebElement::getText)
                    .containsExactly(switch (language) {
                        case "fa" -> new String[] {"بله", "خیر"};
                        case "ar" -> new String[] {"نعم", "لا"};
                        default -> new String[] {"Yes", "No"};
                    });
            Screenshots.save(driver, "page-" + language);
        }
    }

    @Test
    void axeCheck_shouldFail_whenAPageHasASeriousViolation() {
        // GIVEN a page with an unlabelled text field and an image without alternative text
        WebDriver driver = chromium.driver();
        driver.get("data:text/html;charset=utf-8,<!doctype html><html lang=en><title>t</title><main>"
                + "<input type=text><img src=x.png></main></html>");
        // THEN the check the tests rely on fails, naming the rules
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Accessibility.assertNoSeriousViolations(driver, null, "bad page"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("label").hasMessageContaining("image-alt");
    }

    @Test
    void followUp_shouldAlwaysMatchTheLastScoreChosen() {
        // GIVEN the English page and its comment question's own words
        WebDriver driver = open("en");
        String asked = driver.findElement(By.cssSelector("label[for=q-comment]")).getText();
        // WHEN the score changes from 3 to 8, then to 10, then back to 2
        // THEN the follow-up is the detractor's, the question's own (no passive follow-up), the promoter's, the detractor's
        scoreLabel(driver, 3).click();
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("label[for=q-comment]"), "fix first"));
        scoreLabel(driver, 8).click();
        chromium.waiting().until(ExpectedConditions.textToBe(By.cssSelector("label[for=q-comment]"), asked));
        scoreLabel(driver, 10).click();
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("label[for=q-comment]"), "like most"));
        scoreLabel(driver, 2).click();
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("label[for=q-comment]"), "fix first"));
    }

    private static WebDriver open(String language) {
        WebDriver driver = chromium.driver();
        driver.get(SharedCloud.base() + "/s/" + SURVEY + "?lang=" + language);
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[type=submit]")));
        return driver;
    }

    /** The label wrapping {@code input[name=nps][value=score]}: what a customer actually clicks. */
    private static WebElement scoreLabel(WebDriver driver, int score) {
        WebElement radio = driver.findElement(By.cssSelector("input[name=nps][value='" + score + "']"));
        return radio.findElement(By.xpath("ancestor::label[1]"));
    }

}
