package io.halqe.domain.alerts;

import io.halqe.domain.text.Digits;
import java.util.Locale;
import java.util.Map;

/**
 * The words of what a team reads — its alert emails, weekly digest email and chat posts — in the team's language (en,
 * fa, ar; English when unset), and their figures in that language's digits. Patterns take strings: every figure is
 * written by {@link #figure} before it goes in, so names, ids and phrases keep the digits they were written with.
 */
final class TeamTexts {

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "en", Map.ofEntries(Map.entry("week", "week"), Map.entry("range", "%s to %s"),
                    Map.entry("noTeamAnswers", "No answers routed to the team in the last %s weeks."),
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
                    Map.entry("npsFigures", "NPS %s (95%% CI %s to %s, n=%s%s)"), Map.entry("lowSample", ", low sample"),
                    Map.entry("change", "; %s%s since last week (%s)"), Map.entry("noWeekAnswers", "no answers"),
                    Map.entry("alert", "Alert"), Map.entry("score", "Score"), Map.entry("customer", "Customer"),
                    Map.entry("team", "Team"), Map.entry("survey", "Survey"), Map.entry("case", "Open the case"),
                    Map.entry("noComment", "(no comment)"), Map.entry("digest", "Weekly digest"),
                    Map.entry("open", "Open cases"), Map.entry("overdue", "Overdue"), Map.entry("console", "Open Halqe"),
                    Map.entry("on", "on"), Map.entry("caseWord", "case"), Map.entry("answered", "Answered"),
                    Map.entry("inLanguage", " in %s"), Map.entry("answer", "Answer"), Map.entry("hidden", "Hidden"),
                    Map.entry("notInDirectory", " (not in the directory)"), Map.entry("plan", "Plan"),
                    Map.entry("segment", "Segment"), Map.entry("region", "Region"),
                    Map.entry("lifetimeValue", "Lifetime value"), Map.entry("accountOwner", "Account owner"),
                    Map.entry("sentiment", "Sentiment"), Map.entry("themeList", "Themes"),
                    Map.entry("feedbackType", "Feedback type"), Map.entry("keyPhrases", "Key phrases"),
                    Map.entry("caseLabel", "Case"), Map.entry("caseFact", "%s, owner %s, due %s"),
                    Map.entry("comment", "Comment")),
            "fa", Map.ofEntries(Map.entry("week", "هفته"), Map.entry("range", "%s تا %s"),
                    Map.entry("noTeamAnswers", "در %s هفتهٔ گذشته هیچ پاسخی به این تیم نرسیده است."),
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
                    Map.entry("npsFigures", "NPS %s (بازهٔ اطمینان ۹۵٪: %s تا %s، n=%s%s)"),
                    Map.entry("lowSample", "، نمونهٔ کم"), Map.entry("change", "؛ %s%s نسبت به هفتهٔ قبل (%s)"),
                    Map.entry("noWeekAnswers", "بدون پاسخ"),
                    Map.entry("alert", "هشدار"), Map.entry("score", "امتیاز"), Map.entry("customer", "مشتری"),
                    Map.entry("team", "تیم"), Map.entry("survey", "نظرسنجی"), Map.entry("case", "باز کردن پرونده"),
                    Map.entry("noComment", "(بدون توضیح)"), Map.entry("digest", "گزارش هفتگی"),
                    Map.entry("open", "پرونده‌های باز"), Map.entry("overdue", "دیرکرد"),
                    Map.entry("console", "باز کردن حلقه"), Map.entry("on", "در"), Map.entry("caseWord", "پرونده"),
                    Map.entry("answered", "زمان پاسخ"), Map.entry("inLanguage", " به زبان %s"),
                    Map.entry("answer", "پاسخ"), Map.entry("hidden", "فیلد پنهان"),
                    Map.entry("notInDirectory", " (در فهرست مشتریان نیست)"), Map.entry("plan", "طرح"),
                    Map.entry("segment", "بخش"), Map.entry("region", "منطقه"),
                    Map.entry("lifetimeValue", "ارزش طول عمر"), Map.entry("accountOwner", "مسئول حساب"),
                    Map.entry("sentiment", "احساس"), Map.entry("themeList", "موضوع‌ها"),
                    Map.entry("feedbackType", "نوع بازخورد"), Map.entry("keyPhrases", "عبارت‌های کلیدی"),
                    Map.entry("caseLabel", "پرونده"), Map.entry("caseFact", "%s، مسئول %s، موعد %s"),
                    Map.entry("comment", "نظر")),
            "ar", Map.ofEntries(Map.entry("week", "الأسبوع"), Map.entry("range", "من %s إلى %s"),
                    Map.entry("noTeamAnswers", "لم تصل إلى الفريق أي إجابات خلال آخر %s أسابيع."),
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
                    Map.entry("npsFigures", "NPS %s (فاصل ثقة ٩٥٪: %s إلى %s، n=%s%s)"),
                    Map.entry("lowSample", "، عينة صغيرة"), Map.entry("change", "؛ %s%s مقارنة بالأسبوع الماضي (%s)"),
                    Map.entry("noWeekAnswers", "لا إجابات"),
                    Map.entry("alert", "تنبيه"), Map.entry("score", "التقييم"), Map.entry("customer", "العميل"),
                    Map.entry("team", "الفريق"), Map.entry("survey", "الاستبيان"), Map.entry("case", "فتح الحالة"),
                    Map.entry("noComment", "(بلا تعليق)"), Map.entry("digest", "الملخص الأسبوعي"),
                    Map.entry("open", "الحالات المفتوحة"), Map.entry("overdue", "متأخرة"),
                    Map.entry("console", "فتح حلقة"), Map.entry("on", "في"), Map.entry("caseWord", "الحالة"),
                    Map.entry("answered", "وقت الإجابة"), Map.entry("inLanguage", " باللغة %s"),
                    Map.entry("answer", "إجابة"), Map.entry("hidden", "حقل مخفي"),
                    Map.entry("notInDirectory", " (ليس في الدليل)"), Map.entry("plan", "الباقة"),
                    Map.entry("segment", "الشريحة"), Map.entry("region", "المنطقة"),
                    Map.entry("lifetimeValue", "القيمة الدائمة"), Map.entry("accountOwner", "مدير الحساب"),
                    Map.entry("sentiment", "المشاعر"), Map.entry("themeList", "المواضيع"),
                    Map.entry("feedbackType", "نوع الملاحظة"), Map.entry("keyPhrases", "العبارات الرئيسية"),
                    Map.entry("caseLabel", "الحالة"), Map.entry("caseFact", "%s، المسؤول %s، الموعد %s"),
                    Map.entry("comment", "التعليق")));

    private final String language;
    private final Map<String, String> texts;

    private TeamTexts(String language) {
        this.language = TEXTS.containsKey(language) ? language : "en";
        this.texts = TEXTS.get(this.language);
    }

    static TeamTexts of(String language) {
        return new TeamTexts(language);
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
        return decimal(value == Math.rint(value) ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value));
    }

    /** A number written with ASCII digits and a point, in the language's digits and decimal separator. */
    String decimal(String ascii) {
        return figure(rightToLeft() ? ascii.replace('.', '\u066B') : ascii);
    }

    /** The HTML element's attributes that set the language and direction, empty for English. */
    String htmlAttributes() {
        return rightToLeft() ? " lang=\"" + language + "\" dir=\"rtl\"" : "";
    }

    /** The side a line starts on: where table headings align and a quote's bar stands. */
    String start() {
        return rightToLeft() ? "right" : "left";
    }
}
