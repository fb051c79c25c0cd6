package io.halqe.domain.survey;

import io.halqe.domain.analytics.Theme;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A survey definition at one version; a response records the version it answered.
 *
 * @param hiddenFields      CRM fields a link may carry (e.g. plan, orderId); anything else is dropped
 * @param requireSignedLink only answers through a signed invitation link are accepted, and hidden fields only from it
 * @param allowedOrigins    sites that may embed the survey or post to it cross-origin ({@code https://shop.example.com},
 *                          or {@code http://localhost:*} for any port)
 * @param followUp          per NPS category (detractor, passive, promoter), the follow-up question text by language
 * @param themes            this survey's theme overrides: a theme with a default id replaces it, a new id is added
 * @param name              what customers see as its title, one text or one per language
 * @param emailSubject      the invitation email's subject per language (else the name)
 * @param smsText           the invitation SMS's words per language, before the link (else a default with the name)
 * @param display           how the embed widget shows it (delay, sample, cooldown); none for the defaults
 * @param branding          how its emails look; what it leaves out comes from the account's branding
 */
public record Survey(
        String id,
        int version,
        LocalizedText name,
        SurveyKind kind,
        String defaultLanguage,
        List<String> languages,
        List<Question> questions,
        List<String> hiddenFields,
        boolean requireSignedLink,
        String touchpoint,
        List<String> allowedOrigins,
        Map<String, String> thankYou,
        Map<String, Map<String, String>> followUp,
        List<Theme> themes,
        LocalizedText emailSubject,
        LocalizedText smsText,
        Display display,
        Branding branding) {

    public Survey {
        languages = languages == null ? List.of() : List.copyOf(languages);
        questions = questions == null ? List.of() : List.copyOf(questions);
        hiddenFields = hiddenFields == null ? List.of() : List.copyOf(hiddenFields);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        thankYou = thankYou == null ? Map.of() : Map.copyOf(thankYou);
        followUp = followUp == null ? Map.of() : Map.copyOf(followUp);
        themes = themes == null ? List.of() : List.copyOf(themes);
        display = display == null ? new Display(null, null, null) : display;
        branding = branding == null ? Branding.NONE : branding;
    }

    public Survey withVersion(int newVersion) {
        return as(id, newVersion);
    }

    /** This definition under another id and version (an edit saved as the next version of a survey). */
    public Survey as(String newId, int newVersion) {
        return new Survey(newId, newVersion, name, kind, defaultLanguage, languages, questions, hiddenFields,
                requireSignedLink, touchpoint, allowedOrigins, thankYou, followUp, themes, emailSubject, smsText, display,
                branding);
    }

    /** The same definition with other theme overrides. */
    public Survey withThemes(List<Theme> newThemes) {
        return new Survey(id, version, name, kind, defaultLanguage, languages, questions, hiddenFields,
                requireSignedLink, touchpoint, allowedOrigins, thankYou, followUp, newThemes, emailSubject, smsText,
                display, branding);
    }

    /** The first scale question (NPS, CSAT, CES, rating): the one an email can ask with one click. */
    public Optional<Question> firstScaleQuestion() {
        return questions.stream().filter(question -> question.type().isScale() && question.type() != QuestionType.YESNO)
                .findFirst();
    }

    /** The survey's name as a customer reading {@code language} sees it. */
    public String nameIn(String language) {
        return name == null ? "" : name.in(language, defaultLanguage);
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(question -> question.id().equals(questionId)).findFirst();
    }

    /** The first NPS question, whose answer classifies the respondent. */
    public Optional<Question> npsQuestion() {
        return questions.stream().filter(question -> question.type() == QuestionType.NPS).findFirst();
    }

    public String language(String requested) {
        return requested != null && languages.contains(requested) ? requested : defaultLanguage;
    }

    public String thankYouIn(String language) {
        return thankYou.getOrDefault(language, thankYou.getOrDefault(defaultLanguage, "Thank you!"));
    }

    /** Whether a page on {@code origin} may embed this survey or post to it. */
    public boolean allowsOrigin(String origin) {
        if (origin == null) {
            return false;
        }
        for (String allowed : allowedOrigins) {
            if (allowed.equals(origin)) {
                return true;
            }
            if (allowed.endsWith(":*") && origin.startsWith(allowed.substring(0, allowed.length() - 1))
                    && origin.substring(allowed.length() - 1).matches("\\d{1,5}")) {
                return true;
            }
        }
        return false;
    }
}
