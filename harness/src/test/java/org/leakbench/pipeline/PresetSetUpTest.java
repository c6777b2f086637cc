package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;
import org.leakbench.sweep.ParameterRegistry;
import org.leakbench.sweep.Presets;
import org.leakbench.sweep.Sweep;

/**
 * Every bundled preset passes the checks a sweep gets before its first point runs (components that fit the
 * data, models that fit the samples, attacks that fit the models), so a preset never fails minutes into a run.
 */
class PresetSetUpTest {
    @Test
    void everyPresetPassesTheSetUpChecks() {
        for (String name : Presets.NAMES) {
            Sweep sweep = Presets.load(name, ParameterRegistry.defaults());
            assertDoesNotThrow(() -> new PipelineFactory().create(sweep), name);
        }
    }
}
