package org.incidentplatform.incident.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * The relay is handed from memory only a gap-free run right after the position it asks for; for
 * everything else (a gap, a second read, memory full or expired) it reads the store, so what it
 * relays is always what the store holds from that position on.
 */
class RecentEventsTest {

    /** The store stand-in: every aggregate holds events 0..9; records what it was asked. */
    private final List<Map<String, Long>> storeReads = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final RecentEvents recent = new RecentEvents((after, max) -> {
        storeReads.add(Map.copyOf(after));
        Map<String, List<DomainEventMessage<?>>> events = new LinkedHashMap<>();
        after.forEach((aggregate, position) -> {
            List<DomainEventMessage<?>> run = new ArrayList<>();
            for (long sequence = position + 1; sequence < 10 && run.size() < max; sequence++) {
                run.add(event(aggregate, sequence, "stored"));
            }
            events.put(aggregate, run);
        });
        return events;
    }, 5, Duration.ofSeconds(30), clock::get);

    @Test
    void aGapFreeRunAfterThePositionComesFromMemoryOnce() {
        recent.remember(List.of(event("a", 0, "memory"), event("a", 1, "memory"), event("a", 2, "memory")));

        assertThat(payloads(recent.readAfter(Map.of("a", -1L), 2).get("a"))).containsExactly("memory 0", "memory 1");
        assertThat(payloads(recent.readAfter(Map.of("a", 1L), 10).get("a"))).containsExactly("memory 2");
        assertThat(storeReads).isEmpty();
        assertThat(payloads(recent.readAfter(Map.of("a", 2L), 2).get("a"))).as("handed out once")
                .containsExactly("stored 3", "stored 4");
        assertThat(storeReads).containsExactly(Map.of("a", 2L));
        assertThat(recent.size()).isZero();
    }

    @Test
    void aRunNotStartingRightAfterThePositionIsReadFromTheStore() {
        recent.remember(List.of(event("a", 3, "memory"), event("a", 4, "memory")));

        assertThat(payloads(recent.readAfter(Map.of("a", 1L), 10).get("a"))).as("event 2 is not in memory")
                .startsWith("stored 2", "stored 3", "stored 4");
    }

    @Test
    void eventsAtOrBeforeThePositionAreDropped() {
        recent.remember(List.of(event("a", 0, "memory"), event("a", 1, "memory"), event("a", 2, "memory")));

        assertThat(payloads(recent.readAfter(Map.of("a", 1L), 10).get("a"))).containsExactly("memory 2");
        assertThat(recent.size()).isZero();
    }

    @Test
    void aBatchMixesMemoryAndStoreInTheOrderAsked() {
        recent.remember(List.of(event("b", 0, "memory")));
        Map<String, Long> after = new LinkedHashMap<>();
        after.put("a", -1L);
        after.put("b", -1L);
        after.put("c", 8L);

        Map<String, List<DomainEventMessage<?>>> read = recent.readAfter(after, 1);

        assertThat(read.keySet()).containsExactly("a", "b", "c");
        assertThat(payloads(read.get("a"))).containsExactly("stored 0");
        assertThat(payloads(read.get("b"))).containsExactly("memory 0");
        assertThat(payloads(read.get("c"))).containsExactly("stored 9");
        assertThat(storeReads).as("one store read for the two not in memory").containsExactly(Map.of("a", -1L, "c", 8L));
        assertThat(recent.served()).isEqualTo(1);
        assertThat(recent.readFromStore()).isEqualTo(2);
    }

    @Test
    void whenFullNewEventsAreNotRememberedSoTheOldestStay() {
        recent.remember(List.of(event("a", 0, "memory"), event("a", 1, "memory"), event("a", 2, "memory")));
        recent.remember(List.of(event("b", 0, "memory"), event("b", 1, "memory"), event("b", 2, "memory")));

        assertThat(recent.size()).isEqualTo(5);
        assertThat(payloads(recent.readAfter(Map.of("a", -1L), 10).get("a"))).hasSize(3).allMatch(p -> p.startsWith("memory"));
        assertThat(payloads(recent.readAfter(Map.of("b", -1L), 10).get("b"))).as("a short run: the rest on the next read")
                .containsExactly("memory 0", "memory 1");
        assertThat(payloads(recent.readAfter(Map.of("b", 1L), 10).get("b"))).first().isEqualTo("stored 2");
    }

    @Test
    void rememberedEventsExpire() {
        recent.remember(List.of(event("a", 0, "memory")));
        clock.addAndGet(Duration.ofSeconds(31).toNanos());
        recent.remember(List.of(event("b", 0, "memory")));

        assertThat(recent.size()).isEqualTo(1);
        assertThat(payloads(recent.readAfter(Map.of("a", -1L), 1).get("a"))).containsExactly("stored 0");
        assertThat(payloads(recent.readAfter(Map.of("b", -1L), 1).get("b"))).containsExactly("memory 0");
    }

    @Test
    void timestampsAreKeptToTheMillisecondAsTheStoreKeepsThem() {
        DomainEventMessage<?> original = event("a", 0, "memory");
        recent.remember(List.of(original));

        DomainEventMessage<?> handedOut = recent.readAfter(Map.of("a", -1L), 1).get("a").getFirst();

        assertThat(handedOut.getTimestamp().getNano() % 1_000_000).isZero();
        assertThat(handedOut.getTimestamp()).isEqualTo(original.getTimestamp().truncatedTo(ChronoUnit.MILLIS));
        assertThat(handedOut.getIdentifier()).isEqualTo(original.getIdentifier());
        assertThat(handedOut.getMetaData()).isEqualTo(original.getMetaData());
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence, String source) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequence, source + " " + sequence,
                Map.of("origin", source), UUID.randomUUID().toString(),
                Instant.parse("2026-12-07T10:00:00.123456789Z"));
    }

    private static List<String> payloads(List<DomainEventMessage<?>> events) {
        return events.stream().map(event -> (String) event.getPayload()).toList();
    }
}
