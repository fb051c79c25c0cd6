package io.halqe.domain.core;

/**
 * What Halqe's functions count for operations, each under the name it has in CloudWatch — the one place the names
 * are written: template.yaml's dashboard and alarms are tested against them.
 */
public enum Metric {
    /** A complete answer stored for the first time (submission; not a replay, not a partial save). */
    ANSWERS_RECEIVED("AnswersReceived"),
    /** An answer analysed, marked enriched and announced on the bus (enrichment). */
    ANSWERS_ANALYSED("AnswersAnalysed"),
    /** A follow-up case opened for an answer (alerts; not one that was open already). */
    CASES_OPENED("CasesOpened"),
    /** A follow-up case closed (api; not one that was closed already). */
    CASES_CLOSED("CasesClosed"),
    /** A customer told what was done: a closed case's email to its customer, or an announcement's (api). */
    CUSTOMERS_TOLD("CustomersTold"),
    /** An email sent: an alert, a digest, a team's weekly digest (alerts). */
    EMAILS_SENT("EmailsSent"),
    /** A message published to the team alerts topic (alerts). */
    ALERTS_SENT("AlertsSent"),
    /** An item of a loop that failed and will be tried again (a stream record, a digest, an outreach, an escalation). */
    ITEMS_FAILED("ItemsFailed"),
    /** An item given up on and parked, to be re-queued by a team once the cause is fixed. */
    ITEMS_PARKED("ItemsParked");

    private final String metricName;

    Metric(String metricName) {
        this.metricName = metricName;
    }

    /** The metric's name in CloudWatch. */
    public String metricName() {
        return metricName;
    }
}
