package io.halqe.local;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * AWS list prices in us-east-1, the one place Halqe's cost figures take them from, and what a {@link Usage} costs at
 * them. On-demand, no free tier, as listed (issue 16) on:
 * https://aws.amazon.com/api-gateway/pricing/ (HTTP APIs, first 300 million requests a month),
 * https://aws.amazon.com/lambda/pricing/ (Arm, first 6 billion GB-seconds a month),
 * https://aws.amazon.com/dynamodb/pricing/on-demand/ (Standard table class; reads of a stream by Lambda are free),
 * https://aws.amazon.com/eventbridge/pricing/ (custom events, each 64 KB chunk of an entry one event),
 * https://aws.amazon.com/sns/pricing/ (standard topic publishes, each 64 KB chunk one request),
 * https://aws.amazon.com/secrets-manager/pricing/ (API calls),
 * https://aws.amazon.com/ses/pricing/ (outbound email; excluded from the per-answer figure, reported beside it).
 */
public final class ListPrices {

    /** When these were taken. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 12, 2);

    public static final double HTTP_API_REQUEST = 1.00 / 1e6;
    public static final double LAMBDA_REQUEST = 0.20 / 1e6;
    public static final double LAMBDA_ARM_GB_SECOND = 0.0000133334;
    public static final double DYNAMODB_WRITE_UNIT = 0.625 / 1e6;
    public static final double DYNAMODB_READ_UNIT = 0.125 / 1e6;
    public static final double EVENTBRIDGE_EVENT_CHUNK = 1.00 / 1e6;
    public static final double SNS_PUBLISH_CHUNK = 0.50 / 1e6;
    public static final double SECRETS_MANAGER_CALL = 0.05 / 1e4;
    public static final double SES_EMAIL = 0.10 / 1e3;

    /** One line of a bill: a service (or one function's share of Lambda), its billed units, their cost in dollars. */
    public record Line(String service, double units, double dollars) {
    }

    private ListPrices() {
    }

    /** Lambda's charge for {@code invocations} billed {@code millis} in all at {@code memoryMb}. */
    public static double lambda(long invocations, double millis, int memoryMb) {
        return invocations * LAMBDA_REQUEST + millis / 1000.0 * memoryMb / 1024.0 * LAMBDA_ARM_GB_SECOND;
    }

    /**
     * What {@code usage} costs, SES aside: one line per service, Lambda one per function with its duration from
     * {@code billedMillis} (the function's logical id to the milliseconds its invocations are billed in all).
     */
    public static List<Line> bill(Usage.Snapshot usage, ToDoubleFunction<String> billedMillis) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("API Gateway HTTP API requests", usage.httpRequests(),
                usage.httpRequests() * HTTP_API_REQUEST));
        for (Map.Entry<String, Usage.Invocations> function : usage.invocations().entrySet()) {
            Usage.Invocations invocations = function.getValue();
            lines.add(new Line("Lambda " + function.getKey() + " invocations", invocations.count(),
                    lambda(invocations.count(), billedMillis.applyAsDouble(function.getKey()), invocations.memoryMb())));
        }
        Usage.Units units = usage.dynamoDbTotal();
        // a write its condition refused consumes a unit (at least) without reporting it
        double writeUnits = units.write() + units.refusedWrites();
        lines.add(new Line("DynamoDB write request units", writeUnits, writeUnits * DYNAMODB_WRITE_UNIT));
        lines.add(new Line("DynamoDB read request units", units.read(), units.read() * DYNAMODB_READ_UNIT));
        lines.add(new Line("EventBridge events (64 KB chunks)", usage.eventChunks(),
                usage.eventChunks() * EVENTBRIDGE_EVENT_CHUNK));
        lines.add(new Line("SNS publishes (64 KB chunks)", usage.snsChunks(), usage.snsChunks() * SNS_PUBLISH_CHUNK));
        lines.add(new Line("Secrets Manager calls", usage.secretsCalls(), usage.secretsCalls() * SECRETS_MANAGER_CALL));
        return List.copyOf(lines);
    }

    /** The bill's total in dollars. */
    public static double total(List<Line> bill) {
        return bill.stream().mapToDouble(Line::dollars).sum();
    }

    /** SES's charge, outside the per-answer figure. */
    public static double ses(Usage.Snapshot usage) {
        return usage.sesSends() * SES_EMAIL;
    }

    /**
     * The least an answer can cost: one HTTP API request, one 50 ms invocation at 1 GB, one write unit
     * (issue 16's floor, $2.49 per million).
     */
    public static double floorPerAnswer() {
        return HTTP_API_REQUEST + lambda(1, 50, 1024) + DYNAMODB_WRITE_UNIT;
    }
}
