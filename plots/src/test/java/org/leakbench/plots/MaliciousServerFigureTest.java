package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malicious-server rows at several batch sizes give the recovered-versus-batch figure, with the imprint's formula
 * drawn beside its measurement; honest-server rows alone skip it.
 */
class MaliciousServerFigureTest {
    @Test
    void maliciousRowsGiveTheBatchCurve(@TempDir Path dir) throws IOException {
        Path run = Fixtures.runWithResults(dir, """
                point_id,seed,batch,threat,attack,defense,defense_param,recovered_frac,recovered_expected,status
                a,1,64,malicious-server,rtf,none,0,0.70,0.78,ok
                b,1,512,malicious-server,rtf,none,0,0.12,0.14,ok
                c,1,64,malicious-server,trap-weights,none,0,0.40,,ok
                d,1,512,malicious-server,trap-weights,none,0,0.08,,ok
                e,1,64,server,dlg,none,0,0.0,,ok
                """);
        PlotReport report = Plots.renderRun(run);
        assertTrue(
                report.figures().stream().anyMatch(f -> f.name().equals(MaliciousServerFigure.NAME)),
                report.toString());
    }

    @Test
    void honestRowsSkipIt(@TempDir Path dir) throws IOException {
        Path run = Fixtures.runWithResults(dir, """
                point_id,seed,batch,threat,attack,defense,defense_param,recovered_frac,status
                a,1,1,server,dlg,none,0,0.0,ok
                b,1,4,server,dlg,none,0,0.0,ok
                """);
        PlotReport report = Plots.renderRun(run);
        assertTrue(
                report.skipped().stream().anyMatch(s -> s.toString().contains(MaliciousServerFigure.NAME)),
                report.toString());
    }
}
