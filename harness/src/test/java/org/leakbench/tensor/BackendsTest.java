package org.leakbench.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Choosing a backend by name: the registered providers, the default, and the java backend's former name. */
class BackendsTest {
    @Test
    void theProvidersOnTheClassPathAreTheNames() {
        assertEquals(List.of("java", "nd4j"), Backends.NAMES);
        assertEquals(List.of("java", "nd4j", "ejml"), Backends.ACCEPTED);
        assertEquals("java", Backends.defaultBackend().name());
    }

    @Test
    void ejmlIsAnAliasOfTheJavaBackend() {
        assertEquals("java", Backends.canonicalName("ejml"));
        assertEquals("java", Backends.canonicalName(" EJML "));
        assertTrue(Backends.isKnown("ejml"));
        assertSame(Backends.get("java"), Backends.get("ejml"), "one instance whatever name it is asked by");
        assertEquals("java", Backends.get("ejml").name(), "results record the backend's own name");
    }

    @Test
    void anUnknownNameListsTheChoicesAndTheAliases() {
        assertFalse(Backends.isKnown("cuda"));
        assertFalse(Backends.isKnown(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.get("cuda"));
        assertEquals("unknown backend 'cuda'; choose one of [java, nd4j] (also accepted: ejml)", e.getMessage());
    }
}
