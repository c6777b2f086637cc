package org.leakbench.pipeline;

import org.leakbench.attack.Attack;
import org.leakbench.attack.OracleAttack;
import org.leakbench.attack.RandomAttack;
import org.leakbench.attack.analytic.AnalyticAttack;
import org.leakbench.attack.analytic.RobbingTheFedAttack;
import org.leakbench.attack.inversion.DlgAttack;
import org.leakbench.attack.inversion.DlgOptions;
import org.leakbench.attack.inversion.InvertingGradientsAttack;
import org.leakbench.attack.inversion.InvertingGradientsOptions;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.DType;

/** Maps the {@code attack} parameter and its options to an {@link Attack}. */
public final class AttackFactory {
    /** Attacks that reconstruct inputs from an update (the pipeline of this package). */
    public static final java.util.List<String> RECONSTRUCTION = java.util.List.of("dlg", "idlg", "ig", "analytic",
            "rtf", "oracle", "random", "none");

    private AttackFactory() {
    }

    public static Attack create(SweepPoint p, VictimCase c) {
        String name = p.string("attack");
        int iterations = p.intValue("attack.iterations");
        return switch (name) {
            case "dlg" -> new DlgAttack(new DlgOptions(iterations, false, DType.F32));
            case "idlg" -> new DlgAttack(new DlgOptions(iterations, true, DType.F32));
            case "ig" -> new InvertingGradientsAttack(new InvertingGradientsOptions(iterations,
                    p.intValue("attack.restarts"), p.doubleValue("attack.lr"), p.doubleValue("attack.tv"), DType.F32));
            case "analytic" -> new AnalyticAttack();
            case "rtf" -> new RobbingTheFedAttack();
            case "oracle" -> new OracleAttack(c.images(), c.labels());
            case "random" -> new RandomAttack();
            default -> throw new IllegalArgumentException("attack '" + name + "' does not reconstruct inputs; "
                    + "this pipeline runs " + RECONSTRUCTION);
        };
    }
}
