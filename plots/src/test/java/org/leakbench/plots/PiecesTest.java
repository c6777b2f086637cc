package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.Metric;

/** The small parts: Pareto front, number formatting, LaTeX escaping, speed-ups. */
class PiecesTest {
    private static DefensePoints.Point p(String d, double leak, double acc) {
        return new DefensePoints.Point(d, 0, new Summary(leak, 0, 1), new Summary(acc, 0, 1), Map.of());
    }

    @Test
    void paretoFrontKeepsOnlyUndominatedPointsByLeakage() {
        var a = p("a", 10, 0.70);
        var b = p("b", 15, 0.80);
        var c = p("c", 16, 0.75); // worse than b on both
        var d = p("d", 20, 0.90);
        assertEquals(List.of(a, b, d), DefensePoints.paretoFront(List.of(d, c, b, a)));
    }

    private static ResultRow row(String model, String batch) {
        return new ResultRow("p", "1", Map.of("model", model, "batch", batch, "defense", "none"), Map.of(), "ok", 2);
    }

    @Test
    void aSliceHoldsTheOtherParametersWhereTheFreeOneVaries() {
        // The MLP has more rows but one batch size; LeNet was swept over three.
        List<ResultRow> rows = List.of(
                row("mlp", "1"),
                row("mlp", "1"),
                row("mlp", "1"),
                row("mlp", "1"),
                row("lenet", "1"),
                row("lenet", "2"),
                row("lenet", "4"));
        Slice s = Slice.of(rows, List.of("model", "batch", "defense"), java.util.Set.of("batch"));
        assertEquals(Map.of("model", "lenet"), s.fixed());
        assertEquals(3, s.rows().size());
        Slice common = Slice.of(rows, List.of("model", "batch", "defense"), java.util.Set.of("defense"));
        assertEquals("mlp", common.fixed().get("model"), "without a spread to keep, the most common value");
    }

    @Test
    void longTitlesGetASmallerFontShortOnesKeepTheirs() {
        assertEquals(
                ChartStyle.TITLE.getSize(),
                ChartStyle.titleFont("Leakage", ChartStyle.WIDTH).getSize());
        String longTitle = "Privacy–utility frontier, dataset fashion-mnist-subset, model lenet";
        java.awt.Font f = ChartStyle.titleFont(longTitle, ChartStyle.WIDTH);
        assertTrue(f.getSize() < ChartStyle.TITLE.getSize() && f.getSize() >= 9, "size " + f.getSize());
        java.awt.Graphics2D g =
                new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        assertTrue(g.getFontMetrics(f).stringWidth(longTitle) <= ChartStyle.titleRoom(ChartStyle.WIDTH));
        g.dispose();
    }

    @Test
    void barLabelsNameParametersAndTheMethodOnlyWhenAClassHasSeveral() {
        JmhResult r = new JmhResult(
                "org.x.InversionStepBench.dlg", "avgt", Map.of("backend", "ejml", "batch", "32"), 1, 0, "ms/op");
        assertEquals("batch=32", JmhFigures.barLabel(r, false));
        assertEquals("dlg batch=32", JmhFigures.barLabel(r, true));
        assertEquals("InversionStepBench", JmhFigures.className(r));
        JmhResult bare = new JmhResult("org.x.NoiseBench.laplace", "thrpt", Map.of(), 1, 0, "ops/s");
        assertEquals("laplace", JmhFigures.barLabel(bare, false), "a bar without parameters is named by its method");
    }

    @Test
    void parametersWithOneValueMoveToTheCaptionUnlessLabelsWouldCollide() {
        JmhResult a = new JmhResult("o.M.serverUnmask", "avgt", Map.of("dropout", "0.1", "mode", "SECAGG"), 1, 0, "ms");
        JmhResult b = new JmhResult("o.M.serverUnmask", "avgt", Map.of("dropout", "0.1", "mode", "PLUS"), 1, 0, "ms");
        JmhResult c = new JmhResult("o.M.maskedUpdate", "avgt", Map.of("mode", "SECAGG"), 1, 0, "ms");
        assertEquals(Map.of("dropout", "0.1"), JmhFigures.fixedParams(List.of(a, b, c), true));
        assertEquals("serverUnmask mode=SECAGG", JmhFigures.barLabel(a, true, java.util.Set.of("dropout")));
        JmhResult d = new JmhResult("o.M.serverUnmask", "avgt", Map.of("dropout", "0.2", "mode", "SECAGG"), 1, 0, "ms");
        assertEquals(Map.of("mode", "SECAGG"), JmhFigures.fixedParams(List.of(a, d), false));
        // Leaving out dropout and mode would give a and e the same label.
        JmhResult e = new JmhResult("o.M.serverUnmask", "avgt", Map.of("mode", "SECAGG"), 2, 0, "ms");
        assertEquals(Map.of(), JmhFigures.fixedParams(List.of(a, e), false));
    }

