package io.halqe.aws.analysis;

import io.halqe.domain.analytics.Analyzer;
import io.halqe.domain.analytics.Match;
import io.halqe.domain.analytics.ModelBudget;
import io.halqe.domain.analytics.TextAnalysis;
import io.halqe.domain.analytics.ThemeTaxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/**
 * Comments read by an Amazon Bedrock model through the Converse API, within a monthly budget, with the built-in
 * analyzer as the fallback: when the budget is spent, when the call fails, is throttled or times out, and when the
 * answer is not valid ({@link ModelAnswer}). Either way the evidence says who decided: the model's analysis has one
 * match {@code model <modelId> decided}; a fallback keeps the built-in evidence and adds
 * {@code model <modelId> fallback: <why>}. A blank comment never reaches the model (the NPS prior is all there is).
 *
 * <p>The client is built at init and sends nothing until the first comment, so a SnapStart snapshot holds no
 * connection and no answer.
 */
public final class BedrockAnalyzer implements Analyzer {

    private final BedrockRuntimeClient bedrock;
    private final String modelId;
    private final ModelBudget budget;
    private final Analyzer fallback;

    public BedrockAnalyzer(BedrockRuntimeClient bedrock, String modelId, ModelBudget budget, Analyzer fallback) {
        this.bedrock = Objects.requireNonNull(bedrock, "bedrock");
        this.modelId = Objects.requireNonNull(modelId, "modelId");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public TextAnalysis analyze(String text, String fallbackLanguage, Integer npsScore, ThemeTaxonomy taxonomy) {
        if (text == null || text.isBlank()) {
            return fallback.analyze(text, fallbackLanguage, npsScore, taxonomy);
        }
        ThemeTaxonomy themes = taxonomy == null ? ThemeTaxonomy.defaults() : taxonomy;
        String why;
        try {
            if (!budget.allowsACall()) {
                why = "monthly budget spent";
            } else {
                ConverseResponse response = bedrock.converse(AnalysisPrompt.request(modelId, text, npsScore, themes));
                count(response.usage());
                ModelAnswer answer = ModelAnswer.read(answerText(response), themes,
                        new Match("model", modelId, "decided"));
                switch (answer) {
                    case ModelAnswer.Valid valid -> {
                        return valid.analysis();
                    }
                    case ModelAnswer.Invalid invalid -> why = "invalid " + invalid.field() + ": " + invalid.problem();
                }
            }
        } catch (ThrottlingException e) {
            why = "throttled";
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            why = "timeout";
        } catch (SdkException e) {
            // access not granted to the model, a network fault, the budget's counter unreadable…: the built-in reads it
            why = "error " + e.getClass().getSimpleName();
        }
        TextAnalysis builtIn = fallback.analyze(text, fallbackLanguage, npsScore, themes);
        List<Match> matches = new ArrayList<>(builtIn.matches());
        matches.add(new Match("model", modelId, "fallback: " + why));
        return new TextAnalysis(builtIn.language(), builtIn.sentiment(), builtIn.sentimentScore(), builtIn.themes(),
                builtIn.feedbackType(), builtIn.keyPhrases(), matches);
    }

    /** The call is paid for whatever its answer; a count that fails loses that call's cost, never the answer. */
    private void count(TokenUsage usage) {
        if (usage == null) {
            return;
        }
        try {
            budget.spend(orZero(usage.inputTokens()), orZero(usage.outputTokens()));
        } catch (SdkException e) {
            // the budget is a ceiling, not a bill (ModelBudget): one uncounted call is the price of not failing here
        }
    }

    private static long orZero(Integer tokens) {
        return tokens == null ? 0 : tokens;
    }

    private static String answerText(ConverseResponse response) {
        if (response.output() == null || response.output().message() == null) {
            return null;
        }
        return response.output().message().content().stream().map(ContentBlock::text).filter(Objects::nonNull)
                .collect(Collectors.joining());
    }
}
