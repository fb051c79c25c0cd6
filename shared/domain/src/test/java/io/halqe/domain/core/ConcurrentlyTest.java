package io.halqe.domain.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {

    @Test
    void runAll_shouldRunEveryTaskAndThrowTheFirstFailureInOrder_whenSomeFail() {
        // GIVEN ten tasks, the fourth and the seventh failing
        Set<Integer> ran = ConcurrentHashMap.newKeySet();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int task = i;
            tasks.add(() -> {
                ran.add(task);
                if (task == 3 || task == 6) {
                    throw new IllegalStateException("task " + task);
                }
            });
        }
        for (int atOnce : new int[] {1, 4}) {
            ran.clear();
            // WHEN they run, in turn and four at a time
            // THEN every one ran, and the fourth's failure is the one thrown
            assertThatThrownBy(() -> Concurrently.runAll(tasks, atOnce)).as("%d at once", atOnce)
                    .isInstanceOf(IllegalStateException.class).hasMessage("task 3");
            assertThat(ran).as("%d at once", atOnce).hasSize(10);
        }
    }

    @Test
    void runAll_shouldOverlapAtMostAtOnceTasks_whenGivenMore() throws Exception {
        // GIVEN twelve tasks that each wait until four are running together (or a second has passed)
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch fourTogether = new CountDownLatch(4);
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tasks.add(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                fourTogether.countDown();
                try {
                    fourTogether.await(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
            });
        }
        // WHEN they run four at a time
        Concurrently.runAll(tasks, 4);
        // THEN four were in flight together, never more
        assertThat(most.get()).isEqualTo(4);
        assertThat(fourTogether.getCount()).isZero();
    }

    @Test
    void getAll_shouldGiveEveryValueInTheTasksOrder_whenTheyFinishInAnotherOrder() {
        // GIVEN eight tasks, the earlier ones slower
        List<java.util.function.Supplier<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int task = i;
            tasks.add(() -> {
                try {
                    Thread.sleep(8L * (8 - task));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return task * task;
            });
        }
        // WHEN they run four at a time
        // THEN their values come in the tasks' order
        assertThat(Concurrently.getAll(tasks, 4)).containsExactly(0, 1, 4, 9, 16, 25, 36, 49);
    }
}
