package org.leakbench.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.leakbench.tensor.nd4j.Nd4jBackend;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** ND4J tests skip only on the CUDA build without a GPU; on the CPU build a backend that cannot start fails. */
class Nd4jTestBackendTest {
    private static final String WHY = "The nd4j backend could not load its native CPU library (libgomp.so.1).";

    @Test
    void theCpuBuildFailsWithTheBackendsSentence() {
        AssertionFailedError e =
                assertThrows(AssertionFailedError.class, () -> Nd4jTestBackend.unavailable(WHY, false));
        assertTrue(
                e.getMessage().contains("must start on the CPU build")
                        && e.getMessage().endsWith(WHY),
                e.getMessage());
    }

    @Test
    void onlyTheCudaBuildSkips() {
        TestAbortedException e = assertThrows(TestAbortedException.class, () -> Nd4jTestBackend.unavailable(WHY, true));
        assertTrue(e.getMessage().contains("CUDA build found no GPU"), e.getMessage());
    }

    /** This build's ND4J starts (the CPU build always; the CUDA build where a GPU is present). */
    @Test
    void thisBuildsBackendStartsOrIsTheCudaBuild() {
        Backend b = Nd4jTestBackend.startOrSkipOnCudaWithoutGpu();
        assertEquals(Nd4jBackend.cudaBuild() ? "CUDA" : "CPU", ((Nd4jBackend) b).deviceKind());
    }
}
