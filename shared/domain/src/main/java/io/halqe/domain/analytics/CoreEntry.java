package io.halqe.domain.analytics;

/** What a lexicon term means; one term may carry several roles (e.g. "not working": negative and a bug cue). */
final class CoreEntry {
    static final int PRE = 1;
    static final int POST = 2;

    double sentiment = Double.NaN;
    /** {@link #PRE} negates what follows, {@link #POST} what precedes (Persian «خوب نیست»), or both bits. */
    int negator;
    /** Factor applied to the nearest sentiment term; 0 when the term is no intensifier. */
    double intensifier;
    FeedbackType cue;
    /** A question word that marks a question only at the start of a sentence ("how", "can i"). */
    boolean questionAtStart;

    /** A weight of 0 marks a phrase that only shields its words ("outstanding balance" is no praise). */
    boolean hasSentiment() {
        return !Double.isNaN(sentiment) && sentiment != 0;
    }

    /** A new entry with the roles of both ({@code b} wins on conflicts); neither argument changes. */
    static CoreEntry merge(CoreEntry first, CoreEntry b) {
        CoreEntry a = new CoreEntry();
        a.sentiment = first.sentiment;
        a.negator = first.negator;
        a.intensifier = first.intensifier;
        a.cue = first.cue;
        a.questionAtStart = first.questionAtStart;
        if (!Double.isNaN(b.sentiment)) {
            a.sentiment = b.sentiment;
        }
        a.negator |= b.negator;
        if (b.intensifier != 0) {
            a.intensifier = b.intensifier;
        }
        if (b.cue != null) {
            a.cue = b.cue;
        }
        a.questionAtStart |= b.questionAtStart;
        return a;
    }
}
