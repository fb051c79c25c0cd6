package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An agent works a Persian detractor's case in the console, from sign-in to the customer's email: the customer was
 * invited by the API and never imported, the agent sees their team's cases, notes, previews the Persian message
 * (right to left) and closes the loop.
 */
class ConsoleCasesIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private static WebElement shown(By locator) {
        return BrowserSteps.shown(browser.get(), locator);
    }

    @Test
    void agent_shouldWorkAPersianDetractorsCase_andCloseTheLoopWithARightToLeftPreviewedEmail() throws Exception {
        // GIVEN sara an agent of support, and a Persian customer invited by email (never imported) who answers 1
        ConsoleCalls.call("PUT", "/api/teams/support", """
                {"ownerEmail":"support-lead@demo.halqe.local","members":["%s"]}""".formatted(SharedCloud.AGENT), 200);
        String address = "parisa-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        JsonNode invitation = ConsoleCalls.call("POST", "/api/invitations", """
                {"surveyId":"demo-nps","channel":"email","customer":{"id":"cust-%s","email":"%s","locale":"fa"}}"""
                .formatted(UUID.randomUUID(), address), 201);
        String comment = "سفارشم دو هفته دیر رسید و کسی جواب نداد";
        JsonNode answered = ConsoleCalls.call("POST", "/s/demo-nps/responses", """
                {"answers":{"nps":1,"comment":"%s"},"language":"fa","token":"%s"}"""
                .formatted(comment, invitation.get("token").asText()), 201);
        SharedCloud.drain();
        String responseId = answered.get("responseId").asText();
        String caseId = null;
        for (JsonNode item : ConsoleCalls.call("GET", "/api/cases?team=support&limit=100", null, 200).get("items")) {
            if (item.get("responseId").asText().equals(responseId)) {
                caseId = item.get("caseId").asText();
            }
        }
        assertThat(caseId).as("a case for answer %s", responseId).isNotNull();

        // WHEN sara opens the console and signs in
        WebDriver driver = browser.get().driver();
        driver.get(SharedCloud.base() + "/console/cases");
        ConsoleCalls.signIn(browser.get(), SharedCloud.AGENT);
        // THEN she sees her team's open cases, this one among them, and no other team's
        WebElement link = shown(By.cssSelector("#out a[href='/console/cases/" + caseId + "']"));
        List<WebElement> listed = driver.findElements(By.cssSelector("#out li"));
        assertThat(listed).isNotEmpty().allSatisfy(item -> assertThat(item.getText()).contains("— support,"));

        // WHEN she opens it and adds a note
        link.click();
        shown(By.xpath("//dd[contains(., '" + comment + "')]"));
        driver.findElement(By.id("note")).sendKeys("با مشتری تماس گرفتم");
        driver.findElement(By.xpath("//button[normalize-space()='Add note']")).click();
        // THEN the note is on the case under her name
        shown(By.xpath("//li[contains(., 'user:" + SharedCloud.AGENT + ": با مشتری تماس گرفتم')]"));

        // (the case page passes axe's WCAG 2.1 AA rules, and fits a 390 px phone without scrolling sideways)
        Accessibility.assertNoSeriousViolations(driver, null, "the console's case page in English");
        ConsoleCalls.assertFitsAPhone(driver, "the case page");
        Screenshots.save(driver, "console-case-en");

        // WHEN she writes the resolution and a Persian message, and previews the email
        String message = "هزینه‌ی ارسال را برگرداندیم و پیک را عوض کردیم.";
        driver.findElement(By.id("resolution")).sendKeys("Refunded the delivery fee; new courier");
        driver.findElement(By.id("customer-message")).sendKeys(message);
        driver.findElement(By.id("preview-button")).click();
        // THEN the preview is the customer's email, in Persian, right to left, to their address
        WebElement preview = shown(By.id("email-preview"));
        assertThat(preview.getAttribute("dir")).isEqualTo("rtl");
        assertThat(preview.getAttribute("lang")).isEqualTo("fa");
        assertThat(preview.getText()).contains("پیگیری بازخورد شما", message, address);

        // WHEN she closes the case
        driver.findElement(By.id("close-button")).click();
        // THEN the console says the customer was told, and the email is in the outbox, in Persian, right to left
        assertThat(shown(By.id("close-outcome")).getText()).isEqualTo("Closed. The customer was told.");
        SharedCloud.drain();
        JsonNode sent = null;
        for (JsonNode email : SharedCloud.outbox().path("emails")) {
            if (email.path("to").path(0).asText().equals(address) && email.path("text").asText().contains(message)) {
                sent = email;
            }
        }
        assertThat(sent).as("the close-the-loop email to %s", address).isNotNull();
        assertThat(sent.path("subject").asText()).isEqualTo("پیگیری بازخورد شما");
        assertThat(sent.path("html").asText()).contains("dir=\"rtl\"");
        assertThat(ConsoleCalls.call("GET", "/api/cases/" + caseId, null, 200).get("status").asText()).isEqualTo("closed");
        // AND the case, read again, awaits the customer's re-survey
        driver.navigate().refresh();
        assertThat(shown(By.xpath("//dt[normalize-space()='Re-survey']/following-sibling::dd[1]")).getText())
                .startsWith("Awaited");

        // AND in Persian the console itself is right to left, with Solar Hijri dates in Persian digits
        new Select(driver.findElement(By.cssSelector("header select"))).selectByValue("fa");
        browser.get().waiting().until(d -> "rtl".equals(d.findElement(By.tagName("html")).getAttribute("dir")));
        String opened = driver.findElement(By.xpath("//dt[normalize-space()='باز شده']/following-sibling::dd[1]"))
                .getText();
        assertThat(opened).containsPattern("۱۴۰[۴-۹]").doesNotContainPattern("[0-9]");
        Accessibility.assertNoSeriousViolations(driver, null, "the console's case page in Persian");
        ConsoleCalls.assertFitsAPhone(driver, "the case page in Persian");
        Screenshots.save(driver, "console-case-fa");
        assertThat(browser.get().console()).doesNotContain("Content Security Policy");
    }
}
