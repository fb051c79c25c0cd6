package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A CX lead in the console's automation and reports pages: an alert rule added through the form, a bad value refused
 * next to its field and then the rule saved; the contact policy asked whether a customer would be contacted; the
 * effectiveness of closing the loop and a team's weekly digest read. The rule sets are global on the shared cloud:
 * the test adds a rule of its own and takes it out again.
 */
class ConsoleAutomationIT {

    /** A browser per test: each signs in afresh, in English. */
    @RegisterExtension
    final Chromium browser = new Chromium();

    private WebElement shown(By locator) {
        return BrowserSteps.shown(browser.get(), locator);
    }

    private void chooseLanguage(String language) {
        BrowserSteps.chooseLanguage(browser.get(), language);
    }

    /** A page checked in English and in Persian: axe's WCAG 2.1 AA rules, a 390 px phone, and a screenshot each. */
    private void checkInBothLanguages(String page, String what) {
        BrowserSteps.checkInBothLanguages(browser.get(), page, what);
    }

    /** A day typed into a date field as a person types it (the browser's en-US order: month, day, year). */
    private void typeDay(String fieldId, LocalDate day) {
        BrowserSteps.typeDay(browser.get(), fieldId, day);
    }

    /** The alert rules in force without the one of {@code id}, put back: the shared cloud's others untouched. */
    private static void removeAlertRule(String id) throws Exception {
        ArrayNode kept = ConsoleCalls.JSON.createArrayNode();
        for (JsonNode rule : ConsoleCalls.call("GET", "/api/alert-rules", null, 200).get("rules")) {
            if (!rule.path("id").asText().equals(id)) {
                kept.add(rule);
            }
        }
        ConsoleCalls.call("PUT", "/api/alert-rules", "{\"rules\":" + kept + "}", 200);
    }

    @Test
    void manager_shouldSeeABadValueRefusedNextToItsField_andThenTheAlertRuleSaved_whenAddingItThroughTheForm()
            throws Exception {
        // GIVEN a rule id of this run's own
        String run = UUID.randomUUID().toString().substring(0, 8);
        String id = "it-vip-" + run;
        try {
            // WHEN the manager opens Automation and fills in an alert rule for an enterprise segment with an address
            // that is none
            WebDriver driver = browser.get().driver();
            driver.get(SharedCloud.base() + "/console/automation");
            ConsoleCalls.signIn(browser.get(), SharedCloud.MANAGER);
            shown(By.id("alert-id")).sendKeys(id);
            driver.findElement(By.id("alert-name")).sendKeys("VIP detractor " + run);
            new Select(driver.findElement(By.id("alert-pattern-kind"))).selectByValue("segment");
            driver.findElement(By.id("alert-pattern-value")).sendKeys("enterprise-" + run);
            driver.findElement(By.id("alert-team")).sendKeys("sales");
            WebElement emailTo = driver.findElement(By.id("alert-actions-emailTo"));
            emailTo.clear();
            emailTo.sendKeys("owner, vip at example");
            driver.findElement(By.id("alert-save")).click();

            // THEN the API's refusal is shown next to that field, and the rule is not stored
            WebElement problem = shown(By.id("alert-actions-emailTo-problem"));
            assertThat(problem.getText()).contains(".actions.emailTo", "owner, team or an email address");
            assertThat(emailTo.getAttribute("aria-describedby")).isEqualTo("alert-actions-emailTo-problem");
            assertThat(ConsoleCalls.call("GET", "/api/alert-rules", null, 200).get("rules").findValuesAsText("id"))
                    .doesNotContain(id);

            // WHEN they correct the address and save again
            emailTo.clear();
            emailTo.sendKeys("owner, vip-" + run + "@example.com");
            driver.findElement(By.id("alert-save")).click();

            // THEN the page says it is saved and lists it, and the API has the rule as the form wrote it
            assertThat(shown(By.cssSelector("#alerts-outcome p")).getText()).startsWith("Saved.");
            shown(By.cssSelector(".rules li[data-rule='" + id + "']"));
            assertThat(driver.findElements(By.id("alert-actions-emailTo-problem"))).isEmpty();
            JsonNode saved = null;
            for (JsonNode rule : ConsoleCalls.call("GET", "/api/alert-rules", null, 200).get("rules")) {
                if (rule.path("id").asText().equals(id)) {
                    saved = rule;
                }
            }
            assertThat(saved).as("rule %s", id).isNotNull();
            assertThat(saved.get("name").asText()).isEqualTo("VIP detractor " + run);
            assertThat(ConsoleCalls.JSON.readTree(saved.get("pattern").asText()))
                    .isEqualTo(ConsoleCalls.JSON.readTree("{\"customer\":{\"segment\":[\"enterprise-" + run + "\"]}}"));
            assertThat(saved.get("team").asText()).isEqualTo("sales");
            assertThat(saved.get("severity").asText()).isEqualTo("high");
            assertThat(saved.at("/actions/email").asText()).isEqualTo("immediate");
            assertThat(saved.at("/actions/emailTo/1").asText()).isEqualTo("vip-" + run + "@example.com");
            assertThat(saved.at("/actions/openCase/dueIn").asText()).isEqualTo("PT48H");
            checkInBothLanguages("automation", "automation page");
            assertThat(browser.get().console()).doesNotContain("Content Security Policy");
        } finally {
            removeAlertRule(id);
        }
    }

