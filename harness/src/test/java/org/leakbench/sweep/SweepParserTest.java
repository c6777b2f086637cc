package org.leakbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.Range;
import org.leakbench.component.Tier;

class SweepParserTest {
    private final SweepParser parser = new SweepParser(ParameterRegistry.defaults());

    private List<SweepError> errors(String yaml) {
        return assertThrows(SweepValidationException.class, () -> parser.parse(yaml, "bad.yaml"))
                .errors();
    }

    /** Some error of {@code errors} is at {@code line}, on {@code key}, and its message contains {@code part}. */
    private static void assertHasError(List<SweepError> errors, int line, String key, String part) {
        assertTrue(
                errors.stream()
                        .anyMatch(e -> e.line() == line
                                && e.key().equals(key)
                                && e.message().contains(part)),
                errors.toString());
    }

    private static SweepError only(List<SweepError> errors, String key) {
        List<SweepError> hits = errors.stream().filter(e -> e.key().equals(key)).toList();
        assertEquals(1, hits.size(), "expected one error for " + key + " in " + errors);
        return hits.get(0);
    }

    @Test
    void readsTopLevelFieldsAndGrid() {
        Sweep s = parser.parse("""
                name: tiny
                seeds: [3, 4]
                backend: ejml
                timeout: 90s
                grid:
                  model: [mlp, lenet]
                  batch: 4
                  attack.iterations: [10, 20]
                """, "tiny.yaml");
        assertEquals("tiny", s.name());
        assertEquals(List.of(3L, 4L), s.seeds());
        assertEquals("java", s.backend(), "ejml, the java backend's former name, is read as java");
        assertEquals(Duration.ofSeconds(90), s.timeout());
        assertEquals(List.of("mlp", "lenet"), s.blocks().get(0).get("model"));
        assertEquals(List.of(4), s.blocks().get(0).get("batch"));
        assertEquals(List.of(10, 20), s.blocks().get(0).get("attack.iterations"));
        assertEquals(2 * 2 * 2, s.points().size());
    }

    @Test
    void unknownKeySuggestsClosestAndNamesFileLineKey() {
        List<SweepError> errors = errors("""
                name: x
                grid:
                  model: [mlp]
                  model.widht: [1.0]
                """);
        SweepError e = only(errors, "grid.model.widht");
        assertEquals("bad.yaml", e.file());
        assertEquals(4, e.line());
        assertTrue(e.message().contains("did you mean 'model.width'"), e.message());
        assertTrue(e.toString().startsWith("bad.yaml:4: grid.model.widht: "), e.toString());
    }

    @Test
    void severalGridsGiveTheUnionOfTheirPoints() {
        Sweep s = parser.parse("""
                grids:
                  - {model: [mlp], attack: [dlg, idlg]}
                  - model: [lenet]
                    batch: [1, 4]
                  - {model: [mlp], attack: [dlg]}
                """, "g.yaml");
        assertEquals(4, s.points().size(), "the third grid repeats a point of the first");
        List<SweepError> both = errors("grid:\n  batch: [1]\ngrids:\n  - {batch: [2]}\n");
        assertTrue(both.stream().anyMatch(e -> e.message().contains("either grid: or grids:")), both.toString());
        SweepError bad = only(errors("grids:\n  - {batch: [1]}\n  - {attack: [dgl]}\n"), "grid.attack");
        assertEquals(3, bad.line());
        assertTrue(only(errors("grids: []\n"), "grids").message().contains("non-empty list"));
    }

    @Test
    void misspelledEnumListsAllowedValues() {
        SweepError e = only(errors("""
                grid:
                  attack: [dlg,
                           dgl]
                """), "grid.attack");
        assertEquals(3, e.line());
        assertTrue(e.message().contains("'dgl'") && e.message().contains("did you mean 'dlg'"), e.message());
        assertTrue(e.message().contains("allowed: none, dlg, idlg"), e.message());
    }

    @Test
    void outOfRangeAndWrongTypeAreReportedTogether() {
        List<SweepError> errors = errors("""
                seeds: [1, x]
                grid:
                  batch: [0]
                  model.width: [-1.0]
                  attack.iterations: [ten]
                  fl.clients: [2.5]
                """);
        assertTrue(only(errors, "grid.batch").message().contains("out of range [1, inf)"), errors.toString());
        assertTrue(only(errors, "grid.model.width").message().contains("out of range (0, inf)"));
        assertTrue(only(errors, "grid.attack.iterations").message().contains("expected an int"));
        assertEquals(6, only(errors, "grid.fl.clients").line());
        assertEquals(1, only(errors, "seeds").line());
        assertEquals(5, errors.size());
    }

