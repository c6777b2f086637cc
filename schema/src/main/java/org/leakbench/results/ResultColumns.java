package org.leakbench.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The columns of {@code results.csv}: {@code point_id}, {@code seed}, one column per sweep parameter (named by
 * {@link #parameterColumn}), every {@link Metric} column in {@link Metric#columns()} order, and {@code status}
 * last. Columns are fixed before a sweep starts, so the header never changes while it runs; a metric a point did
 * not measure is an empty cell. {@code status} is {@code ok}, {@code diverged}, {@code timeout} or
 * {@code failed: <why>}.
 */
public final class ResultColumns {
    public static final String POINT_ID = "point_id";
    public static final String SEED = "seed";
    public static final String STATUS = "status";

    /** Parameter columns that figures and tables pick slices and axes by. */
    public static final String ATTACK = "attack";

    public static final String DEFENSE = "defense";
    public static final String DEFENSE_PARAM = "defense_param";
    public static final String BATCH = "batch";
    public static final String CLIENTS = "fl_clients";

    public static final String OK = "ok";
    public static final String DIVERGED = "diverged";
    public static final String TIMEOUT = "timeout";
    /** The start of the status of a point that threw; the reason follows. */
    public static final String FAILED = "failed";

    /** Every metric column, in CSV order. */
    public static final List<String> METRICS = Metric.columns();

    /** Columns that depend on the machine's timing and memory, ignored when comparing runs for determinism. */
    public static final Set<String> MACHINE_DEPENDENT = Set.of(
            Metric.TIME_MS.column(),
            Metric.ATTACK_MS.column(),
            Metric.DEFENSE_MS.column(),
            Metric.PEAK_HEAP_MB.column(),
            Metric.OFFHEAP_MB.column());

    /** The columns every results file has, whatever its parameters. */
    public static final Set<String> FIXED = Set.of(POINT_ID, SEED, STATUS);

    private ResultColumns() {}

    /** The column of sweep parameter {@code name}: '.' and '-' become '_' ({@code fl.local-steps}: fl_local_steps). */
    public static String parameterColumn(String name) {
        return name.replace('.', '_').replace('-', '_');
    }

    /** The full header for these parameter columns: point_id, seed, parameters, metrics, status. */
    public static List<String> header(List<String> parameterColumns) {
        List<String> h = new ArrayList<>(List.of(POINT_ID, SEED));
        h.addAll(parameterColumns);
        h.addAll(METRICS);
        h.add(STATUS);
        return List.copyOf(h);
    }

    /** Whether a column name is taken by the schema (a fixed column or a metric), so no parameter may use it. */
    public static boolean reserved(String column) {
        return FIXED.contains(column) || METRICS.contains(column);
    }

    /** ok and diverged rows are final (kept on resume); failed and timeout rows are retried. */
    public static boolean isFinal(String status) {
        return OK.equals(status) || DIVERGED.equals(status);
    }
}