    @Test
    void manager_shouldSeeTheContactPolicysAnswer_whenAskingWhetherACustomerWouldBeContactedAtNight() throws Exception {
        // GIVEN a customer never contacted, in Tehran
        String email = "dry-run-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        // WHEN the manager opens the contact policy and asks about them at 20:00 UTC (23:30 in Tehran)
        WebDriver driver = browser.get().driver();
        driver.get(SharedCloud.base() + "/console/automation/contact-policy");
        ConsoleCalls.signIn(browser.get(), SharedCloud.MANAGER);
        assertThat(shown(By.id("policy-frequencyCap")).getAttribute("value")).isNotBlank();
        // (an option whose text is its value has no value attribute, so it is found by its value property)
        WebElement demo = browser.get().waiting().until(d -> new Select(d.findElement(By.id("dry-run-survey"))).getOptions()
                .stream().filter(option -> "demo-nps".equals(option.getDomProperty("value"))).findFirst().orElse(null));
        demo.click();
        driver.findElement(By.id("dry-run-email")).sendKeys(email);
        driver.findElement(By.id("dry-run-time-zone")).sendKeys("Asia/Tehran");
        WebElement at = driver.findElement(By.id("dry-run-at"));
        at.sendKeys("11252026");
        at.sendKeys(Keys.TAB);
        at.sendKeys("0800PM");
        browser.get().waiting().until(d -> "2026-11-25T20:00".equals(at.getAttribute("value")));
        driver.findElement(By.id("dry-run-button")).click();

        // THEN the page gives the API's answer to the same question (by the default policy: not now, quiet hours
        // where they are, and until when it would wait)
        WebElement answer = shown(By.cssSelector("#dry-run-answer p[data-would-contact]"));
        JsonNode api = ConsoleCalls.call("POST", "/api/outreach/dry-run", """
                {"surveyId":"demo-nps","customer":{"email":"%s"},"timeZone":"Asia/Tehran","kind":"invitation",
                 "at":"2026-11-25T20:00:00Z"}""".formatted(email), 200);
        assertThat(answer.getAttribute("data-would-contact")).isEqualTo(api.get("wouldContact").asText());
        assertThat(answer.getAttribute("data-reason")).isEqualTo(api.path("reason").asText(""));
        if (api.path("reason").asText().equals("quiet_hours")) {
            assertThat(answer.getText()).isEqualTo("No: quiet hours where they are.");
            assertThat(driver.findElement(By.id("dry-run-answer")).getText()).contains("It would wait until");
        }
        Accessibility.assertNoSeriousViolations(driver, null, "the console's contact policy and dry run");
        ConsoleCalls.assertFitsAPhone(driver, "the contact policy and dry run");
    }

