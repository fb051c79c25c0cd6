package io.halqe.submission;

import io.halqe.aws.http.HttpRequest;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.text.LanguageTags;
import java.util.Locale;
import java.util.Set;

/** Which language to show, and how: direction, digits, scale ends. */
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

    /** Persian shows Persian digits, Arabic Arabic-Indic ones. */
    static String digits(int number, String language) {
        String ascii = Integer.toString(number);
        char zero = switch (language) {
            case "fa" -> '\u06F0';
            case "ar" -> '\u0660';
            default -> '0';
        };
        StringBuilder localized = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            localized.append(Character.isDigit(c) ? (char) (zero + (c - '0')) : c);
        }
        return localized.toString();
    }

    /** The words at the low and high end of a scale question, in the respondent's language. */
    static String[] ends(io.halqe.domain.survey.QuestionType type, String language) {
        return switch (type) {
            case NPS -> new String[] {notLikely(language), veryLikely(language)};
            case CSAT -> switch (language) {
                case "fa" -> new String[] {"کاملاً ناراضی", "کاملاً راضی"};
                case "ar" -> new String[] {"غير راضٍ إطلاقًا", "راضٍ جدًا"};
                default -> new String[] {"Very dissatisfied", "Very satisfied"};
            };
            case CES -> switch (language) {
                case "fa" -> new String[] {"بسیار دشوار", "بسیار آسان"};
                case "ar" -> new String[] {"صعب جدًا", "سهل جدًا"};
                default -> new String[] {"Very difficult", "Very easy"};
            };
            default -> switch (language) {
                case "fa" -> new String[] {"ضعیف", "عالی"};
                case "ar" -> new String[] {"ضعيف", "ممتاز"};
                default -> new String[] {"Poor", "Excellent"};
            };
        };
    }

    static String notLikely(String language) {
        return switch (language) {
            case "fa" -> "اصلاً محتمل نیست";
            case "ar" -> "غير محتمل إطلاقًا";
            default -> "Not at all likely";
        };
    }

    static String veryLikely(String language) {
        return switch (language) {
            case "fa" -> "بسیار محتمل";
            case "ar" -> "محتمل جدًا";
            default -> "Extremely likely";
        };
    }
}
