package org.leakbench.attack.membership;

import java.util.SplittableRandom;

/** Test-only attacks that bracket every metric: the oracle knows the truth, the random one guesses. */
final class ReferenceScorers {
    private ReferenceScorers() {
    }

    /** Scores 1 for members and 0 for non-members; it is told the truth (candidate i is a member iff member[i]). */
    static MembershipAttack oracle(boolean[] member) {
        return new MembershipAttack() {
            @Override
            public String name() {
                return "oracle";
            }

            @Override
            public double[] scores(MembershipTarget target, float[][] samples, int[] labels, SplittableRandom rng) {
                ModelOutputs.checkCandidates(samples, labels, target.model());
                double[] s = new double[samples.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = member[i] ? 1 : 0;
                }
                return s;
            }
        };
    }

    /** Uniform random scores from the rng: the floor any attack must beat. */
    static MembershipAttack random() {
        return new MembershipAttack() {
            @Override
            public String name() {
                return "random";
            }

            @Override
            public double[] scores(MembershipTarget target, float[][] samples, int[] labels, SplittableRandom rng) {
                ModelOutputs.checkCandidates(samples, labels, target.model());
                double[] s = new double[samples.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = rng.nextDouble();
                }
                return s;
            }
        };
    }
}
