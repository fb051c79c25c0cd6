package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end, over HTTP, against the README's run command: {@code java -jar local/target/halqe-local.jar --port N}
 * started as its own process. A detractor's answer must come back as a case, an owner email and a team alert.
 */
@LocalCloudParameters(value = "AnonymousAnswersPerMinute=0",
        why = "many respondents' answers sent from this one client within a minute; FloodIT tests the limit")
class FeedbackLoopIT extends LocalCloudProcess {

    @Test
    void detractor_shouldYieldOneCaseOneOwnerEmailAndOneTeamAlert_evenWhenResubmitted() throws Exception {
        // GIVEN the hosted survey is served
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve("/s/demo-nps?lang=ar")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("dir=\"rtl\"").contains("<form");
        // WHEN a detractor answers with a comment (and the client retries with the same key)
        String comment = "Delivery took 9 days <script>alert('x')</script>";
        String body = JSON.writeValueAsString(JSON.createObjectNode().set("answers",
                JSON.createObjectNode().put("nps", 2).put("comment", comment)));
        HttpResponse<String> created = postAnswer(body, "e2e-order-1");
        HttpResponse<String> retried = postAnswer(body, "e2e-order-1");
        drain();
        // THEN the response is stored once
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.headers().firstValue("idempotent-replayed")).contains("true");
        String responseId = JSON.readTree(created.body()).get("responseId").asText();
        assertThat(JSON.readTree(retried.body()).get("responseId").asText()).isEqualTo(responseId);
        // AND the outbox holds one email to the demo owner carrying the comment, escaped in its HTML part
        JsonNode outbox = getJson("/_local/outbox", false);
        List<JsonNode> emails = matching(outbox.get("emails"), "text", "Delivery took 9 days");
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).get("to").get(0).asText()).isEqualTo("owner@demo.halqe.local");
        assertThat(emails.get(0).get("from").asText()).isEqualTo("feedback@halqe.local");
        assertThat(emails.get(0).get("html").asText()).contains("&lt;script&gt;").doesNotContain("<script>");
        // AND one SNS notification for the team, carrying the comment and filterable attributes
        List<JsonNode> notifications = matching(outbox.get("notifications"), "message", "Delivery took 9 days");
        assertThat(notifications).hasSize(1);
        assertThat(notifications.get(0).get("topic").asText()).contains("halqe-team-alerts");
        assertThat(notifications.get(0).at("/attributes/team").asText()).isEqualTo("support");
        assertThat(JSON.readTree(notifications.get(0).get("message").asText()).get("comment").asText()).isEqualTo(comment);
        // AND one open case for that response, with team, owner and due time, in the admin API
        JsonNode open = getJson("/api/cases?status=open", true);
        List<JsonNode> cases = matching(open.get("items"), "responseId", responseId);
        assertThat(cases).hasSize(1);
        assertThat(cases.get(0).get("team").asText()).isEqualTo("support");
        assertThat(cases.get(0).get("owner").asText()).isEqualTo("owner@demo.halqe.local");
        assertThat(Instant.parse(cases.get(0).get("dueAt").asText()))
                .isEqualTo(Instant.parse(cases.get(0).get("openedAt").asText()).plus(Duration.ofHours(48)));
        // AND the response reads back enriched, and the metrics count it
        JsonNode response = getJson("/api/responses/" + responseId, true);
        assertThat(response.get("npsCategory").asText()).isEqualTo("detractor");
        assertThat(response.get("status").asText()).isEqualTo("enriched");
        JsonNode metrics = getJson("/api/surveys/demo-nps/metrics", true);
        assertThat(metrics.at("/nps/detractors").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void promoter_shouldOpenNoCase_andBadInputShouldGetA4xx() throws Exception {
        // GIVEN a promoter
        HttpResponse<String> created = postAnswer("{\"answers\":{\"nps\":10,\"comment\":\"Promoter e2e praise\"}}", null);
        drain();
        String responseId = JSON.readTree(created.body()).get("responseId").asText();
        // THEN no case and no email for it
        assertThat(matching(getJson("/api/cases?status=open", true).get("items"), "responseId", responseId)).isEmpty();
        assertThat(matching(getJson("/_local/outbox", false).get("emails"), "text", "Promoter e2e praise")).isEmpty();
        // AND bad input is a 4xx with an error object, and the admin API needs the key
        HttpResponse<String> invalid = postAnswer("{\"answers\":{\"nps\":\"eleven\"}}", null);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).at("/error/code").asText()).isEqualTo("invalid_answer");
        assertThat(send(HttpRequest.newBuilder(base.resolve("/api/cases"))).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> postRaw(String path, String contentType, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("content-type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    @Test
    void pages_shouldCarryLanguageDirectionAndSecurityHeaders_andTheEmbedIsJavaScript() throws Exception {
        for (String[] expected : new String[][] {{"fa", "rtl"}, {"ar", "rtl"}, {"en", "ltr"}}) {
            HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve("/s/demo-nps?lang=" + expected[0])));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html lang=\"" + expected[0] + "\" dir=\"" + expected[1] + "\">");
            assertThat(page.headers().firstValue("content-security-policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'none'"));
            assertThat(page.headers().firstValue("x-content-type-options")).contains("nosniff");
        }
        HttpResponse<String> embed = send(HttpRequest.newBuilder(base.resolve("/embed.js")));
        assertThat(embed.statusCode()).isEqualTo(200);
        assertThat(embed.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    }

    @Test
    void signedLink_shouldOpen_refuseTampering_andStoreOneResponseWithItsHiddenFields() throws Exception {
        // GIVEN an invitation link for a customer, carrying CRM fields
        HttpResponse<String> invited = send(HttpRequest.newBuilder(base.resolve("/api/invitations"))
                .header("authorization", "Bearer " + KEY).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"surveyId":"demo-nps","channel":"link","customer":{"id":"cust-e2e","name":"Reza","locale":"fa"},
                         "hidden":{"plan":"enterprise","orderId":"ORD-9"}}""")));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        JsonNode invitation = JSON.readTree(invited.body());
        String token = invitation.get("token").asText();
        URI link = URI.create(invitation.get("url").asText());
        // WHEN it is opened, and a tampered copy is opened
        HttpResponse<String> opened = send(HttpRequest.newBuilder(base.resolve(link.getRawPath() + "?" + link.getRawQuery())));
        String tampered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
        HttpResponse<String> refused = send(HttpRequest.newBuilder(base.resolve("/s/demo-nps?t=" + tampered)));
        // THEN the link opens in the customer's language with its token in the form; the tampered one is refused
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("lang=\"fa\" dir=\"rtl\"").contains("name=\"_t\"");
        assertThat(refused.statusCode()).isEqualTo(403);
        // WHEN the form is sent three times through the link, and a tampered token is posted
        String form = "_lang=fa&_key=e2e-form&_t=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)
                + "&nps=4&comment=" + java.net.URLEncoder.encode("پشتیبانی كند بود", java.nio.charset.StandardCharsets.UTF_8);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(postRaw("/s/demo-nps/responses", "application/x-www-form-urlencoded", form.getBytes()).statusCode());
        }
        HttpResponse<String> forged = postAnswer("{\"answers\":{\"nps\":4},\"token\":\"" + tampered + "\"}", null);
        assertThat(forged.statusCode()).isEqualTo(403);
        drain();
        // THEN exactly one response, for that customer, carrying the link's hidden fields and the normalized comment
        assertThat(statuses).containsExactly(201, 200, 200);
        List<JsonNode> mine = new ArrayList<>();
        getJson("/api/surveys/demo-nps/responses?limit=1000", true).get("items").forEach(item -> {
            if ("cust-e2e".equals(item.path("customerId").asText())) {
                mine.add(item);
            }
        });
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).at("/hidden/plan").asText()).isEqualTo("enterprise");
        assertThat(mine.get(0).at("/hidden/orderId").asText()).isEqualTo("ORD-9");
        assertThat(mine.get(0).at("/answers/comment").asText()).isEqualTo("پشتیبانی کند بود");
    }

    @Test
    void malformedSubmissions_shouldEachGetA4xxWithAMessage_andNeverBeStored() throws Exception {
        int before = getJson("/api/surveys/demo-nps/responses?limit=1000", true).get("items").size();
        String deep = "[".repeat(5000) + "]".repeat(5000);
        Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
        answers.put("broken JSON", postAnswer("{\"answers\":", null));
        for (String nps : new String[] {"11", "-1", "\"nine\"", "7.5"}) {
            answers.put("nps " + nps, postAnswer("{\"answers\":{\"nps\":" + nps + "}}", null));
        }
        answers.put("missing required", postAnswer("{\"answers\":{\"comment\":\"x\"}}", null));
        answers.put("unknown question", postAnswer("{\"answers\":{\"nps\":3,\"shoe\":\"x\"}}", null));
        answers.put("1 MB comment", postAnswer("{\"answers\":{\"nps\":3,\"comment\":\"" + "y".repeat(1 << 20) + "\"}}", null));
        answers.put("answers not an object", postAnswer("{\"answers\":\"nps=3\"}", null));
        answers.put("nested 5000 deep", postAnswer("{\"answers\":{\"nps\":" + deep + "}}", null));
        answers.put("forged token", postAnswer("{\"answers\":{\"nps\":3},\"token\":\"eyJ2IjoxfQ.c2lnbmF0dXJl\"}", null));
        answers.put("invalid UTF-8", postRaw("/s/demo-nps/responses", "application/json",
                new byte[] {'{', '"', 'a', 'n', 's', 'w', 'e', 'r', 's', '"', ':', '{', '"', 'n', 'p', 's', '"', ':', '3', ',',
                    '"', 'c', 'o', 'm', 'm', 'e', 'n', 't', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}', '}'}));
        answers.put("unknown survey", send(HttpRequest.newBuilder(base.resolve("/s/nope/responses"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"answers\":{\"nps\":3}}"))));
        for (var entry : answers.entrySet()) {
            assertThat(entry.getValue().statusCode()).as(entry.getKey()).isBetween(400, 499);
            assertThat(JSON.readTree(entry.getValue().body()).at("/error/message").asText()).as(entry.getKey()).isNotBlank();
        }
        drain();
        assertThat(getJson("/api/surveys/demo-nps/responses?limit=1000", true).get("items").size()).isEqualTo(before);
    }

    @Test
    void partialAnswer_shouldCountAfterTheRespondentLeaves_markedPartial() throws Exception {
        // GIVEN a detractor's NPS saved as partial, and the respondent never sends the rest
        HttpResponse<String> saved = send(HttpRequest.newBuilder(base.resolve("/s/demo-nps/responses"))
                .header("content-type", "application/json").header("idempotency-key", "e2e-partial-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"answers\":{\"nps\":1},\"partial\":true}")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        String responseId = JSON.readTree(saved.body()).get("responseId").asText();
        drain();
        // THEN while it is a draft nothing acts on it
        assertThat(getJson("/api/responses/" + responseId, true).get("status").asText()).isEqualTo("draft");
        assertThat(matching(getJson("/api/cases?status=open", true).get("items"), "responseId", responseId)).isEmpty();
        // WHEN half an hour passes on the local clock (the sweep runs every 5 minutes)
        HttpResponse<String> moved = send(HttpRequest.newBuilder(base.resolve("/_local/clock"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"advance\":\"PT35M\"}")));
        assertThat(moved.statusCode()).isEqualTo(200);
        drain();
        // THEN it is a response marked partial, enriched, and acted on like any detractor
        JsonNode response = getJson("/api/responses/" + responseId, true);
        assertThat(response.get("status").asText()).isEqualTo("enriched");
        assertThat(response.get("partial").asBoolean()).isTrue();
        assertThat(response.get("npsCategory").asText()).isEqualTo("detractor");
        assertThat(matching(getJson("/api/cases?status=open", true).get("items"), "responseId", responseId)).hasSize(1);
    }

    @Test
    void comments_shouldComeBackAnalysedWithTheCustomerSnapshot_inEnglishPersianAndArabic() throws Exception {
        // GIVEN a known customer in the directory
        putCustomer("cust-analytics", """
                        {"name":"Maryam","email":"maryam@example.com","segment":"enterprise","plan":"pro",
                         "lifetimeValue":25000,"region":"MENA","accountOwner":"owner@demo.halqe.local",
                         "language":"fa","timeZone":"Asia/Tehran","attributes":{"industry":"retail"}}""");
        // WHEN they answer in English, in Persian typed with Arabic letters and Persian digits, and in Arabic
        Map<String, String[]> comments = new java.util.LinkedHashMap<>();
        comments.put("en", new String[] {"2", "The courier was three days late and support never called me back."});
        comments.put("fa", new String[] {"3", "سفارشم ۴ روز دير رسيد و هزينه ارسال هم خيلي گران بود"});
        comments.put("ar", new String[] {"1", "تأخر التوصيل أسبوعاً كاملاً وخدمة العملاء لم ترد على اتصالاتي"});
        Map<String, String> responseIds = new java.util.LinkedHashMap<>();
        for (var entry : comments.entrySet()) {
            String token = invite("cust-analytics", entry.getKey()).get("token").asText();
            HttpResponse<String> sent = postAnswer(JSON.writeValueAsString(JSON.createObjectNode()
                    .put("token", token).set("answers", JSON.createObjectNode()
                            .put("nps", Integer.parseInt(entry.getValue()[0])).put("comment", entry.getValue()[1]))), null);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
            responseIds.put(entry.getKey(), JSON.readTree(sent.body()).get("responseId").asText());
        }
        drain();
        // THEN each comes back with its language, sentiment, themes, feedback type and the customer as they were
        for (var entry : responseIds.entrySet()) {
            JsonNode response = getJson("/api/responses/" + entry.getValue(), true);
            assertThat(response.get("language").asText()).as("language of %s", entry.getKey()).isEqualTo(entry.getKey());
            assertThat(response.get("sentiment").asText()).as("sentiment of %s", entry.getKey()).isEqualTo("negative");
            assertThat(response.get("themes")).as("themes of %s", entry.getKey())
                    .anySatisfy(theme -> assertThat(theme.asText()).isEqualTo("delivery"));
            assertThat(response.get("feedbackType").asText()).as("type of %s", entry.getKey()).isEqualTo("complaint");
            assertThat(response.get("matches")).isNotEmpty();
            assertThat(response.at("/customer/id").asText()).isEqualTo("cust-analytics");
            assertThat(response.at("/customer/segment").asText()).isEqualTo("enterprise");
            assertThat(response.get("teams")).anySatisfy(team -> assertThat(team.asText()).isEqualTo("support"));
            assertThat(response.get("owners")).anySatisfy(owner -> assertThat(owner.asText()).isEqualTo("owner@demo.halqe.local"));
        }
        // AND the customer's history lists the three answers
        JsonNode history = getJson("/api/customers/cust-analytics/feedback", true);
        List<String> ids = new ArrayList<>();
        history.get("items").forEach(item -> ids.add(item.get("responseId").asText()));
        assertThat(ids).containsAll(responseIds.values());
    }

    /** The figures a careful analyst would compute from the raw answers, independently of Halqe's code. */
    private record Expected(long n, double nps, double npsLow, double npsHigh, long csatN, double csat, long cesN, double cesMean) {

        static Expected of(List<int[]> answers) {
            long n = answers.size();
            long promoters = answers.stream().filter(a -> a[0] >= 9).count();
            long detractors = answers.stream().filter(a -> a[0] <= 6).count();
            double p = (double) promoters / n;
            double d = (double) detractors / n;
            double se = Math.sqrt((p + d - (p - d) * (p - d)) / n);
            long satisfied = answers.stream().filter(a -> a[1] >= 4).count();
            double cesMean = answers.stream().mapToInt(a -> a[2]).average().orElse(0);
            return new Expected(n, 100 * (p - d), 100 * (p - d - 1.96 * se), 100 * (p - d + 1.96 * se), n,
                    100.0 * satisfied / n, n, cesMean);
        }
    }

    private static void assertFigures(JsonNode actual, Expected expected, String what) {
        assertThat(actual.get("responses").asLong()).as(what + " responses").isEqualTo(expected.n());
        assertThat(actual.at("/nps/n").asLong()).as(what + " nps n").isEqualTo(expected.n());
        assertThat(actual.at("/nps/score").asDouble()).as(what + " nps").isCloseTo(expected.nps(), within(0.01));
        assertThat(actual.at("/nps/ci95/0").asDouble()).as(what + " nps low").isCloseTo(expected.npsLow(), within(0.05));
        assertThat(actual.at("/nps/ci95/1").asDouble()).as(what + " nps high").isCloseTo(expected.npsHigh(), within(0.05));
        assertThat(actual.at("/csat/n").asLong()).isEqualTo(expected.csatN());
        assertThat(actual.at("/csat/score").asDouble()).as(what + " csat").isCloseTo(expected.csat(), within(0.01));
        assertThat(actual.at("/ces/n").asLong()).isEqualTo(expected.cesN());
        assertThat(actual.at("/ces/mean").asDouble()).as(what + " ces").isCloseTo(expected.cesMean(), within(0.01));
    }

    @Test
    void scores_shouldEqualAnIndependentComputation_overallAndByPlan_andIgnoreResubmissions() throws Exception {
        // GIVEN a new survey with NPS, CSAT and CES questions and a plan hidden field
        HttpResponse<String> created = send(HttpRequest.newBuilder(base.resolve("/api/surveys"))
                .header("authorization", "Bearer " + KEY).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"id":"e2e-scores","name":"Scores","kind":"transactional","defaultLanguage":"en","languages":["en"],
                         "questions":[{"id":"nps","type":"nps","required":true,"text":{"en":"Recommend?"}},
                                      {"id":"csat","type":"csat","required":true,"text":{"en":"Satisfied?"}},
                                      {"id":"ces","type":"ces","required":true,"text":{"en":"Easy?"}}],
                         "hiddenFields":["plan"]}""")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        // WHEN 400 customers on two plans answer
        java.util.Random random = new java.util.Random(42);
        List<int[]> all = new ArrayList<>();
        Map<String, List<int[]>> byPlan = new java.util.TreeMap<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String plan = i % 3 == 0 ? "enterprise" : "basic";
            int[] answer = {random.nextInt(11), 1 + random.nextInt(5), 1 + random.nextInt(7)};
            all.add(answer);
            byPlan.computeIfAbsent(plan, k -> new ArrayList<>()).add(answer);
            String body = "{\"answers\":{\"nps\":" + answer[0] + ",\"csat\":" + answer[1] + ",\"ces\":" + answer[2]
                    + "},\"hidden\":{\"plan\":\"" + plan + "\"}}";
            bodies.add(body);
            HttpResponse<String> sent = send(HttpRequest.newBuilder(base.resolve("/s/e2e-scores/responses"))
                    .header("content-type", "application/json").header("idempotency-key", "score-" + i)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        }
        drain();
        // THEN overall and per plan, the API's figures equal the independent computation
        JsonNode overall = getJson("/api/surveys/e2e-scores/metrics?groupBy=plan", true);
        assertFigures(overall, Expected.of(all), "overall");
        assertThat(overall.get("groups")).hasSize(2);
        for (JsonNode group : overall.get("groups")) {
            assertFigures(group, Expected.of(byPlan.get(group.get("key").asText())), group.get("key").asText());
        }
        // WHEN 50 of them are sent again with their original Idempotency-Key
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> again = send(HttpRequest.newBuilder(base.resolve("/s/e2e-scores/responses"))
                    .header("content-type", "application/json").header("idempotency-key", "score-" + (i * 7))
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i * 7))));
            assertThat(again.statusCode()).isEqualTo(201);
            assertThat(again.headers().firstValue("idempotent-replayed")).contains("true");
        }
        drain();
        // THEN no figure changed
        assertThat(getJson("/api/surveys/e2e-scores/metrics?groupBy=plan", true)).isEqualTo(overall);
    }

    @Test
    void signedDetractor_shouldGetACase_closingShouldTellThem_andUnsubscribingShouldStopInvitations() throws Exception {
        // GIVEN a known customer with an email, invited through a signed link
        putCustomer("cust-loop", "{\"name\":\"Nima\",\"email\":\"nima@example.com\",\"language\":\"fa\"}");
        String token = invite("cust-loop", "fa").get("token").asText();
        // WHEN they answer as a detractor with a script in the comment
        String comment = "پشتیبانی جواب نداد <script>alert(1)</script>";
        HttpResponse<String> sent = postAnswer(JSON.writeValueAsString(JSON.createObjectNode().put("token", token)
                .set("answers", JSON.createObjectNode().put("nps", 1).put("comment", comment))), null);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String responseId = JSON.readTree(sent.body()).get("responseId").asText();
        drain();
        // THEN exactly one open case with a team, an owner and a due time; the owner's email escapes the script;
        // the team gets an SNS alert
        List<JsonNode> cases = matching(getJson("/api/cases?status=open", true).get("items"), "responseId", responseId);
        assertThat(cases).hasSize(1);
        JsonNode followUp = cases.get(0);
        assertThat(followUp.get("team").asText()).isNotBlank();
        assertThat(followUp.get("owner").asText()).isNotBlank();
        assertThat(followUp.get("dueAt").asText()).isNotBlank();
        JsonNode outbox = getJson("/_local/outbox", false);
        List<JsonNode> ownerEmails = matching(outbox.get("emails"), "subject", followUp.get("caseId").asText());
        assertThat(ownerEmails).hasSize(1);
        assertThat(ownerEmails.get(0).get("html").asText()).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(matching(outbox.get("notifications"), "message", followUp.get("caseId").asText())).hasSize(1);
        // WHEN the case is closed with a message for the customer
        HttpResponse<String> closed = send(HttpRequest.newBuilder(base.resolve("/api/cases/" + followUp.get("caseId").asText() + "/close"))
                .header("authorization", "Bearer " + KEY).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resolution\":\"Called back and fixed the account\","
                        + "\"notifyCustomer\":true,\"customerMessage\":\"We fixed your account and added a month free.\"}")));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        // THEN the customer gets that message with an unsubscribe link, and the case reads closed
        assertThat(JSON.readTree(closed.body()).get("customerNotified").asBoolean()).isTrue();
        assertThat(getJson("/api/cases/" + followUp.get("caseId").asText(), true).get("status").asText()).isEqualTo("closed");
        List<JsonNode> toCustomer = emailsTo("nima@example.com");
        assertThat(toCustomer).hasSize(1);
        String text = toCustomer.get(0).get("text").asText();
        assertThat(text).contains("We fixed your account and added a month free.");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("(http://\\S+/u/\\S+)").matcher(text);
        assertThat(link.find()).as("an unsubscribe link in: %s", text).isTrue();
        assertThat(toCustomer.get(0).at("/headers/List-Unsubscribe").asText()).contains("/u/");
        // WHEN the customer follows the unsubscribe link and presses the page's button
        URI unsubscribe = URI.create(link.group(1));
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve(unsubscribe.getRawPath())));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\">");
        HttpResponse<String> left = send(HttpRequest.newBuilder(base.resolve(unsubscribe.getRawPath()))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertThat(left.statusCode()).isEqualTo(200);
        // THEN a new email invitation to them is not sent
        int emailsBefore = getJson("/_local/outbox", false).get("emails").size();
        HttpResponse<String> invited = send(HttpRequest.newBuilder(base.resolve("/api/invitations"))
                .header("authorization", "Bearer " + KEY).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"surveyId\":\"demo-nps\",\"channel\":\"email\",\"customer\":"
                        + "{\"id\":\"cust-loop\",\"email\":\"nima@example.com\",\"locale\":\"fa\"}}")));
        assertThat(invited.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(invited.body()).get("delivered").asBoolean()).isFalse();
        assertThat(getJson("/_local/outbox", false).get("emails").size()).isEqualTo(emailsBefore);
    }

    @Test
    void announcement_shouldTellCustomersWhoRaisedTheThemeOnce_inTheirLanguage() throws Exception {
        // GIVEN a known customer who complained about delivery in Arabic
        putCustomer("cust-announce", "{\"name\":\"Huda\",\"email\":\"huda@example.com\",\"language\":\"ar\"}");
        String token = invite("cust-announce", "ar").get("token").asText();
        HttpResponse<String> sent = postAnswer(JSON.writeValueAsString(JSON.createObjectNode().put("token", token)
                .set("answers", JSON.createObjectNode().put("nps", 4).put("comment", "تأخر التوصيل خمسة أيام"))), null);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        drain();
        String body = """
                {"surveyId":"demo-nps","theme":"delivery","message":"Deliveries now arrive next day.",
                 "messages":{"ar":"أصبح التوصيل في اليوم التالي."}}""";
        // WHEN the delivery team announces the fix, twice (a retried request)
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> announced = send(HttpRequest.newBuilder(base.resolve("/api/announcements"))
                    .header("authorization", "Bearer " + KEY).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(announced.statusCode()).as(announced.body()).isEqualTo(200);
        }
        // THEN the customer got it once, in Arabic, right to left, with an unsubscribe link
        List<JsonNode> toCustomer = emailsTo("huda@example.com");
        assertThat(toCustomer).hasSize(1);
        assertThat(toCustomer.get(0).get("html").asText()).contains("dir=\"rtl\"", "أصبح التوصيل في اليوم التالي.");
        assertThat(toCustomer.get(0).at("/headers/List-Unsubscribe").asText()).contains("/u/");
    }
}
