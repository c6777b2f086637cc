package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;

/**
 * {@code fl.rounds: 0} runs the attack without the utility training: the row has no accuracy, but the attack's
 * metrics and a DP defense's ε (of the one attacked release) are those of the same point with one round.
 */
class NoUtilityPointTest {
    @TempDir
    Path results;

    @Test
    void zeroRoundsLeavesOutOnlyTheUtilityFigure() throws IOException {
        String sweep = TinySweeps.header("no-utility", "1") + TinySweeps.fashionGrid("""
                        fl.rounds: [0, 1]
                        attacks: [analytic]
                        defenses: [none, {name: dp-sgd, param: [1.0], clip: [1.0]}]
                        """);
        TinySweeps.run(TinySweeps.parse(sweep, "no-utility.yaml"), results, "r", 1);
        ResultTable table = TinySweeps.read(results, "r", RunLayout.RESULTS);
        for (String defense : List.of("none", "dp-sgd")) {
            Map<String, String> none = row(table, "0", defense);
            Map<String, String> one = row(table, "1", defense);
            assertEquals("ok", none.get("status"), defense);
            assertEquals("", none.getOrDefault("accuracy", ""), defense + ": no training, no accuracy");
            assertFalse(one.get("accuracy").isEmpty(), defense + ": one round measures accuracy");
            assertEquals(one.get("psnr"), none.get("psnr"), defense);
            assertEquals(one.get("epsilon"), none.get("epsilon"), defense);
        }
        assertFalse(row(table, "0", "dp-sgd").get("epsilon").isEmpty(), "the attacked release is still accounted");
    }

    private static Map<String, String> row(ResultTable table, String rounds, String defense) {
        for (List<String> r : table.rows()) {
            Map<String, String> m = table.asMap(r);
            if (m.get("fl_rounds").equals(rounds) && m.get("defense").equals(defense)) {
                return m;
            }
        }
        throw new AssertionError("no row for fl.rounds " + rounds + " / " + defense);
    }
}
