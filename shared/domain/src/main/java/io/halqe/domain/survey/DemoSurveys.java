package io.halqe.domain.survey;

import io.halqe.domain.core.Team;
import java.util.List;
import java.util.Map;

/** The demo the local cloud seeds: an NPS survey in en, fa and ar and the team that owns its detractors. */
public final class DemoSurveys {

    public static final String DEMO_NPS = "demo-nps";

    private DemoSurveys() {
    }

    public static Survey demoNps() {
        return new Survey(DEMO_NPS, 1, LocalizedText.of("Demo NPS"), SurveyKind.RELATIONSHIP, "en", List.of("en", "fa", "ar"),
                List.of(
                        new Question("nps", QuestionType.NPS, true, Map.of(
                                "en", "How likely are you to recommend us to a friend or colleague?",
                                "fa", "چقدر احتمال دارد ما را به یک دوست یا همکار پیشنهاد کنید؟",
                                "ar", "ما مدى احتمال أن توصي بنا لصديق أو زميل؟"), List.of()),
                        new Question("comment", QuestionType.TEXT, false, Map.of(
                                "en", "What is the main reason for your score?",
                                "fa", "دلیل اصلی امتیاز شما چیست؟",
                                "ar", "ما السبب الرئيسي لتقييمك؟"), List.of())),
                List.of("plan", "orderId"), false, "relationship",
                // the demo runs on localhost: any local port may embed it
                List.of("http://localhost:*", "http://127.0.0.1:*"),
                Map.of("en", "Thank you for your feedback!",
                        "fa", "از بازخورد شما سپاسگزاریم!",
                        "ar", "شكرًا لك على ملاحظاتك!"),
                Map.of("detractor", Map.of("en", "We are sorry. What should we fix first?",
                                "fa", "متأسفیم. اول چه چیزی را باید درست کنیم؟",
                                "ar", "نأسف لذلك. ما الذي يجب أن نصلحه أولاً؟"),
                        "promoter", Map.of("en", "Glad to hear it! What do you like most?",
                                "fa", "خوشحالیم! چه چیزی را بیشتر دوست دارید؟",
                                "ar", "يسعدنا ذلك! ما الذي يعجبك أكثر؟")),
                List.of(), null, null, null, null);
    }

    public static Team demoTeam() {
        return new Team("support", "Customer Support", "owner@demo.halqe.local");
    }
}
