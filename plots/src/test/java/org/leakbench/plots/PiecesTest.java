package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
        assertEquals("a\\_b \\& 50\\% \\$x\\$ \\#1 \\{y\\} \\textasciitilde{} $\\pm$ $\\sigma$",
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
}
