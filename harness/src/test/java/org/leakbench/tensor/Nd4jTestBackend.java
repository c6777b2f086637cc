package org.leakbench.tensor;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.leakbench.tensor.nd4j.Nd4jBackend;

/**
 * The ND4J backend for tests. Only the CUDA build on a machine without a GPU may skip the ND4J tests; on the
 * CPU build the native backend ships in the jar and must start, so failing to start fails the test with the
 * backend's own sentence instead of skipping it silently.
 */
public final class Nd4jTestBackend {
    private Nd4jTestBackend() {}

    /** The started ND4J backend; aborts the test on the CUDA build without a GPU, fails it on the CPU build. */
    public static Backend startOrSkipOnCudaWithoutGpu() {
        try {
            return Backends.get(Nd4jBackend.NAME);
        } catch (BackendUnavailableException e) {
            unavailable(e.getMessage(), Nd4jBackend.cudaBuild());
            throw e; // not reached: unavailable always throws
        }
    }

    /**
     * Ends the test when ND4J cannot start: aborted (skipped) on the CUDA build, failed on the CPU build.
     *
     * @param why the backend's one-sentence reason
     */
    static void unavailable(String why, boolean cudaBuild) {
        if (cudaBuild) {
            Assumptions.abort("ND4J's CUDA build found no GPU: " + why);
        }
        Assertions.fail("ND4J's native CPU backend must start on the CPU build (only the CUDA build without a GPU "
                + "may skip these tests): " + why);
    }
}
