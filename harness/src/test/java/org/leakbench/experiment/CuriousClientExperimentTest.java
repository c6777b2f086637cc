package org.leakbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackFixtures;
import org.leakbench.attack.AttackResult;
import org.leakbench.attack.analytic.AnalyticAttack;
import org.leakbench.attack.inversion.DlgAttack;
import org.leakbench.attack.inversion.DlgOptions;
import org.leakbench.data.DataSplit;
import org.leakbench.model.Activation;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.update.Observation;

/**
 * A curious client inverts the aggregate of the others (difference of successive global models minus its own
 * gradient). With one other client that aggregate is a single sample's gradient and leaks it; every further
 * client mixes one more sample into the same gradient.
 */
class CuriousClientExperimentTest {
    private final Backend be = Backends.get("ejml");
    private final DataSplit data = AttackFixtures.fashion();

    private CuriousClientExperiment experiment(ModelSpec spec) {
        return new CuriousClientExperiment(
                Models.build(spec), be, data.test().samples(), data.test().labels());
    }

    @Test
    void analyticRecoveryOfTheOthersFallsAsTheyGrowInNumber() {
        CuriousClientExperiment e = experiment(ModelSpec.mlp(new int[] {1, 28, 28}, 10, 0.5, 1, Activation.RELU));
        Attack analytic = new AnalyticAttack();
        CuriousClientExperiment.Outcome one = e.run(1, 1, 47, analytic, 1);
        assertEquals(AttackResult.OK, one.status());
        assertTrue(
                one.score().meanPsnr() > 60,
                "one other client: PSNR " + one.score().meanPsnr());
        assertEquals(1.0, one.score().recoveredFraction());
        double previousSsim = one.score().meanSsim();
        StringBuilder curve = new StringBuilder("1: " + previousSsim);
        for (int others : new int[] {2, 8}) {
            CuriousClientExperiment.Outcome o = e.run(others, 1, 47, analytic, 1);
            curve.append(", ").append(others).append(": ").append(o.score().meanSsim());
            assertTrue(
                    o.score().meanPsnr() < 20,
                    others + " other clients: PSNR " + o.score().meanPsnr());
            assertEquals(0.0, o.score().recoveredFraction(), "no sample of " + others + " should be recovered");
            assertTrue(o.score().meanSsim() < previousSsim - 0.1, "SSIM should fall with more clients: " + curve);
            previousSsim = o.score().meanSsim();
        }
    }

    /** Infinities clamped to [0, 1] would score as a (badly) defended white image: they are a divergence. */
    @Test
    void anAttackReturningInfinitiesIsDivergedAndNotScored() {
        CuriousClientExperiment e = experiment(ModelSpec.mlp(new int[] {1, 28, 28}, 10, 0.5, 1, Activation.RELU));
        Attack infinite = new Attack() {
            @Override
            public String name() {
                return "infinite";
            }

            @Override
            public AttackResult run(Observation o, AttackContext ctx) {
                float[][] x = new float[o.batchSize()][784];
                java.util.Arrays.stream(x).forEach(r -> java.util.Arrays.fill(r, Float.POSITIVE_INFINITY));
                return new AttackResult(x, null, AttackResult.OK, 1, 0.0, 0);
            }
        };
        CuriousClientExperiment.Outcome o = e.run(1, 1, 47, infinite, 1);
        assertEquals(AttackResult.DIVERGED, o.status());
        assertEquals(null, o.score());
    }

    @Test
    void dlgOnLeNetLeaksTheOnlyOtherClientButNotTwo() {
        CuriousClientExperiment e = experiment(ModelSpec.lenet(new int[] {1, 28, 28}, 10));
        Attack dlg = new DlgAttack(DlgOptions.paper());
        double one = e.run(1, 1, 47, dlg, 1).score().meanPsnr();
        double two = e.run(2, 1, 47, dlg, 1).score().meanPsnr();
        assertTrue(one > 30, "one other client: PSNR " + one);
        assertTrue(two < one - 10, "two other clients: PSNR " + two + " vs " + one);
    }

    @Test
    void rejectsMoreClientsThanRows() {
        CuriousClientExperiment e = experiment(ModelSpec.mlp(new int[] {1, 28, 28}, 10, 0.25, 1, Activation.RELU));
        IllegalArgumentException ex = assertThrows(
                IllegalArgumentException.class, () -> e.run(data.test().size(), 1, 0, new AnalyticAttack(), 1));
        assertTrue(ex.getMessage().contains("rows"), ex.getMessage());
    }
}
