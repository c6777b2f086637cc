package org.leakbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code --set name=values} runs a sweep reduced: it replaces values where a grid lists them, and refuses typos. */
class SweepOverridesTest {
    private final SweepParser parser = new SweepParser(ParameterRegistry.defaults());

    private Sweep sweep() {
        return parser.parse("""
                name: s
                seeds: [1, 2]
                grids:
                  - model: [lenet]
                    batch: [1, 4]
                    attacks:
                      - {name: dlg, iterations: [300]}
                      - llg
                  - model: [mlp]
                    attack: [analytic]
                """, "s.yaml");
    }

    @Test
    void replacesTheValuesInEveryGridThatListsThem() {
        Sweep s = SweepOverrides.apply(sweep(), List.of("attack.iterations=10", "batch=2", "seeds=7"));
        assertEquals(List.of(7L), s.seeds());
        List<SweepPoint> points = s.points();
        Set<Object> iterations = points.stream()
                .filter(p -> "dlg".equals(p.get("attack")))
                .map(p -> p.get("attack.iterations"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(10), iterations);
        // the grids that listed batch now run batch 2 only; the mlp grid keeps its default
        assertTrue(points.stream()
                .filter(p -> "lenet".equals(p.get("model")))
                .allMatch(p -> Integer.valueOf(2).equals(p.get("batch"))));
        assertEquals(3, points.size()); // lenet x {dlg, llg} + mlp x analytic
    }

    @Test
    void refusesUnknownUnlistedAndOutOfRangeOverrides() {
        IllegalArgumentException typo = assertThrows(
                IllegalArgumentException.class, () -> SweepOverrides.apply(sweep(), List.of("attack.iteration=10")));
        assertTrue(typo.getMessage().contains("unknown parameter 'attack.iteration'"), typo.getMessage());
        IllegalArgumentException unlisted =
                assertThrows(IllegalArgumentException.class, () -> SweepOverrides.apply(sweep(), List.of("victims=1")));
        assertTrue(unlisted.getMessage().contains("no grid of sweep s lists victims"), unlisted.getMessage());
        IllegalArgumentException range =
                assertThrows(IllegalArgumentException.class, () -> SweepOverrides.apply(sweep(), List.of("batch=0")));
        assertTrue(range.getMessage().startsWith("--set batch=0: "), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SweepOverrides.apply(sweep(), List.of("batch")));
        assertThrows(IllegalArgumentException.class, () -> SweepOverrides.apply(sweep(), List.of("seeds=one")));
    }
}
