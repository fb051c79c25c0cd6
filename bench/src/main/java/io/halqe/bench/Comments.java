package io.halqe.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic batch of realistic 1-3 sentence comments, a third each in English, Persian and Arabic (not taken
 * from the evaluation set), with NPS scores.
 */
public final class Comments {

    private static final String[] EN = {
        "The delivery was late again and nobody answered my emails.",
        "Great app, very easy to use. The new checkout is much faster!",
        "I was charged twice for the same order. Please refund the second payment.",
        "It would be nice to have a dark mode in the app.",
        "The product quality is excellent but the price is a bit too high for me.",
        "Why does the app crash every time I open my cart?",
        "Support was really helpful and solved my problem in minutes. Thank you!",
        "The package arrived damaged and the box was open. Not happy at all.",
        "How can I change the billing address on my invoice?",
        "Prices went up again this month, I'm thinking about switching to a competitor.",
    };
    private static final String[] FA = {
        "ارسال خیلی دیر بود و پشتیبانی هم جواب نداد.",
        "اپلیکیشن خیلی راحته و سریع، ممنون از تیم خوبتون!",
        "دو بار از حسابم پول کسر شد، لطفا بازپرداخت کنید.",
        "کاش امکان پرداخت اقساطی هم اضافه کنید.",
        "کیفیت محصول عالیه ولی قیمتش یکم گرونه.",
        "چرا برنامه موقع پرداخت هنگ می‌کنه؟",
        "کارشناس پشتیبانی خیلی مودب بود و مشکلم سریع حل شد.",
        "بسته‌بندی پاره بود و کالا آسیب دیده به دستم رسید. اصلا راضی نیستم.",
        "چطور می‌تونم فاکتور رسمی دریافت کنم؟",
        "قیمت‌ها این ماه خیلی گران شده، دیگه خرید نمی‌کنم.",
    };
    private static final String[] AR = {
        "التوصيل تأخر كثيراً ولم يرد أحد على رسائلي.",
        "التطبيق رائع وسهل الاستخدام، شكراً لكم!",
        "تم خصم المبلغ مرتين من بطاقتي، أرجو استرداد المبلغ.",
        "أتمنى إضافة الوضع الليلي في التطبيق.",
        "جودة المنتج ممتازة لكن السعر مرتفع قليلاً.",
        "لماذا يتوقف التطبيق عند فتح سلة التسوق؟",
        "موظف خدمة العملاء كان متعاوناً جداً وحل مشكلتي بسرعة.",
        "وصلت الشحنة تالفة والعلبة مفتوحة. غير راضٍ أبداً.",
        "كيف يمكنني تغيير عنوان الفاتورة؟",
        "الأسعار ارتفعت مرة أخرى هذا الشهر، سأنتقل إلى منافس.",
    };

    private Comments() {
    }

    public record Comment(String text, Integer nps) {
    }

    /** {@code count} comments, cycling en, fa, ar; one in three has two sentences joined. */
    public static List<Comment> batch(int count) {
        Random random = new Random(42);
        String[][] byLanguage = {EN, FA, AR};
        List<Comment> comments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] pool = byLanguage[i % 3];
            String text = pool[random.nextInt(pool.length)];
            if (i % 3 == 1) {
                text = text + " " + pool[random.nextInt(pool.length)];
            }
            comments.add(new Comment(text, random.nextInt(12) == 0 ? null : random.nextInt(11)));
        }
        return comments;
    }
}
