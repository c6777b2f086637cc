package org.leakbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.leakbench.results.ProvenanceFile;

/** The secure-aggregation routes are probed for provenance only when a point aggregates securely. */
class ProvenanceRoutesTest {
    private final SweepParser parser = new SweepParser(ParameterRegistry.defaults());

    private Sweep sweep(String defenses) {
        return parser.parse("""
                name: routes
                seeds: [1]
                grid:
                  model: [mlp]
                  fl.clients: [4]
                  defense: [%s]
                """.formatted(defenses), "routes.yaml");
    }

    @Test
    void sweepWithoutSecureAggregationSkipsTheProbe() {
        Sweep s = sweep("none, noise");
        assertFalse(Provenance.usesSecureAggregation(s));
        assertEquals(SystemInfo.NOT_PROBED, SystemInfo.machine(false).get(ProvenanceFile.MASK_PRG));
        assertEquals(SystemInfo.NOT_PROBED, SystemInfo.machine(false).get(ProvenanceFile.X25519));
    }

    @Test
    void anySecureAggregationPointProbesTheRoutes() {
        assertTrue(Provenance.usesSecureAggregation(sweep("none, secagg")));
        assertTrue(Provenance.usesSecureAggregation(sweep("ddp-secagg")));
        assertNotEquals(SystemInfo.NOT_PROBED, SystemInfo.machine(true).get(ProvenanceFile.MASK_PRG));
        assertNotEquals(SystemInfo.NOT_PROBED, SystemInfo.machine().get(ProvenanceFile.X25519));
    }
}
