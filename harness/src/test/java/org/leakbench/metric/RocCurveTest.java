package org.leakbench.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RocCurveTest {

    @Test
    void perfectReversedAndTiedScores() {
        boolean[] member = {true, true, false, false, false};
        assertEquals(1.0, RocCurve.of(new double[] {5, 4, 3, 2, 1}, member).auc());
        assertEquals(0.0, RocCurve.of(new double[] {1, 2, 3, 4, 5}, member).auc());
        RocCurve ties = RocCurve.of(new double[] {7, 7, 7, 7, 7}, member);
        assertEquals(0.5, ties.auc());
        assertArrayEquals(new double[] {0, 1}, ties.points().fpr());
        assertEquals(0.0, ties.tprAtFpr(0.99));
    }

    @Test
    void smallCaseByHand() {
        // Members 0.9 and 0.7; non-members 0.8, 0.7, 0.1. Member 0.9 beats all three (3), member 0.7 beats
        // 0.1, ties 0.7 and loses to 0.8 (1.5): AUC = 4.5 / 6.
        double[] scores = {0.9, 0.8, 0.7, 0.7, 0.1};
        boolean[] member = {true, false, true, false, false};
        RocCurve roc = RocCurve.of(scores, member);
        assertEquals(0.75, roc.auc(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 1 / 3.0, 2 / 3.0, 1}, roc.points().fpr(), 1e-15);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, roc.points().tpr(), 1e-15);
        assertEquals(0.5, roc.tprAtFpr(0.0));
        assertEquals(0.5, roc.tprAtFpr(0.5));
        assertEquals(1.0, roc.tprAtFpr(2 / 3.0));
        assertEquals(2, roc.members());
        assertEquals(3, roc.nonMembers());
    }

    @Test
    void aucEqualsPairCountingAndTrapezoidArea() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 20 + rnd.nextInt(60);
            double[] s = new double[n];
            boolean[] m = new boolean[n];
            for (int i = 0; i < n; i++) {
                m[i] = i % 3 == 0 || rnd.nextBoolean();
                s[i] = rnd.nextInt(8) + (m[i] ? 1.5 : 0); // coarse scores: many ties
            }
            m[1] = false;
            double wins = 0;
            int pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (m[i] && !m[j]) {
                        pairs++;
                        wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    }
                }
            }
            RocCurve roc = RocCurve.of(s, m);
            assertEquals(wins / pairs, roc.auc(), 1e-12);
            RocCurve.Points p = roc.points();
            double area = 0;
            for (int k = 1; k < p.size(); k++) {
                area += (p.fpr()[k] - p.fpr()[k - 1]) * (p.tpr()[k] + p.tpr()[k - 1]) / 2;
            }
            assertEquals(roc.auc(), area, 1e-12);
        }
    }

    @Test
    void tprAtLowFprOnALargeSample() {
        // 1000 non-members at scores 0..999, 100 members above 995: FPR <= 0.001 allows one non-member.
        int neg = 1000, pos = 100;
        double[] s = new double[neg + pos];
        boolean[] m = new boolean[neg + pos];
        for (int i = 0; i < neg; i++) {
            s[i] = i;
        }
        for (int i = 0; i < pos; i++) {
            s[neg + i] = 995.5 + i * 0.001; // above 995, below 996..999
            m[neg + i] = true;
        }
        RocCurve roc = RocCurve.of(s, m);
        assertEquals(0.0, roc.tprAtFpr(0.001)); // 4 non-members (996..999) outrank every member
        assertEquals(1.0, roc.tprAtFpr(0.004));
        assertEquals(1.0, roc.tprAtFpr(0.01));
    }

    @Test
    void thinnedPointsKeepEndsAndLowFprRegion() {
        SplittableRandom rnd = new SplittableRandom(12);
        int n = 20_000;
        double[] s = new double[n];
        boolean[] m = new boolean[n];
        for (int i = 0; i < n; i++) {
            m[i] = rnd.nextBoolean();
            s[i] = rnd.nextDouble() + (m[i] ? 0.3 : 0);
        }
        RocCurve roc = RocCurve.of(s, m);
        RocCurve.Points thin = roc.points(50);
        assertTrue(thin.size() <= 50 && thin.size() > 20, "size " + thin.size());
        assertEquals(0.0, thin.fpr()[0]);
        assertEquals(1.0, thin.fpr()[thin.size() - 1]);
        assertEquals(1.0, thin.tpr()[thin.size() - 1]);
        int lowFpr = 0;
        for (int k = 0; k < thin.size(); k++) {
            if (thin.fpr()[k] > 0 && thin.fpr()[k] <= 0.01) {
                lowFpr++;
            }
            if (k > 0) {
                assertTrue(thin.fpr()[k] >= thin.fpr()[k - 1] && thin.tpr()[k] >= thin.tpr()[k - 1]);
            }
        }
        assertTrue(lowFpr >= 8, "only " + lowFpr + " points with FPR in (0, 1%]");
        assertEquals(roc.points().size(), roc.points(1_000_000).size());
    }

    @Test
    void argumentErrors() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> RocCurve.of(new double[] {1, Double.NaN}, new boolean[] {true, false}));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("1"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> RocCurve.of(new double[] {1, 2}, new boolean[] {true, true}));
        assertTrue(e.getMessage().contains("non-members"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RocCurve.of(new double[] {1}, new boolean[] {true, false}));
        RocCurve roc = RocCurve.of(new double[] {1, 0}, new boolean[] {true, false});
        assertThrows(IllegalArgumentException.class, () -> roc.tprAtFpr(1.5));
        assertThrows(IllegalArgumentException.class, () -> roc.points(1));
    }
}
