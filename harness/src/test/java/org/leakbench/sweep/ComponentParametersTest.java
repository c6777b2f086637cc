package org.leakbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A defense's own parameter names are aliases of its slots, every slot value is checked against the chosen
 * defense's range, and what a grid leaves out takes the chosen component's default.
 */
class ComponentParametersTest {
    static List<SweepPoint> points(String grid) {
        return new SweepParser(ParameterRegistry.defaults())
                .parse("name: t\ngrid:\n" + grid, "t.yaml")
                .points();
    }

    static String errors(String grid) {
        SweepValidationException e = assertThrows(SweepValidationException.class, () -> points(grid));
        return e.getMessage();
    }

    @Test
    void pruneOneAndAHalfFailsWithFileLineParameterAndRange() {
        String message = errors("""
                  attack: [dlg]
                  defenses:
                    - none
                    - {name: prune, param: [0.5, 1.5]}
                """);
        assertTrue(
                message.contains("t.yaml:6: grid.defenses.param: prune.fraction (defense.param of defense "
                        + "prune): value 1.5 is out of range [0, 1]"),
                message);
    }

    @Test
    void aTopLevelParamIsCheckedForEveryDefenseOfTheGrid() {
        String message = errors("""
                  defense: [noise, quant]
                  defense.param: [0.001, 4]
                """);
        assertTrue(
                message.contains("t.yaml:4: grid.defense.param: quant.bits (defense.param of defense quant): "
                        + "expected an int, got '0.001'"),
                message);
        assertTrue(message.contains("out of range [1, 32]") || message.contains("expected an int"), message);
    }

    @Test
    void ownNamesAreAliasesOfTheSlotsWithTheSamePointIds() {
        List<SweepPoint> old =
                points("  defenses: [{name: prune, param: [0.5]}, {name: dp-sgd, param: [2], " + "clip: [3]}]\n");
        List<SweepPoint> own =
                points("  defenses: [{name: prune, fraction: [0.5]}, {name: dp-sgd, sigma: [2], " + "dp.clip: [3]}]\n");
        assertEquals(
                old.stream().map(SweepPoint::pointId).toList(),
                own.stream().map(SweepPoint::pointId).toList());
        assertEquals(2.0, own.get(1).doubleValue("defense.param"));
        assertEquals(3.0, own.get(1).doubleValue("defense.clip"));
        List<SweepPoint> top = points("  defenses: [dp-sgd, local-dp]\n  dp.sigma: [2]\n  dp.clip: [3]\n");
        assertEquals(2, top.size());
        top.forEach(p -> assertEquals(2.0, p.doubleValue("defense.param")));
        assertEquals(
                "shuffle",
                points("  defenses: [{name: dp-sgd, sampling: [shuffle]}]\n")
                        .get(0)
                        .string("dp.sampling"));
    }

    @Test
    void anOwnNameForADefenseThatLacksItIsRefused() {
        String message = errors("  defenses: [none, prune]\n  prune.fraction: [0.5]\n");
        assertTrue(
                message.contains("t.yaml:4: grid.prune.fraction: prune.fraction is a parameter of defense "
                        + "[prune], but this grid also runs [none]"),
                message);
        assertTrue(errors("  defenses: [{name: quant, bits: [4.5]}]\n")
                .contains("grid.defenses.bits: expected an " + "int, got '4.5'"));
        assertTrue(errors("  defenses: [{name: prune, fraction: [0.5], param: [0.4]}]\n")
                .contains("sets defense.param a second time"));
    }

    @Test
    void theDeprecatedNameRunsAsItsComponent() {
        SweepPoint p = points("  defenses: [{name: client-dp, sigma: [1.5]}]\n").get(0);
        assertEquals("client-dp", p.string("defense"));
        assertEquals(1.5, p.doubleValue("defense.param"));
    }

    @Test
    void whatTheGridLeavesOutTakesTheChosenComponentsDefault() {
        List<SweepPoint> ps = points("  attack: [dlg, ig]\n  defense: [prune, none]\n");
        assertEquals(300, ps.get(0).intValue("attack.iterations"));
        assertEquals(0.2, ps.get(0).doubleValue("defense.param"));
        assertEquals(0.0, ps.get(1).doubleValue("defense.param"));
        assertEquals(24_000, ps.get(2).intValue("attack.iterations"));
        assertEquals(1e-4, ps.get(2).doubleValue("attack.tv"));
        // DLG at its default keeps the id of a point written with the value spelled out.
        assertEquals(
                points("  attack: [dlg]\n  attack.iterations: [300]\n").get(0).pointId(),
                points("  attack: [dlg]\n").get(0).pointId());
        assertEquals(
                List.of(300, 24_000),
                ParameterRegistry.defaults().find("attack").isPresent()
                        ? new SweepParser(ParameterRegistry.defaults())
                                .parse("name: t\ngrid:\n  attack: [dlg, ig]\n", "t")
                                .resolved()
                                .get("attack.iterations")
                        : List.of());
    }
}