    @Test
    void emptyGridAndEmptyListAreErrors() {
        assertEquals(2, only(errors("name: x\ngrid: {}\n"), "grid").line());
        assertEquals(1, only(errors("name: x\n"), "grid").line());
        assertEquals(
                3,
                only(errors("grid:\n  model: [mlp]\n  batch: []\n"), "grid.batch")
                        .line());
    }

    @Test
    void topLevelMistakesAreNamed() {
        List<SweepError> errors = errors("""
                nmae: x
                model: [mlp]
                backend: cuda
                timeout: soon
                grid: {model: [mlp]}
                """);
        assertTrue(only(errors, "nmae").message().contains("did you mean 'name'"));
        assertTrue(only(errors, "model").message().contains("parameters go under grid"));
        assertTrue(only(errors, "backend").message().contains("allowed: java, nd4j, ejml"));
        assertEquals(4, only(errors, "timeout").line());
    }

    @Test
    void invalidYamlIsOneErrorWithLine() {
        SweepError e = only(errors("grid:\n  model: [mlp\n  batch: 1\n"), "(yaml)");
        assertTrue(e.line() > 0);
    }

    @Test
    void perDefenseGridsMakeOneBlockPerVariant() {
        Sweep s = parser.parse("""
                grid:
                  model: [mlp]
                  defense.param: [0]
                  defenses:
                    - none
                    - {name: noise, param: [1e-4, 1e-3, 1e-2]}
                    - {name: prune, param: [0.2, 0.5]}
                """, "d.yaml");
        assertEquals(3, s.blocks().size());
        assertEquals(1 + 3 + 2, s.points().size());
        assertEquals(List.of(0.0001, 0.001, 0.01), s.blocks().get(1).get("defense.param"));
        List<String> labels = s.points().stream()
                .map(p -> p.string("defense") + "@" + Values.format(p.get("defense.param")))
                .toList();
        assertEquals(List.of("none@0", "noise@0.0001", "noise@0.001", "noise@0.01", "prune@0.2", "prune@0.5"), labels);
    }

    @Test
    void perDefenseErrorsNameTheSubKey() {
        List<SweepError> errors = errors("""
                grid:
                  defense: [none]
                  defenses:
                    - {name: nosie, param: [1]}
                    - {name: prune, parm: [0.5]}
                    - {param: [0.5]}
                """);
        assertHasError(errors, 4, "grid.defenses.name", "did you mean 'noise'");
        assertHasError(errors, 6, "grid.defenses.name", "needs a name");
        assertTrue(only(errors, "grid.defenses.parm").message().contains("did you mean 'param'"));
        assertTrue(errors.stream()
                .anyMatch(e -> e.key().equals("grid.defense") && e.message().contains("not both")));
        assertEquals(4, errors.size(), errors.toString());
    }

    @Test
    void listTypedParameterTakesListsOfLists() {
        ParameterRegistry reg = ParameterRegistry.defaults()
                .with(ParameterSpec.ofList(
                        "model.widths", Tier.EXPENSIVE, Range.atLeast(1), List.of(64), "layer widths"));
        Sweep s = new SweepParser(reg).parse("grid:\n  model.widths: [[64, 32], [128]]\n", "l.yaml");
        assertEquals(List.of(List.of(64, 32), List.of(128)), s.blocks().get(0).get("model.widths"));
        SweepError e = assertThrows(
                        SweepValidationException.class,
                        () -> new SweepParser(reg).parse("grid:\n  model.widths: [[0]]\n", "l.yaml"))
                .errors()
                .get(0);
        assertTrue(e.message().contains("out of range"), e.message());
    }

    @Test
    void presetsLoadByName() {
        for (String name : Presets.NAMES) {
            Sweep s = Presets.load(name, ParameterRegistry.defaults());
            assertEquals(name, s.name());
            assertTrue(s.points().size() > 0);
        }
        // quick: 15 defense variants x (4 attacks on LeNet + 5 on the MLP) and adaptive dp-fedavg x 4 attacks on
        // LeNet, a curious client under 3 defenses,
        // batch 2 and 4 x 2 attacks, MLP widths 0.25 and 1 x 2 attacks, 3 and 8 clients x 2 defenses, 2 data sets
        // x 2 membership attacks x 2 defenses; ResNet-20 and the transformer x 2 attacks; every point for 2 seeds
        assertEquals(
                2 * (15 * (4 + 5) + 4 + 3 + 2 * 2 + 2 * 2 + 2 * 2 + 2 * 2 * 2 + 2 * 2),
                Presets.load("quick", ParameterRegistry.defaults()).points().size());
        assertThrows(IllegalArgumentException.class, () -> Presets.load("slow", ParameterRegistry.defaults()));
    }
}
