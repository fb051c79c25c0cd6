package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The invitation email as a customer gets it: invited through the admin API (never imported), its HTML opened in the
 * browser, the score chosen in the email itself; and as a mail scanner sees it, every link fetched with a plain GET.
 */
class InvitationEmailIT {

    private static final String SURVEY = "demo-nps";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");
    private static final Pattern URL_IN_TEXT = Pattern.compile("https?://\\S+");

    private static HeadlessChromium chromium;
    /** The emails, saved as files to open in the browser; JUnit deletes the folder afterwards. */
    @TempDir
    static Path mailbox;

    @BeforeAll
    static void startChromiumAndTheLocalCloud() throws Exception {
        chromium = HeadlessChromium.start();
        // invitations wait out the default quiet hours (21:00-09:00, reporting zone UTC): the clock moves to the day
        int hour = SharedCloud.now().atZone(java.time.ZoneOffset.UTC).getHour();
        if (hour < 10 || hour >= 20) {
            SharedCloud.advanceClock(Duration.ofHours((34 - hour) % 24));
        }
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** {@code POST /api/invitations} by email, as the README shows it; the email it sent. */
    private static JsonNode invite(String customerId, String address, String locale) throws Exception {
        String body = """
                {"surveyId":"%s","channel":"email","customer":{"id":"%s","email":"%s","locale":"%s"}}
                """.formatted(SURVEY, customerId, address, locale);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(SharedCloud.base() + "/api/invitations"))
                        .header("Authorization", "Bearer " + SharedCloud.apiKey()).header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("\"delivered\":true");
        SharedCloud.drain();
        JsonNode last = null;
        for (JsonNode email : SharedCloud.outbox().path("emails")) {
            if (email.path("to").path(0).asText().equals(address)) {
                last = email;
            }
        }
        assertThat(last).as("an email to %s", address).isNotNull();
        return last;
    }

    /** The email's HTML part opened in the browser, as a mail client shows it. */
    private static WebDriver open(JsonNode email, String name) throws Exception {
        Path file = mailbox.resolve(name + ".html");
        Files.writeString(file, email.path("html").asText());
        WebDriver driver = chromium.driver();
        driver.manage().window().setSize(new Dimension(800, 1000));
        driver.get(file.toUri().toString());
        return driver;
    }

    @Test
    void emailScore_shouldOpenThePageWithItSavedAsPartial_andTheCommentShouldCompleteTheAnswer() throws Exception {
        // GIVEN a Persian invitation email to a customer who was never imported
        Set<String> before = AdminApi.responseIds(SURVEY);
        JsonNode email = invite("mail-fa-1", "nasrin@example.com", "fa");
        // (from the account's sender name, with its footer: the local cloud's SenderName and BrandFooter)
        assertThat(email.path("from").asText()).isEqualTo("\"Halqe Demo\" <feedback@halqe.local>");
        assertThat(email.path("html").asText()).contains("Halqe Demo · 1 Example Street · Localhost");
        WebDriver driver = open(email, "answer-fa");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");

        // WHEN she chooses ۳ in the email
        var three = driver.findElement(By.cssSelector("a[data-score='3']"));
        assertThat(three.getText()).isEqualTo("۳");
        three.click();

        // THEN the survey page opens with 3 chosen and the detractor's follow-up asked
        chromium.waiting().until(ExpectedConditions.urlContains("/s/" + SURVEY));
        assertThat(driver.findElement(By.cssSelector("input[name=nps][value='3']")).isSelected()).isTrue();
        assertThat(driver.findElement(By.cssSelector("label[for=q-comment]")).getText()).isEqualTo("متأسفیم. اول چه چیزی را باید درست کنیم؟");
        // AND 3 is saved as a partial answer, by the page's own request
        chromium.waiting().withMessage("the score from the email was not saved as partial").until(d -> {
            try {
                List<JsonNode> saved = AdminApi.newResponses(SURVEY, before);
                return saved.size() == 1 && saved.getFirst().path("status").asText().equals("draft")
                        && saved.getFirst().at("/answers/nps").asInt(-1) == 3;
            } catch (Exception e) {
                return false;
            }
        });

        // WHEN she adds a comment and sends
        String comment = "بسته دیر رسید";
        driver.findElement(By.id("q-comment")).sendKeys(comment);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "سپاسگزاریم"));

        // THEN that one answer is complete: the score from the email and her comment
        AdminApi.assertStoredOnce(SURVEY, before, 3, comment, "fa");
    }

    @Test
    void everyLinkOfTheEmail_shouldRecordNothing_whenAMailScannerFetchesItWithAPlainGet() throws Exception {
        // GIVEN an invitation email
        Set<String> before = AdminApi.responseIds(SURVEY);
        JsonNode email = invite("mail-en-scan", "scanned@example.com", "en");
        List<String> links = new ArrayList<>();
        Matcher href = HREF.matcher(email.path("html").asText());
        while (href.find()) {
            links.add(href.group(1).replace("&amp;", "&"));
        }
        Matcher inText = URL_IN_TEXT.matcher(email.path("text").asText());
        while (inText.find()) {
            links.add(inText.group());
        }
        // (eleven scores, the button, the unsubscribe link; the text part's link and unsubscribe link)
        assertThat(links).hasSizeGreaterThanOrEqualTo(15).anyMatch(link -> link.contains("/u/"));

        // WHEN every link is fetched with a plain GET, as link-checking mail scanners do
        for (String link : links) {
            HttpResponse<String> fetched = HTTP.send(HttpRequest.newBuilder(URI.create(link)).GET()
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(fetched.statusCode()).as("GET %s", link).isEqualTo(200);
        }

        // THEN no answer is recorded, and the address is not unsubscribed
        assertThat(AdminApi.newResponses(SURVEY, before)).isEmpty();
        HttpResponse<String> suppressions = HTTP.send(HttpRequest.newBuilder(URI.create(SharedCloud.base() + "/api/suppressions"))
                .header("Authorization", "Bearer " + SharedCloud.apiKey()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(suppressions.statusCode()).isEqualTo(200);
        assertThat(suppressions.body()).doesNotContain("scanned@example.com");
    }

    @Test
    void invitationEmails_shouldPassAxe_inEnglishPersianAndArabic() throws Exception {
        for (String language : List.of("en", "fa", "ar")) {
            // GIVEN the invitation email in that language, opened in the browser
            WebDriver driver = open(invite("mail-" + language + "-look", "look-" + language + "@example.com", language),
                    "email-" + language);
            // THEN it reads in that language and direction, with no serious WCAG 2.1 AA problem
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
            assertThat(driver.findElements(By.cssSelector("a[data-score]"))).hasSize(11);
            Accessibility.assertNoSeriousViolations(driver, null, "the " + language + " invitation email");
            Screenshots.save(driver, "email-" + language);
        }
    }
}
