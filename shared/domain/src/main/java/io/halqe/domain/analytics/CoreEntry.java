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
    /** A sentiment term that names a problem event ("tore", "از کار افتاد", "تمزق"): its evidence says so. */
    boolean problem;
    /**
     * {@link #PRE}: a failure marker that makes the next content word a problem event ("never [showed up]", "could
     * not [log in]", لم [يصل]); {@link #POST}: one that makes the content word before it one («[دانلود] نمیشه»).
     */
    int problemMarker;
    /** Pair ids this term is the event side of ("charged") and the modifier side of ("twice"), as bits. */
    long pairEvent;
    long pairModifier;
    /** A word a failure marker never makes a problem of ("can't [wait]", "didn't [know]", «نمیدونم»). */
    boolean problemExempt;
    /** A lukewarm marker ("nothing special", معمولی, عادي): it pulls its sentence towards neutral. */
    boolean lukewarm;
    /** A concessive ("although", با اینکه, مع أن): its own clause is the one that counts less. */
    boolean concessive;
    /**
     * A topic marker ("about", درباره, بخصوص, "without", "when", موقع, عند): the words after it name what a contact
     * or a question was about, what something came without, or when it happened.
     */
    boolean topic;

    /** A weight of 0 marks a phrase that only shields its words ("outstanding balance" is no praise). */
    boolean hasSentiment() {
        return !Double.isNaN(sentiment) && sentiment != 0;
    }

    /** A sentiment term or a shielding phrase (weight 0): a failure marker never reaches across either. */
    boolean hasSentimentRole() {
        return !Double.isNaN(sentiment) || lukewarm;
    }

    /** A new entry with the roles of both ({@code b} wins on conflicts); neither argument changes. */
    static CoreEntry merge(CoreEntry first, CoreEntry b) {
        CoreEntry a = new CoreEntry();
        a.sentiment = first.sentiment;
        a.negator = first.negator;
        a.intensifier = first.intensifier;
        a.cue = first.cue;
        a.questionAtStart = first.questionAtStart;
        a.problem = first.problem;
        a.problemMarker = first.problemMarker;
        a.pairEvent = first.pairEvent;
        a.pairModifier = first.pairModifier;
        a.lukewarm = first.lukewarm;
        a.problemExempt = first.problemExempt;
        a.concessive = first.concessive;
        a.topic = first.topic;
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
        a.problem |= b.problem;
        a.problemMarker |= b.problemMarker;
        a.pairEvent |= b.pairEvent;
        a.pairModifier |= b.pairModifier;
        a.lukewarm |= b.lukewarm;
        a.problemExempt |= b.problemExempt;
        a.concessive |= b.concessive;
        a.topic |= b.topic;
        return a;
    }
}
