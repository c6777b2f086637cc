package org.leakbench.attack.membership;

import java.util.SplittableRandom;

/** Test-only attacks that bracket every metric: the oracle knows the truth, the random one guesses. */
final class ReferenceScorers {
    private ReferenceScorers() {}

    /** Scores 1 for members and 0 for non-members; it is told the truth (candidate i is a member iff member[i]). */
    static MembershipAttack oracle(boolean[] member) {
        return scorer("oracle", (i, rng) -> member[i] ? 1 : 0);
    }

    /** Uniform random scores from the rng: the floor any attack must beat. */
    static MembershipAttack random() {
        return scorer("random", (i, rng) -> rng.nextDouble());
    }

    /** The score of candidate {@code i}, which may draw from the attack's rng. */
    private interface Score {
        double of(int i, SplittableRandom rng);
    }

    /** An attack that checks the candidates, then scores them in order, never reading the target model. */
    private static MembershipAttack scorer(String name, Score score) {
        return new MembershipAttack() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] scores(MembershipTarget target, float[][] samples, int[] labels, SplittableRandom rng) {
                ModelOutputs.checkCandidates(samples, labels, target.model());
                double[] s = new double[samples.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = score.of(i, rng);
                }
                return s;
            }
        };
    }
}