    @Test
    void scalingLinesAreNamedByWhatIsNotOnTheAxis() {
        JmhResult r = new JmhResult(
                "o.GradientBench.grad",
                "avgt",
                new java.util.TreeMap<>(Map.of("backend", "ejml", "batch", "32", "model", "lenet")),
                1,
                0,
                "ms");
        assertEquals("backend=ejml model=lenet", JmhFigures.lineLabel(r, "batch", false));
        assertEquals("grad backend=ejml model=lenet", JmhFigures.lineLabel(r, "batch", true));
    }

    @Test
    void barLabelsLieLevelWhenTheyFitAndStandUprightWhenNot() {
        var few = ChartStyle.bars("t", "x", "y", List.of("b=1", "b=8", "b=32"));
        assertEquals(0, few.getStyler().getXAxisLabelRotation());
        assertEquals(ChartStyle.HEIGHT, few.getHeight());
        List<String> many = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> "dlg batch=" + i + " model=lenet")
                .toList();
        var crowded = ChartStyle.bars("t", "x", "y", many);
        assertEquals(90, crowded.getStyler().getXAxisLabelRotation());
        assertTrue(crowded.getHeight() > ChartStyle.HEIGHT, "upright labels get room of their own");
    }

    @Test
    void numbersAreCompactAndReadable() {
        assertEquals("22.1", Numbers.format(22.103));
        assertEquals("0.860", Numbers.format(0.86));
        assertEquals("220200", Numbers.format(220200));
        assertEquals("1.00e-05", Numbers.format(1e-5));
        assertEquals("0.01", Numbers.compact(0.01));
        assertEquals("8", Numbers.compact(8.0));
        assertEquals("σ=0.5", Defenses.label("dp-sgd", 0.5));
        assertEquals("keep=0.1", Defenses.label("topk", 0.1));
        assertEquals("bits=4", Defenses.label("quant", 4));
    }

    @Test
    void latexEscapesSpecialCharacters() {
        assertEquals(
                "a\\_b \\& 50\\% \\$x\\$ \\#1 \\{y\\} \\textasciitilde{} $\\pm$ $\\sigma$",
                TextTable.latexEscape("a_b & 50% $x$ #1 {y} ~ ± σ"));
    }

    @Test
    void speedUpIsAboveOneForTheFasterBackendInBothModes() {
        var ejml = new JmhResult("x.B.m", "avgt", Map.of("backend", "ejml"), 10, 1, "us/op");
        var nd4j = new JmhResult("x.B.m", "avgt", Map.of("backend", "nd4j"), 5, 1, "us/op");
        assertEquals("×2.00 vs ejml", JmhTable.speedups(nd4j, List.of(ejml, nd4j)));
        var t1 = new JmhResult("x.B.t", "thrpt", Map.of("backend", "ejml"), 100, 1, "ops/s");
        var t2 = new JmhResult("x.B.t", "thrpt", Map.of("backend", "nd4j"), 400, 1, "ops/s");
        assertEquals("×4.00 vs ejml", JmhTable.speedups(t2, List.of(t1, t2)));
        assertTrue(JmhTable.speedups(t1, List.of(t1, t2)).startsWith("×0.25"));
    }

    @Test
    void labelsOfNearbyPointsDoNotOverlap() {
        org.knowm.xchart.XYChart chart = ChartStyle.xy("t", "x", "y");
        double[] xs = {1.0, 1.02, 1.04, 1.06, 3.0};
        double[] ys = {0.5, 0.505, 0.5, 0.495, 0.9};
        chart.addSeries("s", xs, ys);
        List<PointLabels.Label> labels = new java.util.ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            labels.add(new PointLabels.Label(xs[i], ys[i], "keep=0.0" + i, false, "s"));
        }
        var img = new java.awt.image.BufferedImage(
                ChartStyle.WIDTH, ChartStyle.HEIGHT, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        chart.paint(g, ChartStyle.WIDTH, ChartStyle.HEIGHT);
        List<java.awt.geom.Rectangle2D> placed = PointLabels.paint(chart, g, labels);
        g.dispose();
        assertEquals(xs.length, placed.size());
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                assertTrue(!placed.get(i).intersects(placed.get(j)), "labels " + i + " and " + j + " overlap");
            }
        }
    }

    @Test
    void strongestAttackIsTheMaximumPerSeedAndBaselinesAreNotAttacks(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.csv");
        Files.writeString(file, """
                point_id,seed,attack,defense,defense_param,psnr,accuracy,status
                a,1,dlg,topk,0.1,10,0.8,ok
                b,1,idlg,topk,0.1,14,0.8,ok
                a,2,dlg,topk,0.1,16,0.82,ok
                b,2,idlg,topk,0.1,12,0.82,ok
                c,1,oracle,topk,0.1,100,0.8,ok
                d,1,random,none,0,6,0.9,ok
                e,1,dlg,none,0,30,0.9,ok
                """);
        DefensePoints dp = DefensePoints.of(ResultsFile.read(file), Metric.PSNR);
        DefensePoints.Point topk = Fixtures.pointOf(dp, "topk");
        // Seed 1: max(10, 14) = 14; seed 2: max(16, 12) = 16; the oracle's 100 is not an attack.
        assertEquals(15.0, topk.leak().mean(), 1e-12);
        assertEquals(2, topk.leak().n());
        assertEquals(6.0, dp.floor().mean(), 1e-12);
        assertEquals(java.util.Set.of("dlg", "idlg"), dp.attacks());
    }

    @Test
    void textRunsShowPerplexityBesideAccuracyWithTheLowestInBold(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.csv");
        Files.writeString(file, """
                point_id,seed,attack,defense,defense_param,mia_auc,accuracy,test_loss,perplexity,status
                a,1,mia-loss,none,0,0.7,0.3,2.5,12.0,ok
                a,2,mia-loss,none,0,0.68,0.32,2.4,11.0,ok
                b,1,mia-loss,dp-sgd,1,0.55,0.2,3.0,20.0,ok
                b,2,mia-loss,dp-sgd,1,0.53,0.22,3.0,22.0,ok
                """);
        ResultsFile results = ResultsFile.read(file);
        String defenses = DefenseTable.build(results, results.okRows()).markdown("t");
        assertTrue(defenses.contains("| accuracy ↑ | perplexity ↓ |"), defenses);
        // Means over seeds: 11.5 without a defense (the lower, bold) and 21 with DP-SGD.
        assertTrue(defenses.contains("**11.5 ± 0.7**"), defenses);
        assertTrue(defenses.contains("| 21.0 ± 1.4 |"), defenses);
        List<Metric> main = ResultsTables.MAIN.stream().filter(results::has).toList();
        assertTrue(main.contains(Metric.PERPLEXITY), main.toString());
        String table = ResultsTables.build(results, main).markdown("t");
        assertTrue(table.contains("perplexity ↓") && table.contains("**11.5 ± 0.7**"), table);
    }

    @Test
    void resultsTableMarksTheBestWithinEachAttackAndNeverTheBrackets(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.csv");
        Files.writeString(file, """
                point_id,seed,attack,defense,defense_param,psnr,status
                a,1,dlg,none,0,30,ok
                b,1,dlg,topk,0.1,12,ok
                c,1,idlg,none,0,35,ok
                d,1,idlg,topk,0.1,15,ok
                e,1,random,none,0,6,ok
                f,1,oracle,none,0,100,ok
                """);
        String md = ResultsTables.build(ResultsFile.read(file), List.of(Metric.PSNR))
                .markdown("t");
        // Lowest PSNR within dlg (12) and within idlg (15) is bold; the random guess's 6 is not.
        assertTrue(md.contains("| dlg | topk | 0.1 | 1 | 0 | 0 | **12.0** |"), md);
        assertTrue(md.contains("| idlg | topk | 0.1 | 1 | 0 | 0 | **15.0** |"), md);
        assertTrue(md.contains("| random | none | – | 1 | 0 | 0 | 6.00 |"), md);
        assertTrue(md.contains("| oracle | none | – | 1 | 0 | 0 | 100 |"), md);
    }

    @Test
    void logBarsStartWellBelowTheSmallestBar() {
        assertEquals(10, JmhFigures.logBarFloor(110), 1e-9);
        assertEquals(100, JmhFigures.logBarFloor(950), 1e-9);
        assertEquals(0.01, JmhFigures.logBarFloor(0.05), 1e-12);
        assertEquals(1, JmhFigures.logBarFloor(3), 1e-12);
    }
}
