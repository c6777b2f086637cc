package org.leakbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.ComponentRegistry;
import org.leakbench.plots.Plots;

/**
 * Every registered defense whose main parameter is stored in {@code defense_param} gets a named knob in the
 * defense tables: a new defense without an entry in the plots' knob map would be labelled with the generic
 * "p=", as MixUp's {@code mixup.alpha} once was ("p=1" instead of "α=1").
 */
class DefenseKnobLabelTest {
    @TempDir
    Path dir;

    @Test
    void everyDefenseWithAMainParameterHasANamedKnob() throws IOException {
        List<Component> knobbed = ComponentRegistry.installed().all(ComponentKind.DEFENSE).stream()
                .filter(c -> c.descriptor().mainParameter().isPresent())
                .toList();
        StringBuilder csv =
                new StringBuilder("point_id,seed,attack,attack_adaptive,defense,defense_param,psnr,status\n");
        int i = 0;
        for (Component c : knobbed) {
            csv.append("p").append(i++).append(",1,ig,false,").append(c.name()).append(",0.5,10,ok\n");
            csv.append("p").append(i++).append(",1,ig,true,").append(c.name()).append(",0.5,20,ok\n");
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.csv"), csv);
        Plots.renderRun(dir);
        List<String> rows = Files.readAllLines(dir.resolve("tables/defenses-adaptive.md")).stream()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| defense"))
                .toList();
        List<String> generic = new ArrayList<>();
        for (Component c : knobbed) {
            rows.stream()
                    .filter(l -> l.startsWith("| " + c.name() + " |"))
                    .filter(l -> l.contains("| p=0.5 |"))
                    .forEach(l -> generic.add(c.name() + " ("
                            + c.descriptor().mainParameter().get().name() + ")"));
        }
        assertFalse(knobbed.isEmpty());
        assertEquals(List.of(), generic, "defenses labelled with the generic knob p= in tables/defenses-adaptive");
    }
}
