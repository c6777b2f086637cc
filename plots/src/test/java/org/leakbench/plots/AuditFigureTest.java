package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** dp-audit rows become the ε̂-versus-ε figure and the audit table; ε̂ above ε is in bold. */
class AuditFigureTest {
    @Test
    void auditRowsGiveTheFigureAndTheTable(@TempDir Path dir) throws IOException {
        Path run = Fixtures.runWithResults(dir, """
                point_id,seed,attack,defense,defense_param,audit_method,audit_canary,epsilon,delta,epsilon_audit,epsilon_audit_confidence,status
                a,1,dp-audit,dp-sgd,0.5,many-run,gradient,30.5,1e-05,3.1,0.95,ok
                b,1,dp-audit,dp-sgd,1,many-run,gradient,8.2,1e-05,2.4,0.95,ok
                c,1,dp-audit,dp-sgd,2,many-run,gradient,1.9,1e-05,0.9,0.95,ok
                d,1,dp-audit,dp-sgd,4,many-run,gradient,0.6,1e-05,0,0.95,ok
                e,1,dp-audit,local-dp,2,one-run,gradient,4.0,1e-05,4.5,0.95,ok
                """);
        PlotReport report = Plots.renderRun(run);
        assertTrue(report.figures().stream().anyMatch(f -> f.name().equals("audit-epsilon")), report.toString());
        String table = Files.readString(run.resolve("tables").resolve("audit.md"));
        assertTrue(table.contains("| dp-sgd, gradient, many-run | 2.00 | 1.90 | 0.900 | 0.950 |"), table);
        assertTrue(table.contains("**4.50**"), "ε̂ above ε is bold: " + table);
        assertFalse(table.contains("**0.900**"), table);
    }

    @Test
    void oneAccountantLinePerMechanismAndOverlappingMarksDodged(@TempDir Path dir) throws IOException {
        // Two methods auditing the same mechanism at the same sigma with the same result: the accountant's line
        // is drawn once, and the two marks sit apart instead of one hiding the other.
        Path run = Fixtures.runWithResults(dir, """
                point_id,seed,attack,defense,defense_param,audit_method,audit_canary,audit_steps,audit_rate,epsilon,delta,epsilon_audit,epsilon_audit_confidence,status
                a,1,dp-audit,dp-sgd,0.5,many-run,gradient,50,0.1,25.8,1e-05,2.4,0.95,ok
                b,1,dp-audit,dp-sgd,0.5,one-run,gradient,50,0.1,25.8,1e-05,2.4,0.95,ok
                c,1,dp-audit,dp-sgd,2,many-run,gradient,50,0.1,1.8,1e-05,0.2,0.95,ok
                d,1,dp-audit,dp-sgd,2,one-run,gradient,50,0.1,1.8,1e-05,0.2,0.95,ok
                """);
        List<ResultRow> rows = ResultsFile.read(run.resolve("results.csv")).okRows();
        XYChart chart = AuditFigure.chart(rows);
        Map<String, XYSeries> series = chart.getSeriesMap();
        assertEquals(
                1,
                series.keySet().stream().filter(n -> n.startsWith("ε ")).count(),
                series.keySet().toString());
        double[] many = series.get("ε̂ dp-sgd, T=50, q=0.1: gradient, many-run").getXData();
        double[] one = series.get("ε̂ dp-sgd, T=50, q=0.1: gradient, one-run").getXData();
        assertTrue(one[0] - many[0] > 0.02, "dodged apart: " + many[0] + " and " + one[0]);
        assertEquals(0.5, (many[0] + one[0]) / 2, 1e-12, "centred on the true sigma");
        assertTrue(chart.getYAxisTitle().length() <= 20, "a y title that fits the axis: " + chart.getYAxisTitle());
    }

    @Test
    void runsWithoutAuditsSkipIt(@TempDir Path dir) throws IOException {
        Path run = Fixtures.runWithResults(dir, """
                point_id,seed,attack,defense,defense_param,psnr,status
                a,1,dlg,none,0,30,ok
                """);
        PlotReport report = Plots.renderRun(run);
        assertTrue(report.skipped().stream().anyMatch(s -> s.toString().contains("audit-epsilon")), report.toString());
    }
}
