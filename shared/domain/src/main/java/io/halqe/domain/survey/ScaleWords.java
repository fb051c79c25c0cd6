package io.halqe.domain.survey;

import io.halqe.domain.text.Digits;

/** How a scale reads in the respondent's language: its digits, and the words at its two ends. */
public final class ScaleWords {

    private ScaleWords() {
    }

    /** Persian shows Persian digits, Arabic Arabic-Indic ones. */
    public static String digits(int number, String language) {
        return Digits.inLanguage(Integer.toString(number), language);
    }

    /** The words at the low and the high end of a scale; for yes/no, the words for 0 and 1. */
    public static String[] ends(QuestionType type, String language) {
        String lang = language == null ? "en" : language;
        return switch (type) {
            case NPS -> switch (lang) {
                case "fa" -> new String[] {"اصلاً محتمل نیست", "بسیار محتمل"};
                case "ar" -> new String[] {"غير محتمل إطلاقًا", "محتمل جدًا"};
                default -> new String[] {"Not at all likely", "Extremely likely"};
            };
            case CSAT -> switch (lang) {
                case "fa" -> new String[] {"کاملاً ناراضی", "کاملاً راضی"};
                case "ar" -> new String[] {"غير راضٍ إطلاقًا", "راضٍ جدًا"};
                default -> new String[] {"Very dissatisfied", "Very satisfied"};
            };
            case CES -> switch (lang) {
                case "fa" -> new String[] {"بسیار دشوار", "بسیار آسان"};
                case "ar" -> new String[] {"صعب جدًا", "سهل جدًا"};
                default -> new String[] {"Very difficult", "Very easy"};
            };
            case YESNO -> switch (lang) {
                case "fa" -> new String[] {"خیر", "بله"};
                case "ar" -> new String[] {"لا", "نعم"};
                default -> new String[] {"No", "Yes"};
            };
            default -> switch (lang) {
                case "fa" -> new String[] {"ضعیف", "عالی"};
                case "ar" -> new String[] {"ضعيف", "ممتاز"};
                default -> new String[] {"Poor", "Excellent"};
            };
        };
    }
}
