package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leakbench.results.Metric;

/** Tables pool victims over seeds, show bootstrap intervals and mark differences that are not significant. */
class VictimTablesTest {
    private Path dir;

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory("victims");
    }

    @AfterEach
    void tearDown() throws IOException {
        Fixtures.deleteTree(dir);
    }

    @Test
    void pairingByVictimFindsAConsistentShiftThatTheSpreadBetweenVictimsHides() {
        // Victims range over 10..80 dB; the defense lowers every one by exactly 2 dB.
        Map<String, Double> none = new LinkedHashMap<>();
        Map<String, Double> defended = new LinkedHashMap<>();
        Map<String, Double> unpaired = new LinkedHashMap<>();
        for (int i = 0; i < 16; i++) {
            double v = 10 + (i * 37 % 71);
            none.put("1|" + i, v);
            defended.put("1|" + i, v - 2);
            unpaired.put("2|" + i, v - 2);
        }
        assertTrue(VictimStatistics.differs(defended, none), "paired: a 2 dB drop on every victim is significant");
        assertFalse(VictimStatistics.differs(unpaired, none), "unpaired: 2 dB is lost in the spread of victims");
        assertFalse(VictimStatistics.differs(none, none));
    }

    @Test
    void theIntervalIsThePercentileBootstrapOfTheMean() {
        VictimStatistics.Cell c = VictimStatistics.cell(List.of(12.0, 55.0, 31.0, 70.0, 8.0, 44.0, 61.0, 19.0));
        assertEquals(37.5, c.mean(), 1e-12);
        assertTrue(c.low() > 20 && c.low() < 37.5 && c.high() > 37.5 && c.high() < 55, c.toString());
        assertEquals(8, c.n());
        assertFalse(VictimStatistics.cell(List.of(3.0)).hasInterval());
    }

    @Test
    void tablesShowIntervalsVictimCountsAndNonSignificance() throws IOException {
        Path csv = dir.resolve("results.csv");
        Files.writeString(csv, """
                point_id,seed,attack,defense,defense_param,psnr,accuracy,status
                a,1,dlg,none,0,40,0.6,ok
                a,2,dlg,none,0,40,0.6,ok
                b,1,dlg,noise,0.01,20,0.6,ok
                b,2,dlg,noise,0.01,20,0.6,ok
                c,1,dlg,prune,0.3,40,0.6,ok
                c,2,dlg,prune,0.3,40,0.6,ok
                """);
        StringBuilder v = new StringBuilder("point_id,seed,victim,indices,psnr,ssim,status\n");
        for (String seed : List.of("1", "2")) {
            for (int i = 0; i < 4; i++) {
                double base = 30 + 7 * i + (seed.equals("2") ? 3 : 0);
                String idx = seed + "0" + i;
                v.append(victimRow("a", seed, i, idx, base));
                v.append(victimRow("b", seed, i, idx, base - 20 + i % 2));
                // prune 30 %: the same victims, the same leakage up to ±0.5 dB either way
                v.append(victimRow("c", seed, i, idx, base + (i % 2 == 0 ? 0.5 : -0.5)));
            }
        }
        v.append("a,1,0,100,99,,ok\n".replace("a,1,0,100,99", "b,1,9,999,5").replace("ok", "diverged"));
        Files.writeString(dir.resolve("victims.csv"), v.toString());
        ResultsFile results = ResultsFile.read(csv);
        VictimValues victims = VictimValues.near(results);

        String md = ResultsTables.build(results, List.of(Metric.PSNR), victims).markdown("t");
        assertTrue(md.contains("victims×seeds"), md);
        assertTrue(md.contains("| dlg | none | – | 2 | 0 | 0 | 4×2 | 42.0 ["), md);
        assertTrue(
                md.matches(
                        "(?s).*\\| dlg \\| prune \\| 0.3 \\| 2 \\| 0 \\| 0 \\| 4×2 \\| 42.0 \\[[^|]* n\\.s\\. \\|.*"),
                md);
        assertTrue(
                md.matches(
                        "(?s).*\\| dlg \\| noise \\| 0.01 \\| 2 \\| 0 \\| 0 \\| 4×2 \\| \\*\\*22.5 \\[[^|n]*\\]\\*\\* \\|.*"),
                "noise differs: no n.s., and the diverged victim is left out: " + md);

        String defenses = DefenseTable.build(results, results.okRows(), victims).markdown("t");
        assertTrue(defenses.contains("| prune | pruned=0.3 | 2 | 4×2 | 42.0 ["), defenses);
        assertTrue(defenses.contains("| noise | var=0.01 | 2 | 4×2 | **22.5 [16.9, 28.3]** |"), defenses);
        assertEquals(1, defenses.split("n\\.s\\.", -1).length - 1, defenses);
    }

    @Test
    void aBadVictimValueNamesTheFileLineAndColumn() throws IOException {
        Path csv = dir.resolve("results.csv");
        Files.writeString(csv, "point_id,seed,attack,defense,defense_param,psnr,status\na,1,dlg,none,0,40,ok\n");
        Files.writeString(dir.resolve("victims.csv"), "point_id,seed,victim,indices,psnr,status\na,1,0,7,high,ok\n");
        PlotInputException e = assertThrows(PlotInputException.class, () -> VictimValues.near(ResultsFile.read(csv)));
        assertTrue(
                e.getMessage().contains("victims.csv")
                        && e.getMessage().contains("psnr")
                        && e.getMessage().contains("2"),
                e.getMessage());
    }

    /** A line of victims.csv: victim {@code victim} of point {@code point} and seed {@code seed}, ok at {@code psnr}. */
    private static String victimRow(String point, String seed, int victim, String indices, double psnr) {
        return point + "," + seed + "," + victim + "," + indices + "," + psnr + ",,ok\n";
    }
}
