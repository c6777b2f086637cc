package org.leakbench.attack.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.tensor.Backends;

/**
 * Soundness: across settings of every audited mechanism, as the production code runs them, ε̂ never exceeds the
 * accountant's ε (each bound holds with confidence 0.95; the seeds are fixed). And power: where the accountant is
 * tight (one unsampled release) the white-box audit gets close to ε, so the test is not passed by an audit that
 * finds nothing.
 */
class AuditSoundnessTest {
    private static final double DELTA = 1e-5;
    private static final double CONFIDENCE = 0.95;

    record Case(CanaryMechanism mechanism, AuditMethod method, int runs, int canaries) {}

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (double sigma : new double[] {0.7, 1.5, 3}) {
            for (AuditSetting s : List.of(new AuditSetting(sigma, 1, 1, 1), new AuditSetting(sigma, 2, 0.2, 10))) {
                cases.add(new Case(new DiracCanaries(DiracCanaries.Target.DP_SGD, s, 1), AuditMethod.MANY_RUN, 8, 250));
                cases.add(new Case(new DiracCanaries(DiracCanaries.Target.DP_SGD, s, 1), AuditMethod.ONE_RUN, 1, 1000));
            }
            AuditSetting client = new AuditSetting(sigma, 0.5, 0.5, 5);
            cases.add(new Case(
                    new DiracCanaries(DiracCanaries.Target.CLIENT_DP, client, 1), AuditMethod.MANY_RUN, 8, 250));
            AuditSetting local = new AuditSetting(sigma, 1, 1, 3);
            cases.add(new Case(new LocalDpCanaries(local, 1), AuditMethod.MANY_RUN, 8, 250));
            cases.add(new Case(new LocalDpCanaries(local, 1), AuditMethod.ONE_RUN, 1, 1000));
        }
        return cases;
    }

    @Test
    void whiteBoxAuditsNeverExceedTheAccountant() {
        SplittableRandom rng = new SplittableRandom(21);
        for (Case c : cases()) {
            AuditOutcome o =
                    CanaryAudit.run(c.mechanism(), c.method(), c.runs(), c.canaries(), CONFIDENCE, DELTA, rng.split());
            assertTrue(
                    !o.violates(),
                    c.method().id() + " " + o.mechanism() + ": ε̂ " + o.bound().epsilon() + " > ε "
                            + o.accountantEpsilon() + " (" + o.bound().detail() + ")");
        }
    }

    @Test
    void whiteBoxAuditOfOneReleaseFindsMostOfWhatItsTrialsCanShow() {
        // One release at σ = 0.7 tells N(0, 0.49) from N(1, 0.49): the threshold test at FPR 0.5% has TPR
        // Φ(1/0.7 − 2.576) ≈ 0.125, so ln(TPR/FPR) ≈ 3.2 is there to be certified; with 5000 trials a side the
        // Clopper–Pearson slack costs a little of it, and the accountant's ε (about 7.4) lies in tails (FPR below
        // 1e-3) that so few trials cannot see.
        AuditSetting s = new AuditSetting(0.7, 1, 1, 1);
        AuditOutcome o = CanaryAudit.run(
                new DiracCanaries(DiracCanaries.Target.DP_SGD, s, 1),
                AuditMethod.MANY_RUN,
                20,
                1000,
                CONFIDENCE,
                DELTA,
                new SplittableRandom(3));
        assertTrue(
                o.bound().epsilon() > 2.5 && !o.violates(),
                "ε̂ " + o.bound().epsilon() + ", ε " + o.accountantEpsilon() + ": "
                        + o.bound().detail());
    }

    @Test
    void blackBoxInputCanariesStaySound() {
        var be = Backends.get(Backends.DEFAULT);
        SplittableRandom rng = new SplittableRandom(5);
        for (double sigma : new double[] {0.5, 2}) {
            MislabelledCanaries m = new MislabelledCanaries(new AuditSetting(sigma, 1, 0.25, 8), be);
            AuditOutcome many = CanaryAudit.run(m, AuditMethod.MANY_RUN, 40, 1, CONFIDENCE, DELTA, rng.split());
            AuditOutcome one = CanaryAudit.run(m, AuditMethod.ONE_RUN, 1, 64, CONFIDENCE, DELTA, rng.split());
            for (AuditOutcome o : List.of(many, one)) {
                assertTrue(
                        !o.violates(), o.mechanism() + ": ε̂ " + o.bound().epsilon() + " > ε " + o.accountantEpsilon());
            }
        }
    }
}
