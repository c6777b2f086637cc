package org.leakbench.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.ResultTable;

/**
 * Checks every {@code ok} attack row of a results table against metric budgets. An empty cell means the metric
 * does not apply to that point (e.g. mia_auc for an inversion attack) and is skipped; NaN breaks any budget. The
 * report counts what each budget actually checked, so a gate can refuse a budget that checked nothing.
 *
 * <p>The oracle and random baselines are not attacks: they bracket the attacks' scale (the oracle returns the
 * private batch, so its PSNR is the cap under every defense). Their rows are left out unless asked for. Rows
 * whose status is not ok (diverged, failed, timeout) measured nothing: they are never within budget, only
 * counted by status, so the caller can report them or fail on them.
 */
public final class BudgetAudit {
    /** Values of the {@code attack} column that are baselines, not attacks. */
    public static final Set<String> BASELINE_ATTACKS = Set.of("oracle", "random");

    private BudgetAudit() {}

    /**
     * One broken budget.
     *
     * @param row the row as column name to value
     * @param budget the budget it breaks
     * @param value the metric's value
     * @param bound the limit in this row (the budget's own, or its factor times the referenced metric)
     */
    public record Violation(Map<String, String> row, Budget budget, double value, double bound) {}

    /**
     * What an audit found.
     *
     * @param checkedRows ok rows looked at
     * @param violations every broken budget
     * @param measured   per budget (in the order given), how many ok rows had a value for its metric
     * @param notOk      rows whose status is not ok (failed, timeout, diverged): nothing was measured there
     * @param notOkRows  those rows, as column name to value, in file order
     * @param baselines  baseline rows (oracle, random) left out of the audit
     */
    public record Report(
            int checkedRows,
            List<Violation> violations,
            List<Integer> measured,
            int notOk,
            List<Map<String, String>> notOkRows,
            int baselines) {
        public Report {
            violations = List.copyOf(violations);
            measured = List.copyOf(measured);
            notOkRows = List.copyOf(notOkRows);
        }

        public boolean passed() {
            return violations.isEmpty();
        }

        /** Rows not measured, by status kind ({@code diverged}, {@code failed}, {@code timeout}), in that order. */
        public Map<String, Integer> notOkByKind() {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (String kind : List.of("diverged", "failed", "timeout")) {
                int n = (int) notOkRows.stream()
                        .filter(r -> kind(r.get(ResultColumns.STATUS)).equals(kind))
                        .count();
                if (n > 0) {
                    m.put(kind, n);
                }
            }
            int other = notOk - m.values().stream().mapToInt(Integer::intValue).sum();
            if (other > 0) {
                m.put("other", other);
            }
            return m;
        }

        private static String kind(String status) {
            return status.startsWith("failed") ? "failed" : status;
        }
    }

    /** Audits the attack rows of {@code table}, leaving the baselines out. */
    public static Report audit(ResultTable table, List<Budget> budgets) {
        return audit(table, budgets, false);
    }

    /**
     * Audits {@code table}.
     *
     * @param includeBaselines whether oracle and random rows are checked like attacks
     * @throws IllegalArgumentException when a budget names a column the table lacks or a cell is not a number
     */
    public static Report audit(ResultTable table, List<Budget> budgets, boolean includeBaselines) {
        if (budgets.isEmpty()) {
            throw new IllegalArgumentException("give at least one budget, e.g. --max psnr=20 or --min accuracy=0.8");
        }
        for (Budget b : budgets) {
            checkMetric(table, b.metric());
            if (b.reference() != null) {
                checkMetric(table, b.reference());
            }
        }
        int status = table.column(ResultColumns.STATUS);
        int attack = table.column("attack");
        int checked = 0;
        int baselines = 0;
        int[] measured = new int[budgets.size()];
        List<Violation> violations = new ArrayList<>();
        List<Map<String, String>> notOk = new ArrayList<>();
        for (List<String> row : table.latest()) {
            if (!includeBaselines && attack >= 0 && BASELINE_ATTACKS.contains(row.get(attack))) {
                baselines++;
                continue;
            }
            if (!"ok".equals(row.get(status))) {
                notOk.add(table.asMap(row));
                continue;
            }
            checked++;
            for (int i = 0; i < budgets.size(); i++) {
                Budget b = budgets.get(i);
                String cell = row.get(table.column(b.metric()));
                if (cell.isBlank()) {
                    continue;
                }
                double bound = b.limit();
                if (b.reference() != null) {
                    String ref = row.get(table.column(b.reference()));
                    if (ref.isBlank()) {
                        continue; // a bound that does not exist in this row checks nothing here
                    }
                    bound = b.boundFor(number(table, row, b.reference(), ref));
                }
                measured[i]++;
                double v = number(table, row, b.metric(), cell);
                if (!b.allows(v, bound)) {
                    violations.add(new Violation(table.asMap(row), b, v, bound));
                }
            }
        }
        return new Report(
                checked,
                violations,
                java.util.Arrays.stream(measured).boxed().toList(),
                notOk.size(),
                notOk,
                baselines);
    }

    private static void checkMetric(ResultTable table, String metric) {
        if (!ResultColumns.METRICS.contains(metric) || table.column(metric) < 0) {
            String guess = Values.closest(metric, ResultColumns.METRICS);
            throw new IllegalArgumentException("unknown metric '" + metric + "'"
                    + (guess == null ? "" : " (did you mean '" + guess + "'?)") + "; metrics: "
                    + String.join(", ", ResultColumns.METRICS));
        }
    }

    private static double number(ResultTable table, List<String> row, String metric, String cell) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "row " + table.key(row) + ": " + metric + " = '" + cell + "' is not a number");
        }
    }
}
