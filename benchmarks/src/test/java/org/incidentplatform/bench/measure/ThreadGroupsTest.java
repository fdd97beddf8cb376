package org.incidentplatform.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadGroupsTest {

    @Test
    void namesTheKindOfEachThreadAsLinuxShowsItsName() {
        assertThat(ThreadGroups.kindOf("GC Thread#1")).isEqualTo("gc");
        assertThat(ThreadGroups.kindOf("G1 Conc#0")).isEqualTo("gc");
        assertThat(ThreadGroups.kindOf("C2 CompilerThre")).isEqualTo("jit");
        assertThat(ThreadGroups.kindOf("mongo-server-wo")).isEqualTo("mongodb");
        assertThat(ThreadGroups.kindOf("H2-serializatio")).isEqualTo("h2");
        assertThat(ThreadGroups.kindOf("data-plane-kafk")).isEqualTo("kafka");
        assertThat(ThreadGroups.kindOf("group-coordinat")).isEqualTo("kafka");
        assertThat(ThreadGroups.kindOf("http-nio-8080-e")).isEqualTo("other");
    }

    @Test
    void readsThisProcesssThreads() {
        Map<String, Long> ticks = ThreadGroups.ticksByKind(ProcessHandle.current().pid());
        assertThat(ticks).containsKey("other");
        assertThat(ticks.values()).allMatch(used -> used >= 0);
        assertThat(ThreadGroups.ticksByKind(Long.MAX_VALUE)).isEmpty();
    }
}
