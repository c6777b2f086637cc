package org.leakbench.plots;

import java.util.Map;
import java.util.OptionalDouble;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;

/**
 * One row of {@code results.csv}: a sweep point and seed, its parameters (as text), the metrics that were
 * measured (absent = not measured) and its status.
 *
 * @param pointId the sweep point id
 * @param seed    the seed (as written)
 * @param params  parameter column to value, in file order
 * @param metrics metric to value, only for metrics that were measured
 * @param status  {@code ok}, {@code diverged}, {@code timeout} or {@code failed: why}
 * @param line    the 1-based line in the file, for error messages
 */
public record ResultRow(
        String pointId,
        String seed,
        Map<String, String> params,
        Map<Metric, Double> metrics,
        String status,
        long line) {

    public ResultRow {
        params = Map.copyOf(params);
        metrics = Map.copyOf(metrics);
    }

    /** The value of a parameter, or the empty string when the column is absent. */
    public String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** The value of a metric, if measured. */
    public OptionalDouble metric(Metric m) {
        Double v = metrics.get(m);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public boolean ok() {
        return ResultColumns.OK.equals(status);
    }

    /** A diverged attack: counted as an attack failure, never averaged into a leakage value. */
    public boolean diverged() {
        return ResultColumns.DIVERGED.equals(status);
    }

    /** The numeric defense knob (σ, keep fraction, bits…), NaN when empty or not a number. */
    public double defenseParam() {
        return Numbers.parseOrNaN(param(ResultColumns.DEFENSE_PARAM));
    }
}
