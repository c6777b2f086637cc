package org.leakbench.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks every {@code ok} row of a results table against metric budgets. An empty cell means the metric does
 * not apply to that point (e.g. mia_auc for an inversion attack) and is skipped; NaN breaks any budget. The
 * report counts what each budget actually checked, so a gate can refuse a budget that checked nothing.
 */
public final class BudgetAudit {
    private BudgetAudit() {
    }

    /**
     * One broken budget.
     *
     * @param row the row as column name to value
     * @param budget the budget it breaks
     * @param value the metric's value
     */
    public record Violation(Map<String, String> row, Budget budget, double value) {
    }

    /**
     * What an audit found.
     *
     * @param checkedRows ok rows looked at
     * @param violations every broken budget
     * @param measured   per budget (in the order given), how many ok rows had a value for its metric
     * @param notOk      rows whose status is not ok (failed, timeout, diverged): nothing was measured there
     */
    public record Report(int checkedRows, List<Violation> violations, List<Integer> measured, int notOk) {
        public Report {
            violations = List.copyOf(violations);
            measured = List.copyOf(measured);
        }

        public boolean passed() {
            return violations.isEmpty();
        }
    }

    /**
     * Audits {@code table}.
     *
     * @throws IllegalArgumentException when a budget names a column the table lacks or a cell is not a number
     */
    public static Report audit(ResultTable table, List<Budget> budgets) {
        if (budgets.isEmpty()) {
            throw new IllegalArgumentException("give at least one budget, e.g. --max psnr=20 or --min accuracy=0.8");
        }
        for (Budget b : budgets) {
            if (!MetricColumns.ALL.contains(b.metric()) || table.column(b.metric()) < 0) {
                String guess = Values.closest(b.metric(), MetricColumns.ALL);
                throw new IllegalArgumentException("unknown metric '" + b.metric() + "'"
                        + (guess == null ? "" : " (did you mean '" + guess + "'?)") + "; metrics: "
                        + String.join(", ", MetricColumns.ALL));
            }
        }
        int status = table.column(MetricColumns.STATUS);
        int checked = 0;
        int notOk = 0;
        int[] measured = new int[budgets.size()];
        List<Violation> violations = new ArrayList<>();
        for (List<String> row : table.latest()) {
            if (!"ok".equals(row.get(status))) {
                notOk++;
                continue;
            }
            checked++;
            for (int i = 0; i < budgets.size(); i++) {
                Budget b = budgets.get(i);
                String cell = row.get(table.column(b.metric()));
                if (cell.isBlank()) {
                    continue;
                }
                measured[i]++;
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("row " + table.key(row) + ": " + b.metric() + " = '" + cell
                            + "' is not a number");
                }
                if (!b.allows(v)) {
                    violations.add(new Violation(table.asMap(row), b, v));
                }
            }
        }
        return new Report(checked, violations, java.util.Arrays.stream(measured).boxed().toList(), notOk);
    }
}