    @Test
    void manager_shouldSeeTheClosedCaseInTheEffectivenessReport_andATeamsDigestPreview() throws Exception {
        // GIVEN a detractor invited by email whose case is closed now
        String run = UUID.randomUUID().toString().substring(0, 8);
        JsonNode invitation = ConsoleCalls.call("POST", "/api/invitations", """
                {"surveyId":"demo-nps","channel":"email","customer":{"id":"eff-%s","email":"eff-%s@example.com"}}"""
                .formatted(run, run), 201);
        String responseId = ConsoleCalls.call("POST", "/s/demo-nps/responses", """
                {"answers":{"nps":2,"comment":"The delivery was late and nobody answered"},"language":"en","token":"%s"}"""
                .formatted(invitation.get("token").asText()), 201).get("responseId").asText();
        SharedCloud.drain();
        String caseId = caseOf(responseId);
        ConsoleCalls.call("POST", "/api/cases/" + caseId + "/close",
                "{\"resolution\":\"Refunded the delivery\",\"notifyCustomer\":false}", 200);
        LocalDate today = SharedCloud.now().atZone(ZoneOffset.UTC).toLocalDate();

        // WHEN the manager opens Reports and picks the days around the local cloud's today
        WebDriver driver = browser.get().driver();
        driver.get(SharedCloud.base() + "/console/reports");
        ConsoleCalls.signIn(browser.get(), SharedCloud.MANAGER);
        new Select(shown(By.id("period"))).selectByValue("custom");
        typeDay("from", today.minusDays(1));
        typeDay("to", today.plusDays(1));

        // THEN the figures are the API's for those days, the closed case among them, by team as bars and as a table
        shown(By.id("effectiveness-overall"));
        String from = today.minusDays(1) + "T00:00:00Z";
        String to = today.plusDays(2) + "T00:00:00Z";
        JsonNode report = ConsoleCalls.call("GET", "/api/reports/effectiveness?from="
                + URLEncoder.encode(from, StandardCharsets.UTF_8) + "&to=" + URLEncoder.encode(to, StandardCharsets.UTF_8),
                null, 200);
        assertThat(report.at("/overall/closedCases").asInt()).isPositive();
        assertThat(driver.findElement(By.cssSelector("#effectiveness-overall li[data-figure=closedCases] .value"))
                .getText()).isEqualTo(String.valueOf(report.at("/overall/closedCases").asInt()));
        assertThat(driver.findElement(By.cssSelector("#effectiveness-overall li[data-figure=detractorsBefore] .value"))
                .getText()).isEqualTo(String.valueOf(report.at("/overall/detractorsBefore").asInt()));
        String team = null;
        for (JsonNode group : report.get("byTeam")) {
            if (group.get("closedCases").asInt() > 0) {
                team = group.get("key").asText();
                WebElement row = driver.findElement(By.cssSelector("#by-team tr[data-key='" + team + "']"));
                assertThat(row.findElements(By.tagName("td")).get(0).getText())
                        .isEqualTo(String.valueOf(group.get("closedCases").asInt()));
                assertThat(driver.findElements(By.cssSelector("#share-by-team li[data-key='" + team + "'] svg.bar")))
                        .hasSize(1);
            }
        }
        assertThat(team).as("a team with closed cases").isNotNull();

        // WHEN they preview that team's weekly digest
        driver.findElement(By.id("digest-team")).sendKeys(team);
        driver.findElement(By.id("digest-button")).click();
        // THEN they read the digest its owner would get, as the API builds it, and nothing was sent
        WebElement subject = shown(By.id("digest-subject"));
        JsonNode preview = ConsoleCalls.call("GET", "/api/teams/" + team + "/digest/preview", null, 200);
        assertThat(subject.getText()).isEqualTo(preview.get("subject").asText()).startsWith("[Halqe] ")
                .contains(" — week " + preview.get("week").asText());
        assertThat(driver.findElement(By.id("digest-text")).getText()).contains("Open cases: ");
        checkInBothLanguages("reports", "reports page");
        assertThat(browser.get().console()).doesNotContain("Content Security Policy");
    }

    /** The case opened for an answer, found in the open and closed case lists, page by page. */
    private static String caseOf(String responseId) throws Exception {
        String cursor = null;
        do {
            JsonNode page = ConsoleCalls.call("GET", "/api/cases?status=open&limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), null, 200);
            for (JsonNode item : page.get("items")) {
                if (item.get("responseId").asText().equals(responseId)) {
                    return item.get("caseId").asText();
                }
            }
            cursor = page.path("next").isTextual() ? page.get("next").asText() : null;
        } while (cursor != null);
        throw new AssertionError("no case for answer " + responseId + " by " + Instant.now());
    }
}
