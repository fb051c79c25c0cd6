package io.halqe.domain.customers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A customer's health, updated with each answer (the same answer twice changes nothing):
 * <ul>
 * <li>{@code latest} — the last three NPS answers weighted 0.5 / 0.3 / 0.2 (newest first, renormalized when fewer),
 * times 10, on 0..100;</li>
 * <li>{@code trend} — the newest NPS answer minus the one before (NPS points);</li>
 * <li>{@code complaints} — answers classified as complaints or bugs in the last {@link #COMPLAINT_WINDOW};</li>
 * <li>{@code score} = clamp(latest − 10 × min(complaints, 3) − (trend ≤ −3 ? 10 : 0), 0, 100);</li>
 * <li>{@code segment}: {@code promoter} when score ≥ 70 with no complaints, {@code detractor} below 40, else
 * {@code at_risk};</li>
 * <li>{@code priority} = (100 − score) × log10(1 + lifetime value): the CRM value ranks whom to call first without
 * making a rich customer healthier.</li>
 * </ul>
 */
public record CustomerHealth(String customerId, int score, String segment, int trend, int complaints, double priority,
                             List<Answered> recent, List<Answered> recentComplaints, Instant updatedAt) {

    public static final Duration COMPLAINT_WINDOW = Duration.ofDays(90);
    private static final double[] WEIGHTS = {0.5, 0.3, 0.2};

    /** One answer the health remembers: which response, when, and its NPS (null for a complaint without one). */
    public record Answered(String responseId, Instant at, Integer nps) {
    }

    public CustomerHealth {
        recent = recent == null ? List.of() : List.copyOf(recent);
        recentComplaints = recentComplaints == null ? List.of() : List.copyOf(recentComplaints);
    }

    /** The health after one more answer. */
    public static CustomerHealth next(CustomerHealth previous, String customerId, String responseId, Instant at,
                                      Integer nps, boolean complaint, Double lifetimeValue) {
        List<Answered> recent = new ArrayList<>(previous == null ? List.of() : previous.recent());
        List<Answered> complaints = new ArrayList<>(previous == null ? List.of() : previous.recentComplaints());
        boolean seen = recent.stream().anyMatch(a -> a.responseId().equals(responseId))
                || complaints.stream().anyMatch(a -> a.responseId().equals(responseId));
        if (!seen) {
            if (nps != null) {
                recent.add(new Answered(responseId, at, nps));
            }
            if (complaint) {
                complaints.add(new Answered(responseId, at, nps));
            }
        }
        recent.sort(Comparator.comparing(Answered::at).reversed());
        List<Answered> kept = recent.subList(0, Math.min(WEIGHTS.length, recent.size()));
        Instant newest = kept.isEmpty() ? at : kept.get(0).at().isAfter(at) ? kept.get(0).at() : at;
        List<Answered> window = complaints.stream().filter(c -> !c.at().isBefore(newest.minus(COMPLAINT_WINDOW))).toList();
        return of(customerId, kept, window, lifetimeValue, newest);
    }

    private static CustomerHealth of(String customerId, List<Answered> recent, List<Answered> complaints,
                                     Double lifetimeValue, Instant updatedAt) {
        double weighted = 0;
        double weights = 0;
        for (int i = 0; i < recent.size(); i++) {
            weighted += WEIGHTS[i] * recent.get(i).nps();
            weights += WEIGHTS[i];
        }
        double latest = weights == 0 ? 50 : 10 * weighted / weights;
        int trend = recent.size() < 2 ? 0 : recent.get(0).nps() - recent.get(1).nps();
        int count = complaints.size();
        int score = (int) Math.round(Math.max(0, Math.min(100, latest - 10 * Math.min(count, 3) - (trend <= -3 ? 10 : 0))));
        String segment = score >= 70 && count == 0 ? "promoter" : score < 40 ? "detractor" : "at_risk";
        double value = lifetimeValue == null ? 0 : Math.max(0, lifetimeValue);
        double priority = Math.round((100 - score) * Math.log10(1 + value) * 100) / 100.0;
        return new CustomerHealth(customerId, score, segment, trend, count, priority, recent, complaints, updatedAt);
    }
}
