package io.halqe.domain.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentiment stage: each sentiment term of a comment weighed by the negators, intensifiers, contrast and mood
 * around it, summed into a score in [-1, 1], with the NPS score as a prior (the rules are in {@link TextAnalyzer}).
 */
final class SentimentScorer {

    static final double POSITIVE_THRESHOLD = 0.15;
    static final double NEGATIVE_THRESHOLD = -0.15;
    private static final double PRIOR_PULL = 0.2;
    private static final double PRIOR_ALONE = 0.3;

    ScoredSentiment score(NormalizedComment comment, Integer npsScore) {
        List<Match> evidence = new ArrayList<>();
        Discourse discourse = Discourse.of(comment);
        List<Contribution> contributions = new ArrayList<>();
        boolean anyTerm = false;
        for (FoundTerm<CoreEntry> term : comment.terms()) {
            if (term.payload().hasSentiment()) {
                contributions.add(contribution(term, comment, discourse));
                anyTerm = true;
            } else if (term.payload().cue == FeedbackType.BUG) {
                // a bug report is a problem event even in words that carry no opinion (يقفل، باز نمیشه)
                double value = ProblemEvents.WEIGHT * discourse.weight(term.start());
                contributions.add(new Contribution(term.start(), "problem", term.text(),
                        value * moodWeight(term.start(), value, comment), false, List.of()));
                anyTerm = true;
            } else if (term.payload().lukewarm) {
                evidence.add(new Match("lukewarm", term.text(), "towards neutral"));
                anyTerm = true;
            }
        }
        markNeitherNor(contributions, discourse);
        double sum = 0;
        for (Contribution contribution : contributions) {
            // in a lukewarm stretch a denial ("not bad", «مو ممتاز») is a hedge, not a verdict
            double value = contribution.negated() && discourse.isLukewarm(contribution.start()) ? 0
                    : contribution.value() * discourse.lukewarmFactor(contribution.start(), contribution.value());
            sum += value;
            evidence.addAll(contribution.evidence());
            evidence.add(new Match(contribution.kind(), contribution.text(), signed(value)));
        }
        for (ProblemEvents.Event event : ProblemEvents.find(comment)) {
            double value = ProblemEvents.WEIGHT * discourse.weight(event.start());
            value *= moodWeight(event.start(), value, comment);
            value *= discourse.lukewarmFactor(event.start(), value);
            sum += value;
            evidence.add(new Match("problem", event.text(), signed(value)));
            anyTerm = true;
        }
        if (!anyTerm && npsScore == null) {
            return new ScoredSentiment(Sentiment.NEUTRAL, 0, false, evidence);
        }
        if (!anyTerm) {
            // nothing in the text to go by: the NPS category decides
            Sentiment label = npsScore <= 6 ? Sentiment.NEGATIVE
                    : npsScore <= 8 ? Sentiment.NEUTRAL : Sentiment.POSITIVE;
            evidence.add(new Match("sentiment", "nps=" + npsScore, "prior decides " + label.wireName()));
            return new ScoredSentiment(label, rounded(PRIOR_ALONE * prior(npsScore)), true, evidence);
        }
        double score = sum / Math.sqrt(sum * sum + 0.5);
        if (npsScore != null) {
            double pull = PRIOR_PULL * prior(npsScore);
            score = Math.max(-1, Math.min(1, score + pull));
            evidence.add(new Match("sentiment", "nps=" + npsScore, "prior " + signed(pull)));
        }
        return new ScoredSentiment(label(score), rounded(score), true, evidence);
    }

    /**
     * One sentiment term's weighed value before a lukewarm pull, and the evidence before it: its intensifiers and
     * its negation.
     */
    private record Contribution(int start, String kind, String text, double value, boolean negated,
                                List<Match> evidence) {
    }

    /**
     * "Not bad, not great", «نه خوبه نه بد», «مو سيء ومو ممتاز»: praise and criticism both denied in one stretch
     * of a sentence is a lukewarm verdict.
     */
    private static void markNeitherNor(List<Contribution> contributions, Discourse discourse) {
        for (Contribution a : contributions) {
            for (Contribution b : contributions) {
                if (a.negated() && b.negated() && a.value() > 0 && b.value() < 0
                        && discourse.sameSegment(a.start(), b.start())) {
                    discourse.markLukewarm(a.start());
                }
            }
        }
    }

    private static Contribution contribution(FoundTerm<CoreEntry> term, NormalizedComment comment,
                                             Discourse discourse) {
        Tokens words = comment.words();
        List<Match> evidence = new ArrayList<>(2);
        int clause = words.clause(term.start());
        String negatedBy = term.negatedByPrefix() ? "ن-" : null;
        double factor = 1;
        for (FoundTerm<CoreEntry> other : comment.terms()) {
            if (other == term || words.clause(other.start()) != clause) {
                continue;
            }
            CoreEntry role = other.payload();
            int before = term.start() - other.end();   // words between them when the other one precedes the term
            int after = other.start() - term.end();    // words between them when it follows the term
            if (negatedBy == null && ((role.negator & CoreEntry.PRE) != 0 && before >= 0 && before <= 2
                    || (role.negator & CoreEntry.POST) != 0 && after >= 0 && after <= 1)) {
                negatedBy = other.text();
            }
            if (role.intensifier != 0 && (before >= 0 && before <= 1 || after >= 0 && after <= 1)) {
                factor *= role.intensifier;
                evidence.add(new Match("intensifier", other.text(),
                        "x" + twoDecimals(role.intensifier) + " " + term.text()));
            }
        }
        double weight = term.payload().sentiment;
        double value = weight * factor;
        boolean negated = negatedBy != null || comment.lexicon().negatorWords.contains(words.word(term.start()));
        if (negatedBy != null && term.payload().problem) {
            value = 0; // "it never broke" reports no event, and is no praise either
            evidence.add(new Match("negation", negatedBy, "negates " + term.text()));
        } else if (negatedBy != null) {
            value = weight > 0 ? -0.8 * value : -0.5 * value; // "not bad" is only mildly good
            evidence.add(new Match("negation", negatedBy, "negates " + term.text()));
        }
        value *= discourse.weight(term.start());
        value *= moodWeight(term.start(), value, comment);
        return new Contribution(term.start(), term.payload().problem ? "problem" : "sentiment", term.text(), value,
                negated, evidence);
    }

    /**
     * A wish or a suggestion describes a state that is not there: its positive words ("it would be great if")
     * count for nothing and its negative ones half; in a question every term counts half.
     */
    private static double moodWeight(int start, double value, NormalizedComment comment) {
        Tokens words = comment.words();
        int sentence = words.sentence(start);
        for (FoundTerm<CoreEntry> other : comment.terms()) {
            if (other.payload().cue == FeedbackType.SUGGESTION && words.sentence(other.start()) == sentence) {
                return value > 0 ? 0 : 0.5;
            }
        }
        return words.isQuestion(sentence) ? 0.5 : 1;
    }

    /** {@code clamp((nps − 7.5) / 2.5, −1, 1)}: 10 → 1, 9 → 0.6, 8 → 0.2, 7 → −0.2, 6 → −0.6, ≤ 5 → −1. */
    private static double prior(int npsScore) {
        return Math.max(-1, Math.min(1, (npsScore - 7.5) / 2.5));
    }

    private static Sentiment label(double score) {
        return Sentiment.ofScore(score);
    }

    private static double rounded(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    static String signed(double v) {
        return (v >= 0 ? "+" : "") + twoDecimals(v);
    }

    private static String twoDecimals(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
