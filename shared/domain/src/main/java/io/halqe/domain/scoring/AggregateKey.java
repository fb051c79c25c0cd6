package io.halqe.domain.scoring;

/**
 * One aggregate item: a survey, a bucket ({@code all} for the survey's lifetime), and the response partition
 * that feeds it. Each partition is fed by one stream shard lineage, so its sequence numbers only grow.
 */
public record AggregateKey(String surveyId, String bucket, int partition) {

    public static final String ALL_TIME = "all";
}
