package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * "Open the case" in an alert email, as a team member follows it: the link names the console's page for the case,
 * which sends the reader to sign in first and then shows the case — to an agent of the case's team, and to no one
 * else. Starts from answers and teams made through documented calls only.
 */
class CaseLinkIT {

    private static final Pattern CASE_LINK = Pattern.compile("<a href=\"([^\"]+)\">Open the case</a>");

    @RegisterExtension
    static final Chromium browser = new Chromium();

    /** The alert email's "Open the case" link for the answer that says {@code comment}. */
    private static String caseLinkFor(String comment) throws Exception {
        for (JsonNode email : SharedCloud.outbox().path("emails")) {
            Matcher link = CASE_LINK.matcher(email.path("html").asText());
            if (email.path("text").asText().contains(comment) && link.find()) {
                return link.group(1);
            }
        }
        throw new AssertionError("no alert email with a case link for \"" + comment + "\"");
    }

    @Test
    void caseLink_shouldShowTheCaseAfterSignIn_toAnAgentOfItsTeamOnly() throws Exception {
        // GIVEN sara an agent of support and omid of logistics, and a detractor's answer support's alert went out for
        assertThat(ConsoleCalls.send("PUT", "/api/teams/support", """
                {"ownerEmail":"support-lead@demo.halqe.local","members":["%s"]}""".formatted(SharedCloud.AGENT))
                .statusCode()).isEqualTo(200);
        assertThat(ConsoleCalls.send("PUT", "/api/teams/logistics", """
                {"ownerEmail":"logistics-lead@demo.halqe.local","members":["%s"]}""".formatted(SharedCloud.OTHER_AGENT))
                .statusCode()).isEqualTo(200);
        String comment = "Nobody answered my ticket " + UUID.randomUUID();
        ConsoleCalls.call("POST", "/s/demo-nps/responses", "{\"answers\":{\"nps\":2,\"comment\":\"" + comment
                + "\"}}", 201);
        SharedCloud.drain();
        String link = caseLinkFor(comment);
        assertThat(link).startsWith(SharedCloud.base() + "/console/cases/");
        String caseId = link.substring(link.lastIndexOf('/') + 1);
        // (the page itself carries nothing of the case: a browser without a token gets only the sign-in script)
        HttpResponse<String> bare = ConsoleCalls.send("GET", link.substring(SharedCloud.base().length()), null);
        assertThat(bare.statusCode()).isEqualTo(200);
        assertThat(bare.body()).doesNotContain(comment);
        assertThat(bare.headers().firstValue("content-security-policy").orElseThrow()).contains("script-src 'self';")
                .doesNotContain("unsafe-inline");

        // WHEN sara follows the link from the email
        WebDriver driver = browser.get().driver();
        driver.get(link);
        // THEN she is asked to sign in first, and after that sees the case, its team and the customer's words
        ConsoleCalls.signIn(browser.get(), SharedCloud.AGENT);
        browser.get().waiting().until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("out"), comment));
        assertThat(driver.getCurrentUrl()).isEqualTo(link);
        assertThat(driver.findElement(By.id("title")).getText()).isEqualTo("Case " + caseId);
        assertThat(driver.findElement(By.id("out")).getText()).contains("open", "support", "No notes yet.");
        // (and the console ran within its content security policy: the browser refused nothing)
        assertThat(browser.get().console()).doesNotContain("Content Security Policy");
        // AND her list of open cases links to it
        driver.get(SharedCloud.base() + "/console/cases");
        browser.get().waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "#out a[href='/console/cases/" + caseId + "']")));

        // WHEN omid, an agent of logistics, follows the same link in a fresh tab session
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
        driver.get(link);
        ConsoleCalls.signIn(browser.get(), SharedCloud.OTHER_AGENT);
        // THEN he is told there is no such case for him, and nothing of it is shown
        browser.get().waiting().until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("out"), "belongs to a team you are not in"));
        assertThat(driver.findElement(By.id("out")).getText()).doesNotContain(comment);
        // AND a wrong password keeps anyone out
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
        driver.get(link);
        ConsoleCalls.signIn(browser.get(), SharedCloud.AGENT, "not-her-password");
        browser.get().waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=alert]"),
                "Incorrect username or password."));
    }
}
