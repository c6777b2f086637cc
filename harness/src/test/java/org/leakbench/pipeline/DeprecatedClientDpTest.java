package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.sweep.ParameterRegistry;
import org.leakbench.sweep.Sweep;
import org.leakbench.sweep.SweepParser;
import org.leakbench.update.Update;

/** {@code client-dp} still runs, as what it is (local DP), and a sweep that uses it is told so. */
class DeprecatedClientDpTest {
    static Sweep sweep(String defense) {
        return new SweepParser(ParameterRegistry.defaults()).parse("""
                name: old
                grid:
                  attack: [oracle]
                  defenses: [{name: %s, param: [1.0]}]
                """.formatted(defense), "old.yaml");
    }

    /** The defense {@code name} with {@code defense.param} and {@code defense.clip}, other settings default. */
    static UpdateDefense defense(String name, double param, double clip) {
        Map<String, Object> values =
                Map.of("defense", name, "defense.param", param, "defense.clip", clip, "dp.noise", "fast");
        return DefenseFactory.create(values::get);
    }

    @Test
    void clientDpIsLocalDpUnderItsOldName() {
        Update u = Update.fromFlat(new float[] {3, 4, 0, 12}, List.of(new int[] {4}), Update.Kind.GRADIENT, 1, 1.0);
        float[] old =
                defense("client-dp", 0.7, 2.0).apply(u, new SplittableRandom(4)).flatten();
        float[] local =
                defense("local-dp", 0.7, 2.0).apply(u, new SplittableRandom(4)).flatten();
        assertArrayEquals(local, old);
        double norm = 0;
        for (float v :
                defense("local-dp", 0.0, 2.0).apply(u, new SplittableRandom(4)).flatten()) {
            norm += v * v;
        }
        assertEquals(2.0, Math.sqrt(norm), 1e-6, "clipped to C before the noise");
    }

    @Test
    void aSweepUsingClientDpIsWarnedWithTheNewNames() {
        List<String> warnings = PipelineFactory.deprecations(sweep("client-dp"));
        assertEquals(1, warnings.size());
        assertTrue(
                warnings.get(0).contains("deprecated")
                        && warnings.get(0).contains("local-dp")
                        && warnings.get(0).contains("dp-fedavg"),
                warnings.get(0));
        assertEquals(List.of(), PipelineFactory.deprecations(sweep("local-dp")));
    }
}
