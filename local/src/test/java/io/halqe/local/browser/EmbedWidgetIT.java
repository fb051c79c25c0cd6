package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * {@code embed.js} on someone else's site: a shop page on another origin ({@code http://127.0.0.1:PORT}; the local
 * cloud is {@code http://localhost:PORT}) loads the widget, which fetches the survey definition and posts the answer
 * across origins (CORS).
 */
class EmbedWidgetIT {

    private static final String SURVEY = "demo-nps";
    private static final String NONCE = UUID.randomUUID().toString().replace("-", "");
    private static final String EVERY_TYPE = "checkout-widget";
    private static final String NOBODY = "shown-to-nobody";


    private static HeadlessChromium chromium;
    private static HttpServer shop;
    private static String shopBase;

    @BeforeAll
    static void startChromiumTheLocalCloudAndTheShop() throws Exception {
        chromium = HeadlessChromium.start();
        String cloudBase = SharedCloud.base();
        assertThat(java.net.URI.create(cloudBase).getHost()).as("the shop must be on another origin").isEqualTo("localhost");
        shop = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        // the README's embed snippet on a plain page
        serve("/", Map.of(), "<!doctype html><html><head><meta charset=\"utf-8\"><title>Shop</title></head><body>"
                + "<h1>Shop</h1><script src=\"" + cloudBase + "/embed.js\" data-survey=\"" + SURVEY
                + "\" async></script></body></html>");
        // the same on a page with a strict CSP (no inline styles, no eval); a nonce'd script records violations
        serve("/strict", Map.of("content-security-policy", "default-src 'none'; script-src 'nonce-" + NONCE + "' "
                        + cloudBase + "; connect-src " + cloudBase + "; style-src 'none'; base-uri 'none'"),
                "<!doctype html><html><head><meta charset=\"utf-8\"><title>Shop</title>"
                        + "<script nonce=\"" + NONCE + "\">window.cspViolations=[];document.addEventListener("
                        + "'securitypolicyviolation',function(e){window.cspViolations.push(e.violatedDirective+' '"
                        + "+e.blockedURI+' '+e.sample)});</script></head><body><h1>Shop</h1><script src=\"" + cloudBase
                        + "/embed.js\" data-survey=\"" + SURVEY + "\" data-lang=\"fa\" async></script></body></html>");
        // a Persian page that says so only in <html lang>; one shown to no visitor; one naming no survey; a blank one
        serve("/fa", Map.of(), "<!doctype html><html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>فروشگاه</title>"
                + "</head><body><h1>فروشگاه</h1><script src=\"" + cloudBase + "/embed.js\" data-survey=\"" + SURVEY
                + "\" async></script></body></html>");
        serve("/sample0", Map.of(), "<!doctype html><html><head><meta charset=\"utf-8\"><title>Shop</title></head><body>"
                + "<script src=\"" + cloudBase + "/embed.js\" data-survey=\"" + SURVEY + "\" data-sample=\"0\" async></script>"
                + "</body></html>");
        serve("/missing", Map.of(), "<!doctype html><html><head><meta charset=\"utf-8\"><title>Shop</title></head><body>"
                + "<script src=\"" + cloudBase + "/embed.js\" data-survey=\"no-such-survey\" async></script></body></html>");
        serve("/blank", Map.of(), "<!doctype html><html><head><title>Blank</title></head><body></body></html>");
        // the whole checkout survey on a Persian page; and a survey whose own display options show it to nobody
        serve("/checkout", Map.of(), "<!doctype html><html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
                + "<title>فروشگاه</title></head><body><h1>فروشگاه</h1><script src=\"" + cloudBase + "/embed.js\" "
                + "data-survey=\"" + EVERY_TYPE + "\" async></script></body></html>");
        serve("/nobody", Map.of(), "<!doctype html><html><head><meta charset=\"utf-8\"><title>Shop</title></head><body>"
                + "<script src=\"" + cloudBase + "/embed.js\" data-survey=\"" + NOBODY + "\" async></script></body></html>");
        for (String language : List.of("en", "fa", "ar")) {
            serve("/widget-" + language, Map.of(), "<!doctype html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\">"
                    + "<title>Shop</title></head><body><main><h1>Shop</h1><p>Products and prices.</p></main>"
                    + "<script src=\"" + cloudBase + "/embed.js\" data-survey=\"" + EVERY_TYPE + "\" async></script>"
                    + "</body></html>");
        }
        AdminApi.createSurvey(AdminApi.everyQuestionType(EVERY_TYPE, "{\"cooldownDays\":30}"));
        AdminApi.createSurvey(AdminApi.everyQuestionType(NOBODY, "{\"samplePercent\":0}"));
        shop.start();
        shopBase = "http://127.0.0.1:" + shop.getAddress().getPort();
    }

    private static void serve(String path, Map<String, String> headers, String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        shop.createContext(path, exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("content-type", "text/html; charset=utf-8");
                headers.forEach(exchange.getResponseHeaders()::set);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
    }

    @AfterAll
    static void stop() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (shop != null) {
                shop.stop(0);
            }
        }
    }

    /** Every test starts as a new visitor: no cooldown remembered from the one before. */
    @org.junit.jupiter.api.BeforeEach
    void aNewVisitor() {
        WebDriver driver = chromium.driver();
        driver.get(shopBase + "/blank");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.localStorage.clear()");
    }

    private static String widgetState(WebDriver driver) {
        chromium.waiting().until(d -> d.findElement(By.cssSelector("script[data-survey]")).getAttribute("data-halqe-state") != null);
        return driver.findElement(By.cssSelector("script[data-survey]")).getAttribute("data-halqe-state");
    }

    @Test
    void embed_shouldFollowThePagesLanguage_whenTheScriptNamesNone() {
        // WHEN the widget is embedded on a page whose <html lang> is fa (no data-lang)
        WebDriver driver = chromium.driver();
        driver.get(shopBase + "/fa");
        WebElement widget = awaitWidget();
        // THEN it speaks Persian, right to left, with Persian digits
        assertThat(widget.getAttribute("dir")).isEqualTo("rtl");
        assertThat(widget.findElement(By.cssSelector("[data-score='9']")).getText()).isEqualTo("۹");
        assertThat(widgetState(driver)).isEqualTo("shown");
    }

    @Test
    void embed_shouldStayAway_afterADismissal_andForAVisitorOutsideTheSample_andSayWhyWhenTheSurveyCannotLoad() {
        WebDriver driver = chromium.driver();
        // GIVEN a visitor who closed the widget
        driver.get(shopBase + "/");
        awaitWidget().findElement(By.cssSelector("[data-halqe-close]")).click();
        // WHEN the page is loaded again THEN the widget stays away, and says why
        driver.get(shopBase + "/");
        assertThat(widgetState(driver)).isEqualTo("cooldown");
        assertThat(driver.findElements(By.cssSelector("[data-halqe-widget]"))).isEmpty();
        // AND a page that samples 0% of its visitors never shows it (to a visitor not in a cooldown)
        aNewVisitor();
        driver.get(shopBase + "/sample0");
        assertThat(widgetState(driver)).isEqualTo("not-sampled");
        assertThat(driver.findElements(By.cssSelector("[data-halqe-widget]"))).isEmpty();
        // AND a survey that cannot be loaded here marks the script, and logs what to fix
        driver.get(shopBase + "/missing");
        assertThat(widgetState(driver)).isEqualTo("unavailable");
        assertThat(driver.findElements(By.cssSelector("[data-halqe-widget]"))).isEmpty();
    }

    @Test
    void embed_shouldStoreTheAnswerAndThank_whenACustomerAnswersOnAnotherOrigin() throws Exception {
        // GIVEN a shop page on another origin that embeds the widget
        Set<String> before = AdminApi.responseIds(SURVEY);
        String comment = "Checkout was confusing";
        WebDriver driver = chromium.driver();
        driver.get(shopBase + "/");
        WebElement widget = awaitWidget();
        assertThat(widget.getAttribute("role")).isEqualTo("region");
        assertThat(widget.getAttribute("aria-label")).isNotBlank();
        assertThat(widget.getAttribute("lang")).isEqualTo("en");
        assertThat(widget.getAttribute("dir")).isEqualTo("ltr");
        assertThat(widget.findElements(By.cssSelector("button[data-score]")))
                .extracting(button -> button.getAttribute("data-score"))
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

        // WHEN the customer picks 3, writes a comment and sends
        WebElement three = widget.findElement(By.cssSelector("[data-score='3']"));
        three.click();
        assertThat(three.getAttribute("aria-pressed")).isEqualTo("true");
        chromium.waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-halqe-widget] textarea[name=comment]")))
                .sendKeys(comment);
        // (a detractor is asked the survey's detractor follow-up)
        assertThat(widget.findElement(By.cssSelector("[data-halqe-follow-up]")).getText())
                .isEqualTo("We are sorry. What should we fix first?");
        widget.findElement(By.cssSelector("[data-halqe-send]")).click();

        // THEN the widget thanks them in a status message
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-halqe-widget] [role=status]"), "Thank you"));
        // AND exactly one response, with that score and comment, is stored
        AdminApi.assertStoredOnce(SURVEY, before, 3, comment, "en");
    }

    @Test
    void embed_shouldWorkByKeyboardWithoutCspViolations_whenTheHostPageHasAStrictCsp() throws Exception {
        // GIVEN a shop page whose CSP forbids inline styles and eval, embedding the widget in Persian (data-lang)
        Set<String> before = AdminApi.responseIds(SURVEY);
        String comment = "پرداخت گیج‌کننده بود";
        WebDriver driver = chromium.driver();
        driver.get(shopBase + "/strict");
        WebElement widget = awaitWidget();
        assertThat(widget.getAttribute("lang")).isEqualTo("fa");
        assertThat(widget.getAttribute("dir")).isEqualTo("rtl");
        assertThat(widget.findElement(By.cssSelector("[data-score='10']")).getText()).isEqualTo("۱۰");
        // the styles set through the CSSOM apply under style-src 'none'
        assertThat(widget.getCssValue("position")).isEqualTo("fixed");

        // AND the scale runs right to left, as Persian reads: 0 on the right
        assertThat(widget.findElement(By.cssSelector("[data-score='0']")).getRect().getX())
                .isGreaterThan(widget.findElement(By.cssSelector("[data-score='1']")).getRect().getX());

        // WHEN the customer uses only the keyboard: ← (the next score up in rtl) from 0 to 2, Enter, type, Tab, Enter
        WebElement zero = widget.findElement(By.cssSelector("[data-score='0']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", zero);
        zero.sendKeys(Keys.ARROW_LEFT);
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        assertThat(driver.switchTo().activeElement().getAttribute("data-score")).isEqualTo("2");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        WebElement focused = chromium.waiting().until(d -> {
            WebElement active = d.switchTo().activeElement();
            return "comment".equals(active.getAttribute("name")) ? active : null;
        });
        focused.sendKeys(comment);
        focused.sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("data-halqe-send")).isNotNull();
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);

        // THEN the widget thanks them in Persian
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-halqe-widget] [role=status]"), "سپاسگزاریم"));
        // AND the page saw no CSP violation
        Object violations = ((JavascriptExecutor) driver).executeScript("return window.cspViolations");
        assertThat((List<?>) violations).as("CSP violations on the host page").isEmpty();
        // AND exactly one response is stored
        AdminApi.assertStoredOnce(SURVEY, before, 2, comment, "fa");
    }

    @Test
    void embed_shouldAskEveryQuestionTypeInThePagesLanguage_validateAndStoreIt_thenKeepItsCooldown() throws Exception {
        // GIVEN the checkout survey (every question type) on a Persian shop page of another origin
        Set<String> before = AdminApi.responseIds(EVERY_TYPE);
        WebDriver driver = chromium.driver();
        driver.get(shopBase + "/checkout");
        WebElement widget = awaitWidget();
        assertThat(widget.getAttribute("lang")).isEqualTo("fa");
        // THEN the first question comes alone, in Persian, with its scale's ends
        assertThat(widget.findElements(By.cssSelector("[data-halqe-question]"))).hasSize(1);
        assertThat(widget.getText()).contains("ما را پیشنهاد می‌کنید؟").contains("اصلاً محتمل نیست").contains("بسیار محتمل");

        // WHEN the customer chooses 4: the rest of the survey appears, with the detractor follow-up
        widget.findElement(By.cssSelector("[data-halqe-question=nps] [data-score='4']")).click();
        assertThat(widget.findElements(By.cssSelector("[data-halqe-question]")))
                .extracting(block -> block.getAttribute("data-type"))
                .containsExactly("nps", "csat", "ces", "single", "multi", "yesno", "text");
        assertThat(widget.findElement(By.cssSelector("[data-halqe-follow-up]")).getText()).isEqualTo("اول چه چیزی را درست کنیم؟");
        assertThat(widget.findElements(By.cssSelector("[data-halqe-question=csat] [data-score]"))).hasSize(5);
        assertThat(widget.findElements(By.cssSelector("[data-halqe-question=ces] [data-score]"))).hasSize(7);
        assertThat(widget.findElement(By.cssSelector("[data-halqe-question=again]")).getText()).contains("بله").contains("خیر");

        // AND sends before answering the required ones: nothing is sent, the missing questions are marked
        widget.findElement(By.cssSelector("[data-halqe-send]")).click();
        assertThat(widget.findElements(By.cssSelector("[data-halqe-question][aria-invalid=true]")))
                .extracting(block -> block.getAttribute("data-halqe-question"))
                .containsExactly("csat", "channel", "again");

        // WHEN they answer every question and send
        widget.findElement(By.cssSelector("[data-halqe-question=csat] [data-score='2']")).click();
        widget.findElement(By.cssSelector("[data-halqe-question=ces] [data-score='6']")).click();
        widget.findElement(By.xpath("//*[@data-halqe-question='channel']//label[text()='اپ']")).click();
        widget.findElement(By.xpath("//*[@data-halqe-question='liked']//label[text()='قیمت']")).click();
        widget.findElement(By.xpath("//*[@data-halqe-question='liked']//label[text()='پشتیبانی']")).click();
        widget.findElement(By.cssSelector("[data-halqe-question=again] [data-score='0']")).click();
        widget.findElement(By.cssSelector("[data-halqe-question=comment] textarea")).sendKeys("ارسال دیر رسید");
        assertThat(widget.findElements(By.cssSelector("[aria-invalid=true]"))).isEmpty();
        widget.findElement(By.cssSelector("[data-halqe-send]")).click();

        // THEN it thanks them in Persian, and one complete response holds every answer
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-halqe-widget] [role=status]"), "ممنون از شما!"));
        List<JsonNode> stored = AdminApi.newResponses(EVERY_TYPE, before);
        assertThat(stored).hasSize(1);
        JsonNode answers = stored.getFirst().path("answers");
        assertThat(stored.getFirst().path("status").asText()).isNotEqualTo("draft");
        assertThat(stored.getFirst().path("language").asText()).isEqualTo("fa");
        assertThat(answers.path("nps").asInt()).isEqualTo(4);
        assertThat(answers.path("csat").asInt()).isEqualTo(2);
        assertThat(answers.path("ces").asInt()).isEqualTo(6);
        assertThat(answers.path("channel")).extracting(JsonNode::asText).containsExactly("app");
        assertThat(answers.path("liked")).extracting(JsonNode::asText).containsExactlyInAnyOrder("price", "support");
        assertThat(answers.path("again").isInt()).isTrue();
        assertThat(answers.path("again").asInt()).isZero();
        assertThat(answers.path("comment").asText()).isEqualTo("ارسال دیر رسید");

        // AND on reload, within the survey's 30-day cooldown, it stays away
        driver.get(shopBase + "/checkout");
        assertThat(widgetState(driver)).isEqualTo("cooldown");
        long quietUntil = ((Number) ((JavascriptExecutor) driver).executeScript(
                "return Number(localStorage.getItem('halqe:" + EVERY_TYPE + ":quietUntil'))")).longValue();
        assertThat(quietUntil - System.currentTimeMillis()).isBetween(29L * 86_400_000, 30L * 86_400_000);
    }

    @Test
    void embed_shouldPassAxe_withEveryQuestionShown_inEnglishPersianAndArabic() {
        WebDriver driver = chromium.driver();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 900));
        for (String language : List.of("en", "fa", "ar")) {
            // GIVEN the checkout survey's widget on a page in that language, every question shown (a score chosen)
            aNewVisitor();
            driver.get(shopBase + "/widget-" + language);
            WebElement widget = awaitWidget();
            assertThat(widget.getAttribute("lang")).isEqualTo(language);
            widget.findElement(By.cssSelector("[data-halqe-question=nps] [data-score='9']")).click();
            assertThat(widget.findElements(By.cssSelector("[data-halqe-question]"))).hasSize(7);
            // (the 0-10 scale on one row)
            assertThat(widget.findElements(By.cssSelector("[data-halqe-question=nps] [data-score]")).stream()
                    .map(button -> button.getRect().getY()).distinct()).as(language).hasSize(1);
            // THEN axe-core finds no serious or critical WCAG 2.1 AA violation in the widget
            Accessibility.assertNoSeriousViolations(driver, "[data-halqe-widget]", "the widget in " + language);
            Screenshots.save(driver, "widget-" + language);
        }
    }

    @Test
    void embed_shouldNeverShow_whenTheSurveysOwnSampleIsZero() {
        // WHEN a page embeds a survey whose display options sample 0% of visitors (no data-sample on the page)
        WebDriver driver = chromium.driver();
        driver.get(shopBase + "/nobody");
        // THEN no visitor is shown it
        assertThat(widgetState(driver)).isEqualTo("not-sampled");
        assertThat(driver.findElements(By.cssSelector("[data-halqe-widget]"))).isEmpty();
    }

    private static WebElement awaitWidget() {
        return chromium.waiting()
                .withMessage(() -> "the widget did not appear;" + chromium.describe())
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-halqe-widget]")));
    }

    @Test
    void embed_shouldStillCountTheScore_whenTheCustomerClosesTheWidgetWithoutSending() throws Exception {
        // GIVEN the widget on the shop page
        Set<String> before = AdminApi.responseIds(SURVEY);
        WebDriver driver = chromium.driver();
        driver.get(shopBase + "/");
        WebElement widget = awaitWidget();
        // WHEN the customer picks 8 and closes the widget
        widget.findElement(By.cssSelector("[data-score='8']")).click();
        chromium.waiting().until(d -> {
            try {
                return AdminApi.newResponses(SURVEY, before).size() == 1;
            } catch (Exception e) {
                return false;
            }
        });
        widget.findElement(By.cssSelector("[data-halqe-close]")).click();
        assertThat(driver.findElements(By.cssSelector("[data-halqe-widget]"))).isEmpty();
        // THEN the score waits as a draft, and once the customer has been gone for half an hour it counts, marked partial
        assertThat(AdminApi.newResponses(SURVEY, before)).singleElement()
                .satisfies(draft -> assertThat(draft.path("status").asText()).isEqualTo("draft"));
        SharedCloud.advanceClock(java.time.Duration.ofMinutes(35));
        JsonNode counted = AdminApi.newResponses(SURVEY, before).get(0);
        assertThat(counted.path("status").asText()).isEqualTo("enriched");
        assertThat(counted.path("partial").asBoolean()).isTrue();
        assertThat(counted.at("/answers/nps").asInt()).isEqualTo(8);
    }
}
