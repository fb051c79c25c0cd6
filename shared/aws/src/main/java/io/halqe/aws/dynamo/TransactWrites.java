package io.halqe.aws.dynamo;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Many independent writes in DynamoDB transactions of {@link #MAX_ACTIONS}: one round trip a hundred instead of one
 * each (at two write units a write instead of one — for bulk imports, not the hot path). A transaction is all or
 * nothing, so a write whose condition fails cancels the others of its transaction: {@code conditionFailed} settles
 * it, and the rest are sent again without it. A transaction cancelled for another reason (a conflict with another
 * write in flight) is written one by one.
 */
final class TransactWrites {

    static final int MAX_ACTIONS = 100;
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    /** What happened to one write that did not go through: its index in the list given, and why. */
    interface Refusals {
        void conditionFailed(int index, CancellationReason reason);

        /** Writes this one on its own, outside any transaction. */
        void alone(int index);
    }

    private TransactWrites() {
    }

    /** {@code writes.get(i)} is written, or refused through {@code refusals} with its index {@code i}. */
    static void write(DynamoDbClient dynamo, List<TransactWriteItem> writes, Refusals refusals) {
        for (int from = 0; from < writes.size(); from += MAX_ACTIONS) {
            List<Integer> left = new ArrayList<>();
            for (int i = from; i < Math.min(writes.size(), from + MAX_ACTIONS); i++) {
                left.add(i);
            }
            while (!left.isEmpty()) {
                List<Integer> sent = left;
                try {
                    dynamo.transactWriteItems(request -> request.transactItems(sent.stream().map(writes::get).toList()));
                    left = List.of();
                } catch (TransactionCanceledException cancelled) {
                    left = settle(sent, cancelled, refusals);
                }
            }
        }
    }

    /** The writes to send again: those only cancelled along with one whose condition failed. */
    private static List<Integer> settle(List<Integer> sent, TransactionCanceledException cancelled, Refusals refusals) {
        List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
        boolean conditionsOnly = reasons.size() == sent.size() && reasons.stream().allMatch(reason ->
                reason.code() == null || CONDITION_FAILED.equals(reason.code()) || "None".equals(reason.code()));
        boolean anyFailed = reasons.stream().anyMatch(reason -> CONDITION_FAILED.equals(reason.code()));
        if (!conditionsOnly || !anyFailed) {
            sent.forEach(refusals::alone);
            return List.of();
        }
        List<Integer> again = new ArrayList<>();
        for (int k = 0; k < sent.size(); k++) {
            if (CONDITION_FAILED.equals(reasons.get(k).code())) {
                refusals.conditionFailed(sent.get(k), reasons.get(k));
            } else {
                again.add(sent.get(k));
            }
        }
        return again;
    }
}
