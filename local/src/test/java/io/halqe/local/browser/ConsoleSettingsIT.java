package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An admin keeps the settings in the console: makes a team, invites a person into it and changes their role, makes a
 * machine key and revokes it, and reads all of it back in the audit log — in English, then in Persian.
 */
class ConsoleSettingsIT {

    @RegisterExtension
    static final Chromium browser = new Chromium();

    private static WebElement shown(By locator) {
        return BrowserSteps.shown(browser.get(), locator);
    }

    private static void type(String id, String text) {
        BrowserSteps.type(browser.get(), id, text);
    }

    private static void section(String name) {
        browser.get().driver().findElement(By.cssSelector("nav.tabs a[href='/console/settings/" + name + "']")).click();
        browser.get().waiting().until(ExpectedConditions.urlContains("/console/settings/" + name));
    }

    private static void checked(String what) {
        WebDriver driver = browser.get().driver();
        Accessibility.assertNoSeriousViolations(driver, null, what);
        ConsoleCalls.assertFitsAPhone(driver, what);
    }

    /** A call with a machine key, as a BI tool makes it. */
    private static int statusWith(String key, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(SharedCloud.base() + path))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void admin_shouldManageTeamsPeopleAndKeys_andFindEveryChangeInTheAuditLog() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String team = "billing-" + run;
        String person = "lena-" + run;
        String email = person + "@example.com";
        WebDriver driver = browser.get().driver();

        // GIVEN the admin, signed in, on the teams settings
        driver.get(SharedCloud.base() + "/console/settings/teams");
        ConsoleCalls.signIn(browser.get(), SharedCloud.ADMIN);
        // WHEN they open a team that does not exist yet and save it
        type("team-id", team);
        shown(By.cssSelector("form.search button[type=submit]")).click();
        type("team-name", "Billing");
        type("team-ownerEmail", "billing-lead@example.com");
        checked("the teams settings");
        shown(By.id("save-team")).click();
        // THEN it is saved, as the API reads it
        browser.get().waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("teams-outcome"), "Saved."));
        assertThat(ConsoleCalls.call("GET", "/api/teams/" + team, null, 200).get("ownerEmail").asText())
                .isEqualTo("billing-lead@example.com");

        // WHEN they invite a person as an agent of that team
        section("users");
        type("new-username", person);
        type("new-email", email);
        new Select(shown(By.id("new-role"))).selectByVisibleText("agent");
        type("new-teams", team);
        shown(By.id("invite")).click();
        // THEN the person is listed, waiting for their first sign-in, and the pool emailed them a temporary password
        browser.get().waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("users-outcome"), "is invited"));
        WebElement row = shown(By.cssSelector("tr[data-user='" + person + "']"));
        assertThat(row.getText()).contains(email).contains("agent").contains(team).contains("FORCE_CHANGE_PASSWORD");
        boolean emailed = false;
        for (JsonNode sent : SharedCloud.outbox().path("emails")) {
            emailed |= sent.path("to").path(0).asText().equals(email)
                    && sent.path("text").asText().contains("temporary password");
        }
        assertThat(emailed).as("an invitation to %s in the outbox", email).isTrue();
        checked("the people settings");

        // WHEN they make the person a viewer
        row.findElement(By.xpath(".//button[normalize-space()='Change']")).click();
        new Select(shown(By.id("edit-role"))).selectByVisibleText("viewer");
        shown(By.xpath("//button[normalize-space()='Save " + person + "']")).click();
        // THEN the list says so
        browser.get().waiting().until(d -> d.findElement(By.cssSelector("tr[data-user='" + person + "']")).getText()
                .contains("viewer"));

        // WHEN they make a key that reads metrics
        section("keys");
        type("key-name", "bi-export-" + run);
        shown(By.cssSelector("input[name=scopes][value='metrics:read']")).click();
        shown(By.id("make-key")).click();
        // THEN its secret is shown this once, and it reads metrics but may not make surveys
        String secret = shown(By.id("key-secret")).getAttribute("value");
        assertThat(secret).startsWith("hq_");
        assertThat(statusWith(secret, "/api/surveys/demo-nps/metrics")).isEqualTo(200);
        assertThat(statusWith(secret, "/api/keys")).isEqualTo(403);
        checked("the keys settings");

        // WHEN they revoke it, confirming THEN it is marked revoked
        WebElement key = shown(By.xpath("//tr[td[contains(., 'bi-export-" + run + "')]]"));
        key.findElement(By.xpath(".//button[normalize-space()='Revoke']")).click();
        shown(By.xpath("//button[normalize-space()='Yes, revoke bi-export-" + run + "']")).click();
        browser.get().waiting().until(d -> d.findElement(By.xpath("//tr[td[contains(., 'bi-export-" + run + "')]]"))
                .findElement(By.cssSelector(".state")).getText().startsWith("revoked"));

        // WHEN they read the audit log of their own actions
        section("audit");
        type("audit-actor", "user:" + SharedCloud.ADMIN);
        shown(By.cssSelector("form.filters button[type=submit]")).click();
        // THEN the team, the invitation, the role change, the key and its revocation are there
        browser.get().waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "DELETE /api/keys"));
        String log = driver.findElement(By.id("audit")).getText();
        assertThat(log).contains("PUT /api/teams/{teamId}", "POST /api/users", "PUT /api/users/{username}",
                "POST /api/keys", "/api/users/" + person, "role: agent → viewer");
        checked("the audit log");
        Screenshots.save(driver, "console-settings-en");

        // WHEN the admin reads it in Persian THEN it is right to left, dated in the Solar Hijri calendar
        new Select(driver.findElement(By.cssSelector("header select"))).selectByValue("fa");
        browser.get().waiting().until(d -> "rtl".equals(d.findElement(By.tagName("html")).getAttribute("dir")));
        browser.get().waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "۱۴۰۵"));
        checked("the audit log in Persian");
        Screenshots.save(driver, "console-settings-fa");
        assertThat(browser.get().console()).doesNotContain("Content Security Policy");
    }
}
