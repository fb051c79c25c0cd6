package io.halqe.domain.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.fakes.InMemoryCounters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceLimitTest {

    private static final Instant MINUTE = Instant.parse("2026-12-04T10:15:00Z");
    private static final String KEY = "src#abc#" + MINUTE.getEpochSecond() / 60;

    @Test
    void firstAnswer_shouldWriteNoSharedCount_whenItIsTheSourcesFirstThisMinute() {
        // GIVEN a limit of 3 a minute
        InMemoryCounters counters = new InMemoryCounters();
        SourceLimit limit = new SourceLimit(counters, 3);
        // WHEN a source sends its first answer of the minute
        SourceLimit.Decision decision = limit.admit("abc", MINUTE.plusSeconds(5));
        // THEN it is admitted without a write to the shared counter
        assertThat(decision.admitted()).isTrue();
        assertThat(counters.count(KEY)).isZero();
        // AND its second answer counts both
        assertThat(limit.admit("abc", MINUTE.plusSeconds(6)).admitted()).isTrue();
        assertThat(counters.count(KEY)).isEqualTo(2);
    }

    @Test
    void limit_shouldBeExact_whenOneInstanceServesTheSource() {
        // GIVEN a limit of 3 a minute
        InMemoryCounters counters = new InMemoryCounters();
        SourceLimit limit = new SourceLimit(counters, 3);
        // WHEN one source sends 5 answers in the minute
        List<Boolean> admitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            admitted.add(limit.admit("abc", MINUTE.plusSeconds(10 + i)).admitted());
        }
        // THEN 3 are admitted and the others are told when the minute ends
        assertThat(admitted).containsExactly(true, true, true, false, false);
        assertThat(limit.admit("abc", MINUTE.plusSeconds(20)).retryAfter().toSeconds()).isEqualTo(40);
    }

    @Test
    void limit_shouldAdmitAtMostOneMorePerInstance_whenSeveralInstancesServeTheSource() {
        // GIVEN three instances (execution environments) sharing one counter, a limit of 4 a minute
        InMemoryCounters counters = new InMemoryCounters();
        List<SourceLimit> instances = List.of(new SourceLimit(counters, 4), new SourceLimit(counters, 4),
                new SourceLimit(counters, 4));
        // WHEN one source sends 30 answers in the minute, spread over them in turn
        int admitted = 0;
        for (int i = 0; i < 30; i++) {
            admitted += instances.get(i % 3).admit("abc", MINUTE.plusSeconds(i)).admitted() ? 1 : 0;
        }
        // THEN at most the limit and one more for each instance but the last to count are admitted
        assertThat(admitted).isBetween(4, 4 + 2);
        // AND nothing is left uncounted once each instance saw the source twice
        assertThat(counters.count(KEY)).isEqualTo(30);
    }

    @Test
    void nextMinute_shouldStartAfresh_whenTheSourceWasLimited() {
        // GIVEN a source limited in one minute (limit 1)
        InMemoryCounters counters = new InMemoryCounters();
        SourceLimit limit = new SourceLimit(counters, 1);
        limit.admit("abc", MINUTE);
        assertThat(limit.admit("abc", MINUTE.plusSeconds(1)).admitted()).isFalse();
        // WHEN it answers in the next minute
        SourceLimit.Decision next = limit.admit("abc", MINUTE.plusSeconds(61));
        // THEN it is admitted again, remembered only
        assertThat(next.admitted()).isTrue();
        assertThat(counters.count("src#abc#" + (MINUTE.getEpochSecond() / 60 + 1))).isZero();
    }

    @Test
    void lateAnswerOfTheLastMinute_shouldCountAtOnce_whenTheInstanceIsInTheNextMinute() {
        // GIVEN an instance that already served the next minute
        InMemoryCounters counters = new InMemoryCounters();
        SourceLimit limit = new SourceLimit(counters, 3);
        limit.admit("other", MINUTE.plusSeconds(60));
        // WHEN an answer received at the end of the minute before arrives after it
        limit.admit("abc", MINUTE.plusSeconds(59));
        // THEN it counts in the shared store at once
        assertThat(counters.count(KEY)).isEqualTo(1);
    }

    @Test
    void newSources_shouldCountAtOnce_whenTheInstanceRemembersAsManyAsItMay() {
        // GIVEN an instance that has remembered as many sources as it may this minute
        InMemoryCounters counters = new InMemoryCounters();
        SourceLimit limit = new SourceLimit(counters, 3);
        for (int i = 0; i < SourceLimit.REMEMBERED_SOURCES; i++) {
            limit.admit("source-" + i, MINUTE);
        }
        // WHEN another source sends its first answer
        limit.admit("abc", MINUTE.plusSeconds(1));
        // THEN it counts in the shared store (memory stays bounded)
        assertThat(counters.count(KEY)).isEqualTo(1);
        assertThat(counters.count("src#source-0#" + MINUTE.getEpochSecond() / 60)).isZero();
    }

    @Test
    void noLimit_shouldCountNothing_whenTheLimitIsZero() {
        // GIVEN the limit turned off
        InMemoryCounters counters = new InMemoryCounters();
        SourceLimit limit = new SourceLimit(counters, 0);
        // WHEN a source sends 10 answers
        for (int i = 0; i < 10; i++) {
            assertThat(limit.admit("abc", MINUTE.plusSeconds(i)).admitted()).isTrue();
        }
        // THEN all are admitted and nothing is counted
        assertThat(counters.count(KEY)).isZero();
    }
}
