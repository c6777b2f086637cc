package org.leakbench.attack.inversion;

import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackResult;
import org.leakbench.update.Observation;

/**
 * LLG label recovery as an attack of its own ({@link LastLayerLabels#llg}): closed form, labels only, so a sweep
 * scores it by {@code label_acc} (the share of the label multiset recovered) and {@code label_exact}.
 */
public final class LlgAttack implements Attack {
    @Override
    public String name() {
        return "llg";
    }

    @Override
    public AttackResult run(Observation obs, AttackContext ctx) {
        long start = System.nanoTime();
        if (ctx.stopRequested()) { // stopped before it began: no result, as for every attack
            return AttackResult.empty(ctx.stopStatus(), 0, DlgAttack.millis(start));
        }
        if (!obs.finiteUpdate()) {
            return AttackResult.empty(AttackResult.DIVERGED, 0, DlgAttack.millis(start));
        }
        int[] labels =
                LastLayerLabels.llg(obs.gradientSignal(), obs.model().spec().numClasses(), obs.batchSize());
        return new AttackResult(null, labels, AttackResult.OK, 0, Double.NaN, DlgAttack.millis(start));
    }
}
