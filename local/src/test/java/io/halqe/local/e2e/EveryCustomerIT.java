package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Closing the loop with customers nobody imported: from an empty local cloud, with documented calls only, a customer
 * first seen in an email invitation or in an OrderDelivered event is told what was done, re-surveyed a week later,
 * and their second answer lands on the case.
 */
class EveryCustomerIT extends LocalCloudProcess {

    /** Starts at noon UTC (the demo's zone), so neither the invitations nor the re-surveys meet quiet hours. */
    @BeforeAll
    static void atNoon() throws Exception {
        int hour = Instant.parse(getJson("/_local/clock", false).get("now").asText()).atZone(ZoneOffset.UTC).getHour();
        advanceClock(Duration.ofHours((12 - hour + 24) % 24));
    }

    @Test
    void neverImportedInvitee_shouldBeToldReSurveyedAndRemeasured_inPersian() throws Exception {
        String email = "neda.never@example.com";
        // GIVEN an email invitation to a customer the directory has never seen
        HttpResponse<String> invited = sendAdmin("POST", "/api/invitations", """
                {"surveyId":"demo-nps","channel":"email","customer":{"id":"never-1","email":"neda.never@example.com","locale":"fa"}}""");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        assertThat(emailsTo(email)).singleElement()
                .satisfies(invitation -> assertThat(invitation.get("html").asText()).contains("dir=\"rtl\""));
        // WHEN they answer it with a 1
        String caseId = answerAsDetractor(token(emailsTo(email).get(0)), "بسته دیر رسید و کسی جواب نداد");
        // THEN the loop closes for them like for any imported customer
        closeTheLoop(caseId, email, "never-1");
    }

