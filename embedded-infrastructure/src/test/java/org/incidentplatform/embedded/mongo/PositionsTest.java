package org.incidentplatform.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PositionsTest {

    @Test
    void keepsInsertionOrderWithoutRepeatsInTheSmallArrayAndPastIt() {
        Positions positions = Positions.of("p0", "p1");
        positions.add("p1");
        assertThat(contents(positions)).containsExactly("p0", "p1");
        IntStream.range(2, Positions.SMALL + 3).forEach(i -> positions.add("p" + i));
        positions.add("p5");
        assertThat(contents(positions)).containsExactlyElementsOf(
                IntStream.range(0, Positions.SMALL + 3).mapToObj(i -> "p" + i).toList());
        assertThat(positions.size()).isEqualTo(Positions.SMALL + 3);
    }

    @Test
    void removesFromEitherFormAndNamesTheEarliestLeft() {
        Positions few = Positions.of(1, 2);
        few.add(3);
        few.remove(1);
        few.remove(42);
        assertThat(contents(few)).containsExactly(2, 3);
        assertThat(few.first()).isEqualTo(2);

        Positions many = Positions.of(0, 1);
        IntStream.range(2, 20).forEach(many::add);
        IntStream.range(0, 19).forEach(many::remove);
        assertThat(many.size()).isEqualTo(1);
        assertThat(many.first()).isEqualTo(19);
    }

    private static List<Object> contents(Positions positions) {
        List<Object> seen = new ArrayList<>();
        positions.forEach(seen::add);
        return seen;
    }
}
