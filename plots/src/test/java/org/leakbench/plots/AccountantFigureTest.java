package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.RunLayout;

class AccountantFigureTest {
    /** Rows as the harness writes them (σ = 2, q = 0.064, the quick preset's DP-SGD on 500-row clients). */
    static final String TABLE = """
            accountant,sigma,sample_rate,steps,delta,epsilon,epsilon_lower,run_steps
            rdp,2,0.064,1,1e-05,0.395152,,100
            rdp,2,0.064,10,1e-05,0.60384,,100
            rdp,2,0.064,100,1e-05,1.59349,,100
            rdp,2,0.064,1000,1e-05,5.32693,,100
            prv,2,0.064,1,1e-05,0.244757,0.224684,100
            prv,2,0.064,10,1e-05,0.510443,0.490344,100
            prv,2,0.064,100,1e-05,1.44577,1.42556,100
            prv,2,0.064,1000,1e-05,4.91861,4.89807,100
            pld,2,0.064,1,1e-05,0.234701,,100
            pld,2,0.064,10,1e-05,0.500384,,100
            pld,2,0.064,100,1e-05,1.43566,,100
            pld,2,0.064,1000,1e-05,4.90834,,100
            gdp,2,0.064,1,1e-05,0.105357,,100
            gdp,2,0.064,10,1e-05,0.369934,,100
            gdp,2,0.064,100,1e-05,1.30373,,100
            gdp,2,0.064,1000,1e-05,4.77902,,100
            """;

    @Test
    void drawsEveryAccountantAndTablesTheRunsSteps(@TempDir Path dir) throws Exception {
        Path run = Fixtures.copyRun(dir);
        Files.writeString(run.resolve(RunLayout.EPSILON_STEPS), TABLE, StandardCharsets.UTF_8);
        PlotReport report = Plots.renderRun(run);
        assertTrue(report.hasFigure(AccountantFigure.NAME), report.skipped().toString());
        String md = Files.readString(run.resolve(RunLayout.TABLES).resolve("epsilon-accountants.md"));
        assertTrue(md.contains("1.44577 (≥ 1.42556)") && md.contains("1.59349") && md.contains("1.30373"), md);
        assertTrue(md.contains("approximation"), md);
    }

    @Test
    void skipsWithoutTheTable(@TempDir Path dir) throws Exception {
        PlotReport report = Plots.renderRun(Fixtures.copyRun(dir));
        assertFalse(report.hasFigure(AccountantFigure.NAME));
        assertTrue(
                report.skipped().toString().contains(RunLayout.EPSILON_STEPS),
                report.skipped().toString());
    }
}
