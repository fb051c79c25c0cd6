package io.halqe.domain.core;

/** One item of a loop over independent items that failed, and how it will be handled; the loop went on. */
public record ItemFailure(String item, String outcome, Throwable failure) {

    /** Whether the loop gave up on the item and parked it (its outcome says so), rather than trying it again. */
    public boolean parked() {
        return outcome.startsWith("parked");
    }

    /** What went wrong, in a line a team can read in a list: the exception's kind and message, bounded. */
    public static String reason(Throwable failure) {
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        String reason = failure.getClass().getSimpleName() + message;
        return reason.length() > 300 ? reason.substring(0, 300) + "…" : reason;
    }
}
