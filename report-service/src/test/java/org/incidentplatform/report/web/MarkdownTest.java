package org.incidentplatform.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void aLineBreakAndTheWhitespaceAroundItBecomeOneSpace() {
        assertThat(Markdown.inline("disk  \r\n\t full\n\nagain")).isEqualTo("disk full again");
    }

    @Test
    void whitespaceWithoutALineBreakIsKept() {
        assertThat(Markdown.inline("a \t b ")).isEqualTo("a \t b ");
    }

    @Test
    void aLongRunOfWhitespaceIsFlattenedInOnePass() {
        // The old pattern \s*[\r\n]+\s* backtracked from every start position of a run with no line
        // break: 10 KB of spaces took ~0.8 s, 100 KB about a hundred times as long.
        String note = "x" + " ".repeat(100_000) + "y";
        String flattened = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Markdown.inline(note));
        assertThat(flattened).hasSize(note.length());
        assertThat(Markdown.inline(" ".repeat(100_000) + "\n" + " ".repeat(100_000))).isEqualTo(" ");
    }

    @Test
    void renderingTimeGrowsLinearlyWithAdversarialWhitespace() {
        String small = "x" + " ".repeat(10_000) + "y";
        String large = "x" + " ".repeat(100_000) + "y";
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            Markdown.inline(small);
        }
        // Ten times the input costs about ten times the work when linear, a hundred when quadratic;
        // the bound sits far from both so that a busy machine cannot make it flaky.
        assertThat(bestOf(large)).isLessThan(40 * bestOf(small) + Duration.ofMillis(20).toNanos());
    }

    private static long bestOf(String text) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            Markdown.inline(text);
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
