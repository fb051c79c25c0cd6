package io.halqe.local.browser;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * What a person does on a console page, as the browser tests do it: wait for something to show, type into a field,
 * type a day, change the console's language, and check a page in English and Persian.
 */
final class BrowserSteps {

    private BrowserSteps() {
    }

    static WebElement shown(HeadlessChromium chromium, By locator) {
        return chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** The field with this id, emptied, then typed into. */
    static void type(HeadlessChromium chromium, String id, String text) {
        WebElement field = shown(chromium, By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** A day typed into a date field as a person types it (the browser's en-US order: month, day, year). */
    static void typeDay(HeadlessChromium chromium, String fieldId, LocalDate day) {
        WebElement field = chromium.driver().findElement(By.id(fieldId));
        field.sendKeys(day.format(DateTimeFormatter.ofPattern("MMddyyyy")));
        chromium.waiting().until(d -> day.toString().equals(field.getAttribute("value")));
    }

    /** The console's language picked in its header, and the page redrawn in it. */
    static void chooseLanguage(HeadlessChromium chromium, String language) {
        new Select(chromium.driver().findElement(By.cssSelector("header select"))).selectByValue(language);
        chromium.waiting().until(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    /** A page checked in English and in Persian: axe's WCAG 2.1 AA rules, a 390 px phone, and a screenshot each. */
    static void checkInBothLanguages(HeadlessChromium chromium, String page, String what) {
        WebDriver driver = chromium.driver();
        Accessibility.assertNoSeriousViolations(driver, null, "the console's " + what + " in English");
        ConsoleCalls.assertFitsAPhone(driver, "the " + what + " in English");
        Screenshots.save(driver, "console-" + page + "-en");
        chooseLanguage(chromium, "fa");
        chromium.waiting().until(d -> "rtl".equals(d.findElement(By.tagName("html")).getAttribute("dir")));
        Accessibility.assertNoSeriousViolations(driver, null, "the console's " + what + " in Persian");
        ConsoleCalls.assertFitsAPhone(driver, "the " + what + " in Persian");
        Screenshots.save(driver, "console-" + page + "-fa");
    }
}
