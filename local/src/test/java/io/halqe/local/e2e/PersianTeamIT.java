package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mfathi91.time.PersianDate;
import io.halqe.domain.text.Digits;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@LocalCloudParameters(value = {"ReportingCalendar=persian", "ReportingTimeZone=Asia/Tehran",
        "AnonymousAnswersPerMinute=0"},
        why = "an Iranian deployment: reports in the Solar Hijri calendar and Tehran's days")
class PersianTeamIT extends LocalCloudProcess {

    @Test
    void persianTeam_shouldReadItsAlertAndWeeklyDigestInPersian_withWeeksFromSaturday_whenTheDeploymentReadsSolarHijri()
            throws Exception {
        // GIVEN a deployment on the Solar Hijri calendar, and the support team set to read Persian
        HttpResponse<String> team = sendAdmin("PUT", "/api/teams/support",
                "{\"name\":\"پشتیبانی\",\"language\":\"fa\"}");
        assertThat(team.statusCode()).as(team.body()).isEqualTo(200);
        // WHEN a detractor answers about support (the answers the team owns), and the team's digest of the week so
        // far is previewed
        String comment = "پشتیبانی ۳ بار تلفن رو قطع کرد و هیچکس جواب نداد";
        HttpResponse<String> answered = postAnswer(JSON.writeValueAsString(JSON.createObjectNode().set("answers",
                JSON.createObjectNode().put("nps", 1).put("comment", comment))), null);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        drain();
        JsonNode preview = getJson("/api/teams/support/digest/preview", true);
        // THEN the alert email is in Persian, its score in Persian digits, the comment as written
        List<JsonNode> alerts = matching(getJson("/_local/outbox", false).get("emails"), "text", comment);
        assertThat(alerts).singleElement().satisfies(email -> {
            assertThat(email.get("subject").asText()).contains("(۱/۱۰) در demo-nps — پرونده ");
            assertThat(email.get("text").asText()).contains("نظر:\n" + comment).contains("NPS: ۱/۱۰ (detractor)");
            assertThat(email.get("html").asText()).startsWith("<!doctype html><html lang=\"fa\" dir=\"rtl\">");
        });
        // AND the digest names a Solar Hijri week, in Persian digits, that runs from a Saturday to a Friday
        String week = preview.get("week").asText();
        assertThat(week).matches("14\\d\\d-W\\d\\d");
        assertThat(preview.get("subject").asText()).isEqualTo("[Halqe] پشتیبانی — هفته " + Digits.inLanguage(week, "fa"));
        String text = preview.get("text").asText();
        Matcher days = Pattern.compile("\\((\\S+) تا (\\S+)\\)").matcher(text);
        assertThat(days.find()).as(text).isTrue();
        assertThat(persianDay(days.group(1)).toGregorian().getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(persianDay(days.group(2)).toGregorian().getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        // AND the week's figures in Persian words and digits, right to left
        assertThat(text).contains("demo-nps: NPS -۱۰۰ (بازهٔ اطمینان ۹۵٪: ");
        assertThat(preview.get("html").asText()).startsWith("<!doctype html><html lang=\"fa\" dir=\"rtl\">");
    }

    /** A day the digest wrote ({@code ۱۴۰۵-۰۹-۰۷}), read with the reference Solar Hijri library. */
    private static PersianDate persianDay(String written) {
        String[] parts = Digits.toAscii(written).split("-");
        return PersianDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }
}
