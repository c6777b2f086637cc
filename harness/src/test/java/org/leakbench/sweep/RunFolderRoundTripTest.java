package org.leakbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.component.ParameterSpec;
import org.leakbench.pipeline.TinySweeps;
import org.leakbench.plots.PlotReport;
import org.leakbench.plots.Plots;
import org.leakbench.plots.ResultsFile;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;

/**
 * The run folder from writer to reader: a tiny real sweep (reconstruction attacks over several victims, a DP
 * defense with its accountant, membership inference) writes a run folder, and the plots read it and draw every
 * figure and table they can for it. Whatever the harness writes, the plots must know.
 */
class RunFolderRoundTripTest {
    static final String SWEEP = TinySweeps.header("round-trip", "1, 2")
            + TinySweeps.mlpGrid("fashion-mnist-subset", """
                    batch: [1, 2]
                    victims: [3]
                    fl.clients: [3]
                    fl.rounds: [2]
                    attacks: [oracle, analytic]
                    defenses: [none, {name: noise, param: [0.01]}, {name: dp-sgd, param: [1.0], clip: [1.0]}]
                    """)
            + TinySweeps.breastCancerGrid("""
                    defenses: [none, {name: dp-sgd, param: [0.7, 1.5], clip: [1.0]}]
                    """);

    @TempDir
    static Path results;

    static Sweep sweep;
    static Path run;
    static PlotReport report;

    @BeforeAll
    static void sweepAndPlot() throws Exception {
        sweep = TinySweeps.parse(SWEEP, "round-trip.yaml");
        TinySweeps.run(sweep, results, "rt", 2);
        run = results.resolve("rt");
        report = Plots.renderRun(run);
    }

    @Test
    void everyPointRan() throws IOException {
        ResultTable table = ResultTable.read(run.resolve(RunLayout.RESULTS));
        int status = table.column(ResultColumns.STATUS);
        List<String> notOk = table.rows().stream()
                .filter(r -> !ResultColumns.OK.equals(r.get(status)))
                .map(r -> table.key(r) + " " + r.get(status))
                .toList();
        assertEquals(List.of(), notOk);
        assertEquals(2 * (2 * 2 * 3 + 3), table.rows().size(), "points × seeds");
    }

    @Test
    void theSweepWritesEveryFileKindOfTheLayout() {
        for (String f : List.of(
                RunLayout.RESULTS,
                RunLayout.VICTIMS,
                RunLayout.PROVENANCE,
                RunLayout.ROC,
                RunLayout.EPSILON,
                RunLayout.RECONSTRUCTIONS)) {
            assertTrue(Files.exists(run.resolve(f)), f + " missing from the run folder");
        }
    }

    @Test
    void theHeaderIsTheSchemasAndThePlotsKnowEveryMetricColumn() throws IOException {
        ResultTable table = ResultTable.read(run.resolve(RunLayout.RESULTS));
        List<String> parameters =
                sweep.registry().specs().stream().map(ParameterSpec::column).toList();
        assertEquals(ResultColumns.header(parameters), table.header());
        List<String> unknown = new ArrayList<>();
        for (String c : table.header()) {
            if (!parameters.contains(c)
                    && !ResultColumns.FIXED.contains(c)
                    && Metric.byColumn(c).isEmpty()) {
                unknown.add(c);
            }
        }
        assertEquals(List.of(), unknown, "columns neither parameter, fixed nor a metric the plots know");
        ResultsFile read = ResultsFile.read(run.resolve(RunLayout.RESULTS));
        assertEquals(List.of(Metric.values()), read.metrics());
        assertEquals(parameters, read.parameters());
        assertEquals(table.rows().size(), read.rows().size());
    }

    @Test
    void thePlotsDrawTheFiguresThisFolderCanHave() {
        // Names may carry a split suffix (one figure per data set, for example): compare the stems.
        for (String stem : List.of(
                "frontier-psnr",
                "frontier-mia_auc",
                "roc",
                "epsilon-vs-sigma",
                "leakage-vs-batch-psnr",
                "cost-defense_ms",
                "reconstructions-analytic")) {
            assertTrue(
                    report.figures().stream().anyMatch(f -> f.name().startsWith(stem)),
                    stem + " not drawn; drawn: "
                            + report.figures().stream()
                                    .map(PlotReport.Figure::name)
                                    .toList() + "; skipped: "
                            + report.skipped());
        }
        assertFalse(report.tables().isEmpty());
    }

    @Test
    void everyFileThePlotsWroteExistsAndIsNotEmpty() throws IOException {
        List<Path> files = report.written();
        assertTrue(files.size() > 3 * report.figures().size());
        for (Path f : files) {
            assertTrue(Files.isRegularFile(f) && Files.size(f) > 0, f + " is missing or empty");
        }
        for (PlotReport.Skipped s : report.skipped()) {
            assertFalse(s.reason().isBlank(), s.item() + " skipped without a reason");
        }
    }
}
