package org.leakbench.tensor.nd4j;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An ND4J workspace for the temporaries of one operation, such as a convolution's patch matrix: arrays that
 * die when the operation returns. A fresh ND4J array costs about half a microsecond per kilobyte (a LeNet
 * patch matrix at batch 32, 1.9 MB, took longer to allocate than to fill); the workspace keeps one block per
 * thread and hands it out again on every call. Results must be allocated before the workspace opens, since
 * everything allocated while it is open is overwritten by the next operation. ND4J keeps workspaces per
 * thread, so parallel sweep points do not share one.
 */
final class Nd4jScratch {
    private static final String ID = "leakbench-op-scratch";

    // Learns the largest operation over its first cycles and grows when a later one needs more.
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.25)
            .policyLearning(LearningPolicy.OVER_TIME)
            .cyclesBeforeInitialization(4)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private Nd4jScratch() {}

    /** Opens this thread's scratch workspace; close it (try-with-resources) before returning a result. */
    static MemoryWorkspace open() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, ID);
    }
}
