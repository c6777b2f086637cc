package org.leakbench.attack;

import static org.leakbench.component.Range.above;
import static org.leakbench.component.Range.atLeast;
import static org.leakbench.component.Tier.CHEAP;

import org.leakbench.component.ParameterSpec;

/**
 * Sweep parameters shared by the optimisation attacks. Their defaults are DLG's (Zhu et al. 2019), which every
 * row written before per-attack defaults existed used; an attack with other defaults overrides them in its
 * descriptor.
 */
public final class AttackParameters {
    public static final ParameterSpec ITERATIONS = ParameterSpec.ofInt(
                    "attack.iterations", CHEAP, atLeast(1), 300, "optimizer iterations of an inversion attack")
            .withUnit("iterations");
    public static final ParameterSpec RESTARTS = ParameterSpec.ofInt(
                    "attack.restarts", CHEAP, atLeast(1), 1, "random restarts of an inversion attack")
            .withUnit("restarts");
    public static final ParameterSpec TV = ParameterSpec.ofDouble(
                    "attack.tv", CHEAP, atLeast(0), 0.0, "total-variation prior weight")
            .withUnit("weight of mean |dx| + mean |dy|");
    public static final ParameterSpec LR = ParameterSpec.ofDouble(
                    "attack.lr", CHEAP, above(0), 0.1, "attack optimizer step size")
            .withUnit("step size in pixel units");
    /** α of TAG's gradient distance ‖Δ‖² + α‖Δ‖₁; 0 (no L1 term) is the distance of every attack before it. */
    public static final ParameterSpec L1 = ParameterSpec.ofDouble(
                    "attack.l1", CHEAP, atLeast(0), 0.0, "weight of the L1 term in the gradient distance")
            .withUnit("weight of the L1 distance");

    private AttackParameters() {}
}
