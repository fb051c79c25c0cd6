package io.halqe.submission;

import io.halqe.aws.http.HttpRequest;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.text.LanguageTags;
import java.util.Locale;
import java.util.Set;

/** Which language to show, and which way it reads. */
final class Languages {

    private static final Set<String> RIGHT_TO_LEFT = Set.of("fa", "ar", "he", "ur");

    private Languages() {
    }

    /** {@code ?lang=}, then the invitation's locale, then Accept-Language, then the survey's default. */
    static String choose(Survey survey, HttpRequest request, String invitationLocale) {
        var requested = request.query("lang").map(LanguageTags::primary);
        if (requested.isPresent() && survey.languages().contains(requested.get())) {
            return requested.get();
        }
        if (invitationLocale != null && survey.languages().contains(LanguageTags.primary(invitationLocale))) {
            return LanguageTags.primary(invitationLocale);
        }
        var accepted = request.header("accept-language");
        if (accepted.isPresent()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(accepted.get())) {
                    String language = LanguageTags.primary(range.getRange());
                    if (survey.languages().contains(language)) {
                        return language;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header is no preference
            }
        }
        return survey.defaultLanguage();
    }

    static boolean rightToLeft(String language) {
        return RIGHT_TO_LEFT.contains(language);
    }
}
