package org.leakbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.Range;
import org.leakbench.component.Tier;

class SweepExpansionTest {
    private final SweepParser parser = new SweepParser(ParameterRegistry.defaults());

    @Test
    void cheapParametersVaryFastestAndGroupsAreAdjacent() {
        Sweep s = parser.parse("""
                seeds: [1, 2]
                grid:
                  attack: [dlg, idlg]
                  model: [mlp, lenet]
                  defense: [none, noise]
                """, "o.yaml");
        List<SweepPoint> points = s.points();
        assertEquals(16, points.size());
        List<String> firstGroup = points.subList(0, 4).stream()
                .map(p -> p.string("model") + p.seed() + p.string("attack") + p.string("defense"))
                .toList();
        assertEquals(List.of("mlp1dlgnone", "mlp1dlgnoise", "mlp1idlgnone", "mlp1idlgnoise"), firstGroup);
        assertEquals("mlp", points.get(4).string("model"));
        assertEquals(2, points.get(4).seed());
        Set<String> closed = new HashSet<>();
        String current = null;
        for (SweepPoint p : points) {
            if (!p.groupKey().equals(current)) {
                assertTrue(closed.add(p.groupKey()), "group " + p.groupKey() + " is not contiguous");
                current = p.groupKey();
            }
        }
        assertEquals(4, closed.size());
        for (int i = 0; i < points.size(); i++) {
            assertEquals(i, points.get(i).index());
        }
    }

    @Test
    void pointIdsAreStableAcrossKeyOrderAndRuns() {
        Sweep a = parser.parse("grid:\n  model: [mlp]\n  attack: [dlg, ig]\n", "a.yaml");
        Sweep b = parser.parse("grid:\n  attack: [dlg, ig]\n  model: [mlp]\nseeds: [1]\n", "b.yaml");
        assertEquals(
                a.points().stream().map(SweepPoint::pointId).toList(),
                b.points().stream().map(SweepPoint::pointId).toList());
        // A golden value: changing it silently would orphan every existing results file.
        assertEquals("4d44a0070eb9", a.points().get(0).pointId());
        assertEquals(12, a.points().get(0).pointId().length());
        Sweep otherSeed = parser.parse("seeds: [2]\ngrid:\n  model: [mlp]\n  attack: [dlg, ig]\n", "c.yaml");
        assertNotEquals(a.points().get(0).pointId(), otherSeed.points().get(0).pointId());
    }

    @Test
    void registeringANewParameterKeepsExistingPointIds() {
        String text = "grid:\n  model: [mlp]\n  attack: [dlg, ig]\n";
        Sweep before = parser.parse(text, "a.yaml");
        SweepParser extended = new SweepParser(ParameterRegistry.defaults()
                .with(ParameterSpec.ofInt(
                        "new.knob", Tier.EXPENSIVE, Range.atLeast(1), 3, "a knob added in a later version")));
        Sweep after = extended.parse(text, "a.yaml");
        assertEquals(
                before.points().stream().map(SweepPoint::pointId).toList(),
                after.points().stream().map(SweepPoint::pointId).toList());
        Sweep set = extended.parse(text + "  new.knob: [4]\n", "a.yaml");
        assertNotEquals(before.points().get(0).pointId(), set.points().get(0).pointId());
    }

    @Test
    void duplicatePointsFromOverlappingVariantsAppearOnce() {
        Sweep s = parser.parse("""
                grid:
                  defenses:
                    - {name: noise, param: [0.1, 0.2]}
                    - {name: noise, param: [0.2, 0.3]}
                """, "dup.yaml");
        assertEquals(3, s.points().size());
    }

    @Test
    void resolvedListsEveryParameterWithDefaults() {
        Sweep s = parser.parse("grid:\n  batch: [1, 8]\n", "r.yaml");
        assertEquals(
                ParameterRegistry.defaults().names(), List.copyOf(s.resolved().keySet()));
        assertEquals(List.of(1, 8), s.resolved().get("batch"));
        assertEquals(List.of("lenet"), s.resolved().get("model"));
    }

    @Test
    void valuesFormatCanonically() {
        assertEquals("0.0001", Values.format(1e-4));
        assertEquals("1", Values.format(1.0));
        assertEquals("1.0E-9", Values.format(1e-9));
        assertEquals("NaN", Values.format(Double.NaN));
        assertEquals("[64;32]", Values.format(List.of(64, 32)));
        assertEquals("", Values.format(null));
    }
}
