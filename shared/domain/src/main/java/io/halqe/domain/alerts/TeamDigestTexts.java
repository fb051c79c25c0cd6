package io.halqe.domain.alerts;

import io.halqe.domain.text.Digits;
import java.util.Locale;
import java.util.Map;

/**
 * The words of a team's weekly digest email in the team's language (en, fa, ar; English when unset), and its figures
 * in that language's digits. Patterns take strings: every figure is written by {@link #figure} before it goes in, so
 * names, ids and phrases keep the digits they were written with.
 */
final class TeamDigestTexts {

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "en", Map.ofEntries(Map.entry("week", "week"), Map.entry("range", "%s to %s"),
                    Map.entry("noAnswers", "No answers routed to the team in the last %s weeks."),
                    Map.entry("lastWeeks", "(last %s weeks, oldest first)"), Map.entry("themes", "Top themes"),
                    Map.entry("costs", "What costs the most"),
                    Map.entry("costsNote", "(NPS points gained if these answers scored like the rest)"),
                    Map.entry("driver", "%s: +%s points (95%% CI %s to %s), %s answers, NPS %s"),
                    Map.entry("emerging", "New this week in %s (phrases no theme covers, rising against the %s weeks"
                            + " before):"),
                    Map.entry("topic", "\"%s\" (%s): %s answers, %s%% (before: %s%%)"),
                    Map.entry("counts", "Open cases: %s, overdue: %s"),
                    Map.entry("overdueCase", "%s (%s), owner %s, due %s"),
                    Map.entry("noNps", "no NPS answers this week"),
                    Map.entry("nps", "NPS %s (95%% CI %s to %s, n=%s%s)"), Map.entry("lowSample", ", low sample"),
                    Map.entry("change", "; %s%s since last week (%s)"), Map.entry("noWeekAnswers", "no answers")),
            "fa", Map.ofEntries(Map.entry("week", "هفته"), Map.entry("range", "%s تا %s"),
                    Map.entry("noAnswers", "در %s هفتهٔ گذشته هیچ پاسخی به این تیم نرسیده است."),
                    Map.entry("lastWeeks", "(%s هفتهٔ اخیر، از قدیمی‌ترین)"), Map.entry("themes", "موضوع‌های اصلی"),
                    Map.entry("costs", "بیشترین هزینه"),
                    Map.entry("costsNote", "(امتیاز NPS که به دست می‌آمد اگر این پاسخ‌ها مثل بقیه بودند)"),
                    Map.entry("driver", "%s: +%s امتیاز (بازهٔ اطمینان ۹۵٪: %s تا %s)، %s پاسخ، NPS %s"),
                    Map.entry("emerging", "تازه‌های این هفته در %s (عبارت‌هایی که هیچ موضوعی را در بر ندارند و"
                            + " نسبت به %s هفتهٔ قبل بیشتر شده‌اند):"),
                    Map.entry("topic", "«%s» (%s): %s پاسخ، %s٪ (پیش‌تر: %s٪)"),
                    Map.entry("counts", "پرونده‌های باز: %s، دیرکرد: %s"),
                    Map.entry("overdueCase", "%s (%s)، مسئول %s، موعد %s"),
                    Map.entry("noNps", "این هفته پاسخ NPS نبود"),
                    Map.entry("nps", "NPS %s (بازهٔ اطمینان ۹۵٪: %s تا %s، n=%s%s)"),
                    Map.entry("lowSample", "، نمونهٔ کم"), Map.entry("change", "؛ %s%s نسبت به هفتهٔ قبل (%s)"),
                    Map.entry("noWeekAnswers", "بدون پاسخ")),
            "ar", Map.ofEntries(Map.entry("week", "الأسبوع"), Map.entry("range", "من %s إلى %s"),
                    Map.entry("noAnswers", "لم تصل إلى الفريق أي إجابات خلال آخر %s أسابيع."),
                    Map.entry("lastWeeks", "(آخر %s أسابيع، الأقدم أولًا)"), Map.entry("themes", "أبرز المواضيع"),
                    Map.entry("costs", "الأكثر كلفة"),
                    Map.entry("costsNote", "(نقاط NPS التي تُكسب لو كانت هذه الإجابات مثل البقية)"),
                    Map.entry("driver", "%s: +%s نقطة (فاصل ثقة ٩٥٪: %s إلى %s)، %s إجابة، NPS %s"),
                    Map.entry("emerging", "جديد هذا الأسبوع في %s (عبارات لا يغطيها أي موضوع، في ارتفاع مقارنة"
                            + " بالأسابيع الـ%s السابقة):"),
                    Map.entry("topic", "«%s» (%s): %s إجابة، %s٪ (قبل: %s٪)"),
                    Map.entry("counts", "الحالات المفتوحة: %s، المتأخرة: %s"),
                    Map.entry("overdueCase", "%s (%s)، المسؤول %s، الموعد %s"),
                    Map.entry("noNps", "لا إجابات NPS هذا الأسبوع"),
                    Map.entry("nps", "NPS %s (فاصل ثقة ٩٥٪: %s إلى %s، n=%s%s)"),
                    Map.entry("lowSample", "، عينة صغيرة"), Map.entry("change", "؛ %s%s مقارنة بالأسبوع الماضي (%s)"),
                    Map.entry("noWeekAnswers", "لا إجابات")));

    private final String language;
    private final Map<String, String> texts;

    private TeamDigestTexts(String language) {
        this.language = TEXTS.containsKey(language) ? language : "en";
        this.texts = TEXTS.get(this.language);
    }

    static TeamDigestTexts of(String language) {
        return new TeamDigestTexts(language);
    }

    /** Whether the language reads right to left. */
    boolean rightToLeft() {
        return !language.equals("en");
    }

    String language() {
        return language;
    }

    String get(String key) {
        return texts.get(key);
    }

    /** The pattern {@code key} filled with {@code args} (figures already written by {@link #figure}). */
    String format(String key, Object... args) {
        return texts.get(key).formatted(args);
    }

    /** A figure or a date in the language's digits. */
    String figure(String ascii) {
        return Digits.inLanguage(ascii, language);
    }

    String figure(long value) {
        return figure(Long.toString(value));
    }

    /** A whole number as it is, else one decimal (after the language's decimal separator). */
    String figure(double value) {
        String ascii = value == Math.rint(value) ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
        return figure(rightToLeft() ? ascii.replace('.', '\u066B') : ascii);
    }
}