    @Test
    void customerFirstSeenInOrderDelivered_shouldBeToldReSurveyedAndRemeasured() throws Exception {
        String email = "kaveh.orders@example.com";
        // GIVEN an OrderDelivered event naming a customer the directory has never seen
        HttpResponse<String> put = send(HttpRequest.newBuilder(base.resolve("/_local/events"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "Source", "demo.shop", "DetailType", "OrderDelivered",
                        "Detail", JSON.writeValueAsString(Map.of("orderId", "A-7001", "customer", Map.of(
                                "id", "orders-1", "email", email, "name", "Kaveh", "locale", "fa", "timeZone", "UTC"))))))));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        drain();
        // THEN the directory knows them at once
        assertThat(getJson("/api/customers/orders-1", true).get("email").asText()).isEqualTo(email);
        // WHEN the invitation goes out an hour later and they answer it with a 1
        advanceClock(Duration.ofMinutes(65));
        assertThat(emailsTo(email)).hasSize(1);
        String caseId = answerAsDetractor(token(emailsTo(email).get(0)), "The parcel was damaged");
        // THEN the loop closes for them too
        closeTheLoop(caseId, email, "orders-1");
    }

    @Test
    void apiInvitations_shouldMeetTheFrequencyCap_andUseTheDirectoryProfile() throws Exception {
        // GIVEN a Persian customer in the directory, and an email invitation naming only their id
        putCustomer("fa-cap", "{\"name\":\"Parisa\",\"email\":\"parisa@example.com\",\"language\":\"fa\"}");
        HttpResponse<String> first = sendAdmin("POST", "/api/invitations",
                "{\"surveyId\":\"demo-nps\",\"channel\":\"email\",\"customer\":{\"id\":\"fa-cap\"}}");
        // THEN it arrives in Persian, at the directory's address
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(JSON.readTree(first.body()).get("delivered").asBoolean()).isTrue();
        assertThat(emailsTo("parisa@example.com")).singleElement().satisfies(invitation -> {
            assertThat(invitation.get("html").asText()).contains("lang=\"fa\" dir=\"rtl\"").contains("سلام Parisa");
            assertThat(invitation.get("text").asText()).contains("lang=fa");
        });
        // WHEN a second invitation follows an hour later, within the 30-day cap
        advanceClock(Duration.ofHours(1));
        HttpResponse<String> second = sendAdmin("POST", "/api/invitations",
                "{\"surveyId\":\"demo-nps\",\"channel\":\"email\",\"customer\":{\"id\":\"fa-cap\"}}");
        // THEN it is not sent, and the answer says why and from when the next may go
        JsonNode refused = JSON.readTree(second.body());
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(refused.get("delivered").asBoolean()).isFalse();
        assertThat(refused.get("reason").asText()).isEqualTo("frequency_cap");
        assertThat(Instant.parse(refused.get("nextAllowedAt").asText()))
                .isAfter(Instant.parse(getJson("/_local/clock", false).get("now").asText()).plus(Duration.ofDays(29)));
        assertThat(emailsTo("parisa@example.com")).hasSize(1);
    }

    @Test
    void outbox_shouldOfferUnsubscribeInEveryCustomerEmail_andNoPersonalDataInAnyUrl() throws Exception {
        // GIVEN invitations by email and by SMS to people with names, addresses and phones
        assertThat(sendAdmin("POST", "/api/invitations", """
                {"surveyId":"demo-nps","channel":"email","customer":{"id":"privacy-1","email":"roya.karimi@example.com",
                 "phone":"+989351112233","name":"Roya Karimi","locale":"fa"},"hidden":{"orderId":"ORD-5521"}}""")
                .statusCode()).isEqualTo(201);
        assertThat(sendAdmin("POST", "/api/invitations", """
                {"surveyId":"demo-nps","channel":"sms","customer":{"id":"privacy-2","phone":"+989351119988",
                 "name":"Babak Saberi","locale":"fa"}}""").statusCode()).isEqualTo(201);
        JsonNode outbox = getJson("/_local/outbox", false);
        // THEN every email to a customer (not to the team's own addresses) can be unsubscribed from, in one click
        outbox.get("emails").forEach(email -> {
            if (!email.get("to").get(0).asText().endsWith("@demo.halqe.local")) {
                assertThat(email.get("text").asText()).as(email.get("subject").asText()).contains("/u/");
                assertThat(email.at("/headers/List-Unsubscribe").asText()).as(email.get("subject").asText()).contains("/u/");
                assertThat(email.at("/headers/List-Unsubscribe-Post").asText()).isEqualTo("List-Unsubscribe=One-Click");
            }
        });
        // AND no URL in any email or SMS, decoded, names anyone
        StringBuilder decoded = new StringBuilder();
        List<String> texts = new java.util.ArrayList<>();
        outbox.get("emails").forEach(email -> texts.add(email.get("text").asText() + " " + email.get("html").asText()));
        outbox.get("notifications").forEach(sms -> texts.add(sms.get("message").asText()));
        assertThat(texts.stream().filter(text -> text.contains("989351119988") || text.contains("/s/demo-nps"))).isNotEmpty();
        for (String text : texts) {
            Matcher url = Pattern.compile("https?://[^\\s\"<>]+").matcher(text);
            while (url.find()) {
                decoded.append(decodeUrl(url.group())).append('\n');
            }
        }
        assertThat(decoded.toString()).contains("/s/demo-nps").contains("/u/")
                .doesNotContain("roya.karimi").doesNotContain("Roya").doesNotContain("989351112233")
                .doesNotContain("989351119988").doesNotContain("Babak").doesNotContain("ORD-5521")
                .doesNotContain("neda.never").doesNotContain("kaveh").doesNotContain("Kaveh").doesNotContain("parisa");
    }

    /** The URL, percent-decoded, with every part that decodes as base64url replaced by what it decodes to. */
    private static String decodeUrl(String url) {
        String plain = URLDecoder.decode(url.replace("&amp;", "&"), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(plain);
        for (String part : plain.split("[./?=&]")) {
            try {
                out.append(' ').append(new String(java.util.Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
                // not a token part
            }
        }
        return out.toString();
    }

    @Test
    void erasure_shouldLeaveNoTraceOfThePerson_keepTheFigures_andStopContact() throws Exception {
        String email = "shirin.erase@example.com";
        String comment = "Shirin here: the parcel was crushed and nobody answered";
        // GIVEN a person invited by email (with a phone and a name), who answered, got a case, and was told it is fixed
        assertThat(sendAdmin("POST", "/api/invitations", """
                {"surveyId":"demo-nps","channel":"email","customer":{"id":"erase-1","email":"shirin.erase@example.com",
                 "phone":"+989357770000","name":"Shirin Karami","locale":"fa"},"hidden":{"orderId":"ORD-ERASE-77"}}""")
                .statusCode()).isEqualTo(201);
        String caseId = answerAsDetractor(token(emailsTo(email).get(0)), comment);
        assertThat(sendAdmin("POST", "/api/cases/" + caseId + "/close",
                "{\"resolution\":\"Resent\",\"notifyCustomer\":true,\"customerMessage\":\"We resent it.\"}").statusCode())
                .isEqualTo(200);
        drain();
        assertThat(getJson("/api/customers/erase-1/export", true).get("responses")).hasSize(1);
        JsonNode before = getJson("/api/surveys/demo-nps/metrics", true);
        // WHEN they are erased (twice: a retried request)
        HttpResponse<String> erased = sendAdmin("DELETE", "/api/customers/erase-1", null);
        HttpResponse<String> again = sendAdmin("DELETE", "/api/customers/erase-1", null);
        // THEN the receipt says what was erased where, and the retry erases nothing more
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        JsonNode receipt = JSON.readTree(erased.body());
        assertThat(receipt.at("/erased/responses").asInt()).isEqualTo(1);
        assertThat(receipt.at("/erased/directory").asInt()).isPositive();
        assertThat(JSON.readTree(again.body()).at("/erased/responses").asInt()).isZero();
        // AND no item of any table holds their id, address, phone, name or what they wrote
        String everything = getJson("/_local/tables", false).toString();
        assertThat(everything).contains("demo-nps").doesNotContain("erase-1").doesNotContain("shirin.erase")
                .doesNotContain("989357770000").doesNotContain("Shirin").doesNotContain("parcel was crushed")
                .doesNotContain("ORD-ERASE-77");
        // AND the survey's figures are unchanged, and nothing is held about them any more
        assertThat(getJson("/api/surveys/demo-nps/metrics", true)).isEqualTo(before);
        assertThat(sendAdmin("GET", "/api/customers/erase-1", null).statusCode()).isEqualTo(404);
        assertThat(sendAdmin("GET", "/api/customers/erase-1/export", null).statusCode()).isEqualTo(404);
        // AND a new invitation to their address is not delivered
        int sent = emailsTo(email).size();
        JsonNode reinvited = JSON.readTree(sendAdmin("POST", "/api/invitations",
                "{\"surveyId\":\"demo-nps\",\"channel\":\"email\",\"customer\":{\"email\":\"" + email + "\"}}").body());
        assertThat(reinvited.get("delivered").asBoolean()).isFalse();
        assertThat(reinvited.get("reason").asText()).isEqualTo("suppressed");
        assertThat(emailsTo(email)).hasSize(sent);
    }

    private static String answerAsDetractor(String token, String comment) throws Exception {
        HttpResponse<String> answered = postAnswer(JSON.writeValueAsString(JSON.createObjectNode().put("token", token)
                .set("answers", JSON.createObjectNode().put("nps", 1).put("comment", comment))), null);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        drain();
        String responseId = JSON.readTree(answered.body()).get("responseId").asText();
        List<JsonNode> opened = matching(getJson("/api/cases?status=open", true).get("items"), "responseId", responseId);
        assertThat(opened).as("the detractor's case").hasSize(1);
        return opened.get(0).get("caseId").asText();
    }

    /** Close with a message → the Persian email with a working unsubscribe page → the re-survey → its answer. */
    private static void closeTheLoop(String caseId, String email, String customerId) throws Exception {
        int before = emailsTo(email).size();
        HttpResponse<String> closed = sendAdmin("POST", "/api/cases/" + caseId + "/close", """
                {"resolution":"Refunded the order","notifyCustomer":true,"customerMessage":"هزینه سفارش را برگرداندیم."}""");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        JsonNode outcome = JSON.readTree(closed.body());
        assertThat(outcome.get("customerNotified").asBoolean()).as(closed.body()).isTrue();
        assertThat(outcome.get("resurveyAt").asText()).isNotBlank();
        List<JsonNode> emails = emailsTo(email);
        assertThat(emails).hasSize(before + 1);
        JsonNode told = emails.get(emails.size() - 1);
        assertThat(told.get("html").asText()).contains("dir=\"rtl\"").contains("هزینه سفارش را برگرداندیم.");
        assertThat(told.at("/headers/List-Unsubscribe-Post").asText()).isEqualTo("List-Unsubscribe=One-Click");
        // AND its unsubscribe link answers with a page, and following it unsubscribes nobody
        Matcher link = Pattern.compile("(http://\\S+/u/\\S+)").matcher(told.get("text").asText());
        assertThat(link.find()).as("an unsubscribe link in %s", told.get("text").asText()).isTrue();
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve(URI.create(link.group(1)).getRawPath())));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\">");
        // WHEN a week passes THEN the re-survey arrives (nothing before)
        for (int day = 0; day < 6; day++) {
            advanceClock(Duration.ofDays(1)); // a day at a time: each call stays well within the request timeout
        }
        assertThat(emailsTo(email)).hasSize(before + 1);
        advanceClock(Duration.ofDays(1).plusMinutes(10));
        emails = emailsTo(email);
        assertThat(emails).hasSize(before + 2);
        // WHEN they answer it with a 9
        answerTheLatest(emails, 9);
        // THEN the case shows the scores before and after, and the directory shows the customer
        JsonNode remeasured = getJson("/api/cases/" + caseId, true).get("remeasurement");
        assertThat(remeasured.get("scoreBefore").asInt()).isEqualTo(1);
        assertThat(remeasured.get("scoreAfter").asInt()).isEqualTo(9);
        JsonNode customer = getJson("/api/customers/" + customerId, true);
        assertThat(customer.get("email").asText()).isEqualTo(email);
        assertThat(customer.get("language").asText()).isEqualTo("fa");
    }

}
