package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed run folders fail with a {@link PlotInputException} naming file, column and line. */
class BadInputTest {
    @TempDir
    Path dir;

    /** What rendering a run folder whose results.csv holds {@code results} throws. */
    private PlotInputException renderingFails(String results) throws IOException {
        Path run = Fixtures.runWithResults(dir.resolve("r"), results);
        return assertThrows(PlotInputException.class, () -> Plots.renderRun(run));
    }

    /** The exception points at {@code column} on {@code line} of its file. */
    private static void assertAt(PlotInputException e, String column, int line) {
        assertEquals(column, e.column(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
    }

    /** What rendering throws when the run folder also holds {@code file} (a relative path) with {@code content}. */
    private PlotInputException renderingFails(String results, String file, String content) throws IOException {
        Path run = Fixtures.runWithResults(dir.resolve("r"), results);
        Files.createDirectories(run.resolve(file).getParent());
        Files.writeString(run.resolve(file), content);
        return assertThrows(PlotInputException.class, () -> Plots.renderRun(run));
    }

    @Test
    void missingRequiredColumnNamesFileAndColumn() throws IOException {
        PlotInputException e = renderingFails("point_id,seed,defense,psnr\np1,1,none,20\n");
        assertEquals("status", e.column());
        assertTrue(e.getMessage().contains("results.csv") && e.getMessage().contains("'status'"), e.getMessage());
    }

    @Test
    void nonNumericMetricNamesColumnAndLine() throws IOException {
        PlotInputException e =
                renderingFails("point_id,seed,defense,psnr,status\np1,1,none,20,ok\np1,2,none,high,ok\n");
        assertAt(e, "psnr", 3);
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'high'"), e.getMessage());
    }

    @Test
    void noRowsIsAnError() throws IOException {
        PlotInputException e = renderingFails("point_id,seed,defense,psnr,status\n");
        assertTrue(e.getMessage().contains("no result rows"), e.getMessage());
    }

    @Test
    void missingResultsFileIsAnError() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        PlotInputException e = assertThrows(PlotInputException.class, () -> Plots.renderRun(dir.resolve("empty")));
        assertTrue(e.getMessage().contains("results.csv"), e.getMessage());
    }

    @Test
    void nonNumericValueInRocNamesLine() throws IOException {
        PlotInputException e =
                renderingFails("point_id,seed,defense,psnr,accuracy,status\np1,1,none,20,0.9,ok\n", "roc.csv", """
                point_id,seed,attack,defense,defense_param,fpr,tpr
                p1,1,mia,none,,0.1,0.2
                p1,1,mia,none,,x,0.3
                """);
        assertAt(e, "fpr", 3);
    }

    @Test
    void malformedJmhJsonNamesTheFile() throws IOException {
        PlotInputException e = renderingFails(
                "point_id,seed,defense,psnr,status\np1,1,none,20,ok\n", "jmh/broken.json", "{\"benchmark\": ");
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
    }

    @Test
    void unknownColumnAmongTheMetricsIsAnUnknownMetric() throws IOException {
        PlotInputException e =
                renderingFails("point_id,seed,defense,psnr,lpips,accuracy,status\np1,1,none,20,0.3,0.9,ok\n");
        assertEquals("lpips", e.column());
        assertTrue(
                e.getMessage().contains("results.csv") && e.getMessage().contains("unknown metric 'lpips'"),
                e.getMessage());
    }

    @Test
    void nonNumericAxisParameterNamesColumnAndLine() throws IOException {
        PlotInputException e =
                renderingFails("point_id,seed,defense,batch,psnr,status\np1,1,none,8,20,ok\np2,1,none,eight,21,ok\n");
        assertAt(e, "batch", 3);
        assertTrue(e.getMessage().contains("'eight'"), e.getMessage());
    }

    @Test
    void unreadableReconstructionImageNamesTheFile() throws IOException {
        PlotInputException e = renderingFails(
                "point_id,seed,attack,defense,psnr,status\np1,1,dlg,none,20,ok\n",
                "reconstructions/p1-s1.png",
                "not an image");
        assertTrue(e.getMessage().contains("p1-s1.png"), e.getMessage());
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstColumn() throws IOException {
        Path run =
                Fixtures.runWithResults(dir.resolve("r"), "\uFEFFpoint_id,seed,defense,psnr,status\np1,1,none,20,ok\n");
        // Read as part of the name, the mark would make point_id a missing column.
        assertTrue(Files.isRegularFile(Plots.renderRun(run).report()));
    }
}
