package org.incidentplatform.incident.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Callers that arrive while a write is in progress are written together; nobody waits when idle. */
class GroupedWritesTest {

    @Test
    void aLoneCallerWritesAtOnceAndCallersArrivingDuringAWriteShareTheNextOne() throws Exception {
        List<List<Integer>> writes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        GroupedWrites<Integer> grouped = new GroupedWrites<>(items -> {
            writes.add(List.copyOf(items));
            if (items.contains(0)) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
            }
        });
        ExecutorService callers = Executors.newFixedThreadPool(9);
        try {
            Future<?> first = callers.submit(() -> grouped.write(List.of(0)));
            firstWriteStarted.await();
            List<Future<?>> waiting = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                int item = i;
                waiting.add(callers.submit(() -> grouped.write(List.of(item))));
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> grouped.waiting() == 8);
            assertThat(waiting).noneMatch(Future::isDone);
            releaseFirstWrite.countDown();
            first.get();
            for (Future<?> caller : waiting) {
                caller.get();
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(writes.getFirst()).containsExactly(0);
        assertThat(writes.stream().mapToInt(List::size).sum()).isEqualTo(9);
        assertThat(writes).as("the eight waiting callers shared one write").hasSize(2);
    }

    @Test
    void everyCallerOfAFailedWriteGetsItsFailure() {
        GroupedWrites<String> grouped = new GroupedWrites<>(items -> {
            throw new IllegalStateException("store away");
        });
        assertThatThrownBy(() -> grouped.write(List.of("a"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("store away");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
