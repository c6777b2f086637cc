package org.leakbench.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry's own rules, on components made up for the test. */
class ComponentRegistryTest {
    static final ParameterSpec STEPS = ParameterSpec.ofInt("attack.steps", Tier.CHEAP, Range.atLeast(1), 10, "steps")
            .withUnit("steps");

    static final class Fake extends Component {
        Fake(Descriptor d) {
            super(d);
        }
    }

    static Fake attack(String name, String... aliases) {
        Descriptor.Builder b =
                Descriptor.of(ComponentKind.ATTACK, name, "a test attack").parameters(STEPS);
        for (String a : aliases) {
            b.alias(a, "");
        }
        return new Fake(b.build());
    }

    @Test
    void aDuplicateNameNamesBothClasses() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new ComponentRegistry(List.of(attack("a"), attack("b", "a"))));
        assertTrue(e.getMessage().contains("attack name 'a' is registered twice"), e.getMessage());
        assertTrue(e.getMessage().contains(Fake.class.getName()), e.getMessage());
    }

    @Test
    void theSameNameInTwoKindsIsFine() {
        Fake defense = new Fake(
                Descriptor.of(ComponentKind.DEFENSE, "a", "a test defense").build());
        ComponentRegistry r = new ComponentRegistry(List.of(attack("a"), defense));
        assertEquals(defense, r.get(ComponentKind.DEFENSE, "a"));
    }

    @Test
    void aSharedParameterMustBeDeclaredAlike() {
        Fake other = new Fake(Descriptor.of(ComponentKind.ATTACK, "b", "another")
                .parameters(STEPS.withDefault(20))
                .build());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ComponentRegistry(List.of(attack("a"), other)));
        assertTrue(e.getMessage().contains("attack.steps is declared differently"), e.getMessage());
    }

    @Test
    void ownDefaultsWinOverTheSpecAndAliasesFindTheComponent() {
        Fake b = new Fake(Descriptor.of(ComponentKind.ATTACK, "b", "another")
                .parameters(STEPS)
                .defaults("attack.steps", 500)
                .alias("old-b", "write b")
                .build());
        ComponentRegistry r = new ComponentRegistry(List.of(attack("a"), b));
        assertEquals(500, r.defaultFor("attack.steps", Map.of("attack", "b")).orElseThrow());
        assertEquals(
                500, r.defaultFor("attack.steps", Map.of("attack", "old-b")).orElseThrow());
        assertTrue(r.defaultFor("attack.steps", Map.of("attack", "a")).isEmpty(), "a has no default of its own");
        assertEquals(
                "write b", r.alias(ComponentKind.ATTACK, "old-b").orElseThrow().deprecation());
        assertEquals(List.of("a", "b", "old-b"), r.names(ComponentKind.ATTACK));
    }

    @Test
    void anOutOfRangeDefaultIsRefusedWhenDescribed() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Descriptor.of(ComponentKind.ATTACK, "a", "x")
                        .parameters(STEPS)
                        .defaults("attack.steps", 0)
                        .build());
        assertTrue(e.getMessage().contains("out of range [1, inf)"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Descriptor.of(ComponentKind.ATTACK, "a", "x")
                        .defaults("attack.undeclared", 1)
                        .build());
    }

    @Test
    void unknownNamesGetAGuess() {
        ComponentRegistry r = new ComponentRegistry(List.of(attack("dlg")));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> r.get(ComponentKind.ATTACK, "dgl"));
        assertEquals("unknown attack 'dgl' (did you mean 'dlg'?); known: dlg", e.getMessage());
    }

    @Test
    void aViewReadsMainAndClipFromTheSlots() {
        Fake d = new Fake(Descriptor.of(ComponentKind.DEFENSE, "dp", "test dp")
                .main(ParameterSpec.ofDouble("dp.sigma", Tier.CHEAP, Range.atLeast(0), 1.0, "sigma"))
                .clip(ParameterSpec.ofDouble("dp.clip", Tier.CHEAP, Range.above(0), 1.0, "clip"))
                .build());
        Map<String, Object> point = Map.of("defense.param", 0.5, "defense.clip", 3.0, "other", "x");
        ParameterView own = d.view(point::get);
        assertEquals(0.5, own.doubleValue("dp.sigma"));
        assertEquals(3.0, own.doubleValue("dp.clip"));
        assertEquals("x", own.string("other"));
        assertEquals(1.0, d.defaultFor("defense.param").orElseThrow());
    }
}
