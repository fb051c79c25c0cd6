package io.halqe.domain.alerts;

import java.util.List;

/** Matches collected for daily and weekly digests. */
public interface DigestStore {

    /** Idempotent: adding the same entry again changes nothing. */
    void add(DigestEntry entry);

    /** Every entry of one period (e.g. {@code daily}, {@code 2026-11-23}). */
    List<DigestEntry> entries(DigestPeriod period, String periodKey);
}
