package org.leakbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.leakbench.plots.Metric;

/**
 * The harness writes the metric columns and the plots read them: a column one side does not know makes
 * {@code leakbench plot} refuse a run folder the sweep has just written. Until both read one schema, this pins
 * that they agree.
 */
class MetricColumnsTest {
    @Test
    void plotsKnowEveryMetricColumnTheHarnessWrites() {
        List<String> unknown = MetricColumns.ALL.stream().filter(c -> Metric.byColumn(c).isEmpty()).toList();
        assertEquals(List.of(), unknown, "metric columns the plots do not know");
    }
}
