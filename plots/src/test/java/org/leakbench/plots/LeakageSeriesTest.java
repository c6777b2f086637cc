package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leakbench.results.Metric;

/**
 * A size figure compares attacks that each run with their own knobs (the random guess at the defaults, IG at
 * 200 steps): the knobs are free columns, so neither attack's rows are sliced away, and an attack run at two
 * settings becomes two series.
 */
class LeakageSeriesTest {
    private static final List<String> PARAMETERS = List.of("model", "model_width", "attack", "attack_iterations");

    private static ResultRow row(String width, String attack, String iterations, double psnr) {
        return new ResultRow(
                "p" + width + attack + iterations,
                "1",
                Map.of("model", "lenet", "model_width", width, "attack", attack, "attack_iterations", iterations),
                Map.of(Metric.PSNR, psnr),
                "ok",
                1);
    }

    @Test
    void attacksWithTheirOwnKnobsStayInOneSliceAndSplitOnlyWhereTheyVary() {
        List<ResultRow> rows = List.of(
                row("1", "random", "300", 6),
                row("2", "random", "300", 6),
                row("1", "ig", "200", 40),
                row("2", "ig", "200", 45),
                row("1", "dlg", "100", 20),
                row("1", "dlg", "300", 30));
        Set<String> free = Set.of("model", "model_width", "attack", "attack_iterations");
        Slice slice = Slice.of(rows, PARAMETERS, free);
        assertEquals(6, slice.rows().size());
        assertEquals("random", LeakageFigures.seriesName(rows.get(0), slice.rows(), PARAMETERS));
        assertEquals("ig", LeakageFigures.seriesName(rows.get(2), slice.rows(), PARAMETERS));
        assertEquals("dlg (attack_iterations=100)", LeakageFigures.seriesName(rows.get(4), slice.rows(), PARAMETERS));
        assertEquals("dlg (attack_iterations=300)", LeakageFigures.seriesName(rows.get(5), slice.rows(), PARAMETERS));
    }
}
