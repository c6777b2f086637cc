package org.leakbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;
import org.leakbench.sweep.Budget;
import org.leakbench.sweep.BudgetAudit;
import org.leakbench.sweep.RunFolders;
import org.leakbench.sweep.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code leakbench audit}: checks every ok attack row of a run against privacy and utility budgets. The oracle and
 * random baselines are left out unless asked for; rows that diverged, failed or timed out are listed by status
 * and never count as within budget.
 */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "Check every ok attack row of a run against budgets, e.g. --max psnr=20 --max mia_auc=0.6 "
                    + "--min accuracy=0.8.",
            "A budget may be another metric of the row (times a factor): --max epsilon_audit=epsilon fails "
                    + "where a dp-audit's lower bound exceeds the accountant's epsilon; rows without it are skipped.",
            "Empty cells (metric not applicable) are skipped; a budget that no ok row "
                    + "measures is an error, so a gate never passes on nothing.",
            "The oracle and random baselines bracket the attacks and are not checked unless --include-baselines.",
            "Exit code: 0 all within budget, 1 some point breaks it, 2 bad input."
        })
final class AuditCommand implements Callable<Integer> {
    /** Parameter columns shown to identify a violating point. */
    private static final List<String> ID_COLUMNS =
            List.of("dataset", "model", "batch", "attack", "defense", "defense_param");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<run>", description = "Run folder, its results.csv, or a results root (uses latest).")
    Path run;

    @Option(names = "--max", paramLabel = "METRIC=VALUE", description = "Upper bound (inclusive).")
    List<String> max = new ArrayList<>();

    @Option(names = "--min", paramLabel = "METRIC=VALUE", description = "Lower bound (inclusive).")
    List<String> min = new ArrayList<>();

    @Option(
            names = "--require-ok",
            description = "Rows that failed, timed out or diverged break the audit too "
                    + "(their leakage was not measured).")
    boolean requireOk;

    @Option(
            names = "--include-baselines",
            description = "Check the oracle and random baseline rows too (they "
                    + "are not attacks: the oracle returns the private batch).")
    boolean includeBaselines;

    @Override
    public Integer call() throws Exception {
        List<Budget> budgets = new ArrayList<>();
        max.forEach(m -> budgets.add(Budget.parse(m, true)));
        min.forEach(m -> budgets.add(Budget.parse(m, false)));
        Path folder = RunFolders.resolve(run);
        ResultTable table = ResultTable.read(folder.resolve(RunLayout.RESULTS));
        BudgetAudit.Report report = BudgetAudit.audit(table, budgets, includeBaselines);
        PrintWriter out = spec.commandLine().getOut();
        List<String> checks = new ArrayList<>();
        for (int i = 0; i < budgets.size(); i++) {
            if (report.measured().get(i) == 0) {
                throw new IllegalArgumentException("budget " + budgets.get(i) + " checks nothing: no ok row of "
                        + folder.getFileName() + " has a " + budgets.get(i).metric() + " value"
                        + (report.baselines() == 0
                                ? ""
                                : " (" + report.baselines() + " baseline rows left out; "
                                        + "--include-baselines checks them)"));
            }
            checks.add(budgets.get(i) + " (" + report.measured().get(i) + " values)");
        }
        String notOk = report.notOk() == 0
                ? ""
                : "; " + report.notOk() + " rows not ok were not measured (" + notOkKinds(report) + ")"
                        + (requireOk ? " and break the audit" : " (--require-ok makes them break it)");
        String baselines = report.baselines() == 0
                ? ""
                : "; " + report.baselines() + " baseline rows (oracle, "
                        + "random) not checked (--include-baselines checks them)";
        if (report.passed() && (report.notOk() == 0 || !requireOk)) {
            out.println("within budget: " + report.checkedRows() + " ok rows checked against "
                    + String.join(", ", checks) + notOk + baselines);
            return 0;
        }
        List<String> header = new ArrayList<>(List.of("point_id", "seed"));
        ID_COLUMNS.stream().filter(c -> table.column(c) >= 0).forEach(header::add);
        header.addAll(List.of("metric", "value", "budget"));
        TextTable t = new TextTable(header);
        for (BudgetAudit.Violation v : report.violations()) {
            Map<String, String> row = v.row();
            List<String> cells = new ArrayList<>(List.of(row.get("point_id"), row.get("seed")));
            ID_COLUMNS.stream().filter(c -> table.column(c) >= 0).forEach(c -> cells.add(row.get(c)));
            cells.addAll(List.of(
                    v.budget().metric(),
                    Values.format(v.value()),
                    v.budget() + (v.budget().reference() == null ? "" : " (" + Values.format(v.bound()) + ")")));
            t.add(cells);
        }
        if (requireOk) {
            for (Map<String, String> row : report.notOkRows()) {
                List<String> cells = new ArrayList<>(List.of(row.get("point_id"), row.get("seed")));
                ID_COLUMNS.stream().filter(c -> table.column(c) >= 0).forEach(c -> cells.add(row.get(c)));
                cells.addAll(List.of("status", row.get("status"), "ok"));
                t.add(cells);
            }
        }
        t.print(out);
        out.println(report.violations().size() + " budget violations in " + report.checkedRows() + " ok rows ("
                + folder.getFileName() + ")" + notOk + baselines);
        return 1;
    }

    private static String notOkKinds(BudgetAudit.Report report) {
        List<String> parts = new ArrayList<>();
        report.notOkByKind().forEach((kind, n) -> parts.add(n + " " + kind));
        return String.join(", ", parts);
    }
}
