package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A CX lead in the console's customers and announcements pages: a spreadsheet of customers saved by Excel as
 * "CSV UTF-8" (with its byte-order mark) imported through the page with its per-row report, one of them found by
 * email; then "you asked, we did" told to the customers who complained about delivery, their audience seen by
 * language before anything is sent.
 */
class ConsoleCustomersIT {

    /** A browser per test: each signs in afresh, in English. */
    @RegisterExtension
    final Chromium browser = new Chromium();
    @TempDir
    Path files;

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

    @Test
    void manager_shouldImportAnExcelCsvWithItsByteOrderMark_andFindAnImportedCustomerByEmail() throws Exception {
        // GIVEN Excel's "CSV UTF-8" of three customers: one with an id, a Persian one named by their email, one whose
        // email is not one
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "Leila.Ahmadi-" + run + "@Example.com";
        Path csv = files.resolve("customers.csv");
        Files.writeString(csv, "\uFEFFCustomer ID,E-mail,Full Name,Locale,Plan\r\n"
                + "imp-" + run + "-1,ali-" + run + "@example.com,Ali Rezaei,en-US,pro\r\n"
                + "," + email + ",لیلا احمدی,fa-IR,basic\r\n"
                + "imp-" + run + "-3,not-an-email,Bad Row,en,pro\r\n", StandardCharsets.UTF_8);
        assertThat(Files.readAllBytes(csv)).startsWith(0xEF, 0xBB, 0xBF);

        // WHEN the manager signs in, opens Customers and imports the file through the page
        WebDriver driver = browser.get().driver();
        driver.get(SharedCloud.base() + "/console/customers");
        ConsoleCalls.signIn(browser.get(), SharedCloud.MANAGER);
        shown(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        driver.findElement(By.id("import-button")).click();

        // THEN the report counts 3 rows, 2 created and 1 failed, and names the failed row's field
        WebElement report = shown(By.id("import-errors"));
        assertThat(driver.findElement(By.cssSelector("#import-report li[data-count=rows] .value")).getText()).isEqualTo("3");
        assertThat(driver.findElement(By.cssSelector("#import-report li[data-count=created] .value")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.cssSelector("#import-report li[data-count=failed] .value")).getText()).isEqualTo("1");
        List<WebElement> problems = report.findElements(By.cssSelector("tbody tr"));
        assertThat(problems).singleElement().satisfies(row -> {
            assertThat(row.getAttribute("data-row")).isEqualTo("4");
            assertThat(row.findElements(By.tagName("td")).get(1).getText()).isEqualTo("imp-" + run + "-3");
            assertThat(row.findElements(By.tagName("td")).get(2).getText()).isEqualTo("email");
        });

        // WHEN they look the Persian customer up by their email, as typed in the spreadsheet
        driver.findElement(By.id("customer-query")).sendKeys(email);
        driver.findElement(By.id("find-button")).click();
        // THEN their profile shows, named in Persian, their id the lower-cased email, with no answers yet
        assertThat(shown(By.id("profile-title")).getText()).isEqualTo("لیلا احمدی");
        String id = email.toLowerCase(java.util.Locale.ROOT);
        assertThat(driver.findElement(By.id("profile")).getText()).contains(id, "basic", "fa");
        assertThat(driver.findElement(By.id("health")).getText()).isEqualTo("No health yet: they have not answered.");
        checkInBothLanguages("customers", "customers page");

        // WHEN they ask to erase the customer THEN nothing happens until their id is typed to confirm
        driver.findElement(By.id("erase-button")).click();
        WebElement eraseNow = shown(By.id("erase-now"));
        assertThat(eraseNow.isEnabled()).isFalse();
        driver.findElement(By.id("erase-id")).sendKeys(id);
        browser.get().waiting().until(d -> d.findElement(By.id("erase-now")).isEnabled());
        driver.findElement(By.id("erase-now")).click();
        // AND then the receipt shows, and the customer is gone
        shown(By.id("customer-notice"));
        assertThat(ConsoleCalls.send("GET", "/api/customers/" + id, null).statusCode()).isEqualTo(404);
        assertThat(browser.get().console()).doesNotContain("Content Security Policy");
    }

    /** A customer invited by link, with their address and language signed in, answering. */
    private static void answer(String survey, String id, String email, String language, int nps, String comment)
            throws Exception {
        JsonNode invitation = ConsoleCalls.call("POST", "/api/invitations", """
                {"surveyId":"%s","channel":"link","customer":{"id":"%s","email":"%s","locale":"%s"}}"""
                .formatted(survey, id, email, language), 201);
        ConsoleCalls.call("POST", "/s/" + survey + "/responses", """
                {"answers":{"nps":%d,"comment":"%s"},"language":"%s","token":"%s"}"""
                .formatted(nps, comment, language, invitation.get("token").asText()), 201);
    }

    private static List<JsonNode> emailsTo(List<String> addresses) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode email : SharedCloud.outbox().path("emails")) {
            if (addresses.contains(email.path("to").path(0).asText())) {
                found.add(email);
            }
        }
        return found;
    }

    /** A day typed into a date field as a person types it (the browser's en-US order: month, day, year). */
    private void typeDay(String fieldId, LocalDate day) {
        BrowserSteps.typeDay(browser.get(), fieldId, day);
    }

    @Test
    void manager_shouldSeeTheAudienceByLanguageBeforeSending_andTheCustomersGetTheAnnouncementAfter() throws Exception {
        // GIVEN a survey in English and Persian; two English customers and a Persian one complain about delivery,
        // another English one about the price
        String run = UUID.randomUUID().toString().substring(0, 8);
        String survey = "announce-it-" + run;
        ConsoleCalls.call("POST", "/api/surveys", """
                {"id":"%s","name":{"en":"Announcements %s","fa":"اطلاعیه‌ها"},"kind":"relationship",
                 "defaultLanguage":"en","languages":["en","fa"],
                 "questions":[{"id":"nps","type":"nps","required":true,
                               "text":{"en":"Would you recommend us?","fa":"ما را پیشنهاد می‌کنید؟"}},
                              {"id":"comment","type":"text","text":{"en":"Why?","fa":"چرا؟"}}],
                 "thankYou":{"en":"Thanks!","fa":"سپاس!"}}""".formatted(survey, run), 201);
        List<String> told = List.of("ann-en1-" + run + "@example.com", "ann-en2-" + run + "@example.com",
                "ann-fa-" + run + "@example.com");
        String priceOnly = "ann-price-" + run + "@example.com";
        answer(survey, "ann-en1-" + run, told.get(0), "en", 3, "The delivery was late again");
        answer(survey, "ann-en2-" + run, told.get(1), "en", 2, "My delivery never arrived");
        answer(survey, "ann-fa-" + run, told.get(2), "fa", 1, "سفارشم دو هفته دیر رسید");
        answer(survey, "ann-price-" + run, priceOnly, "en", 4, "The price is far too high");
        SharedCloud.drain();
        LocalDate today = SharedCloud.now().atZone(ZoneOffset.UTC).toLocalDate();

        // WHEN the manager opens Announcements, picks the survey, the theme and the last two days
        WebDriver driver = browser.get().driver();
        driver.get(SharedCloud.base() + "/console/announcements");
        ConsoleCalls.signIn(browser.get(), SharedCloud.MANAGER);
        browser.get().waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#survey option[value='"
                + survey + "']")));
        new Select(driver.findElement(By.id("survey"))).selectByValue(survey);
        driver.findElement(By.id("theme")).sendKeys("delivery");
        typeDay("from", today.minusDays(1));
        typeDay("to", today);
        driver.findElement(By.id("audience-button")).click();

        // THEN before anything is sent they see whom it would reach: three customers, two in English, one in Persian
        assertThat(shown(By.id("audience-summary")).getText()).startsWith("3 customers would be told");
        assertThat(driver.findElement(By.cssSelector("#audience-languages tr[data-language=en]")).getText())
                .isEqualTo("English 2");
        assertThat(driver.findElement(By.cssSelector("#audience-languages tr[data-language=fa]")).getText())
                .isEqualTo("Persian 1");
        assertThat(driver.findElement(By.cssSelector("#audience dd[data-count=withoutEmail]")).getText()).isEqualTo("0");
        assertThat(driver.findElement(By.cssSelector("#audience dd[data-count=suppressed]")).getText()).isEqualTo("0");
        SharedCloud.drain();
        assertThat(emailsTo(told)).as("emails before sending").isEmpty();

        // WHEN they write the message in English and in Persian (a right-to-left field), and look at the preview
        String english = "Deliveries now arrive the next day, tracked all the way.";
        String persian = "از این پس سفارش‌ها روز بعد می‌رسند و تا در خانه قابل پیگیری‌اند.";
        driver.findElement(By.id("message-en")).sendKeys(english);
        WebElement persianField = driver.findElement(By.id("message-fa"));
        assertThat(persianField.getAttribute("dir")).isEqualTo("rtl");
        assertThat(persianField.getAttribute("lang")).isEqualTo("fa");
        persianField.sendKeys(persian);
        assertThat(shown(By.cssSelector("#preview-fa pre")).getText()).isEqualTo(persian);
        assertThat(driver.findElement(By.cssSelector("#preview-ar pre")).getText()).isEqualTo(english);
        Accessibility.assertNoSeriousViolations(driver, null, "the console's announcements page, about to send");

        // AND send it
        WebElement send = driver.findElement(By.id("send-button"));
        assertThat(send.getText()).isEqualTo("Send to 3 customers");
        send.click();

        // THEN the page shows the API's counts, and each customer has the announcement in their language
        assertThat(shown(By.id("sent-summary")).getText()).startsWith("Sent: 3 told, 0 already told");
        SharedCloud.drain();
        List<JsonNode> sent = emailsTo(told);
        assertThat(sent).hasSize(3);
        assertThat(sent).filteredOn(email -> email.path("to").path(0).asText().equals(told.get(2))).singleElement()
                .satisfies(email -> assertThat(email.path("html").asText()).contains("dir=\"rtl\"", persian));
        assertThat(sent).filteredOn(email -> !email.path("to").path(0).asText().equals(told.get(2)))
                .allSatisfy(email -> assertThat(email.path("text").asText()).contains(english));
        assertThat(emailsTo(List.of(priceOnly))).isEmpty();
        checkInBothLanguages("announcements", "announcements page");
        assertThat(browser.get().console()).doesNotContain("Content Security Policy");
    }
}
