package org.leakbench.metric;

import java.util.Arrays;
import java.util.Comparator;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * ROC curve of a membership-inference attack: scores where higher means "more likely a member", against the
 * true membership.
 *
 * <p>The curve has one point per distinct score (a threshold between tie groups), from (0, 0) to (1, 1); tied
 * scores move FPR and TPR together, so the curve is a straight segment across a tie group. The AUC is the
 * Mann–Whitney statistic with mid-ranks for ties, which equals the trapezoidal area under this curve: the
 * probability that a random member outscores a random non-member, ties counting one half. Following LiRA
 * (Carlini et al., "Membership Inference Attacks From First Principles", IEEE S&amp;P 2022) the attack is also
 * reported by its TPR at a low FPR such as 1% or 0.1%.
 */
public final class RocCurve {
    private final double[] fpr;
    private final double[] tpr;
    private final double auc;
    private final int members;
    private final int nonMembers;

    private RocCurve(double[] fpr, double[] tpr, double auc, int members, int nonMembers) {
        this.fpr = fpr;
        this.tpr = tpr;
        this.auc = auc;
        this.members = members;
        this.nonMembers = nonMembers;
    }

    /**
     * Builds the curve.
     *
     * @param scores membership scores, higher = more likely a member; ±infinity allowed, NaN rejected
     * @param member ground truth, one per score; both classes must be present
     */
    public static RocCurve of(double[] scores, boolean[] member) {
        if (scores == null || member == null) {
            throw new IllegalArgumentException("ROC: scores and membership must not be null");
        }
        if (scores.length != member.length) {
            throw new IllegalArgumentException(
                    "ROC: " + scores.length + " scores but " + member.length + " membership labels");
        }
        int pos = 0;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("ROC: score " + i + " is NaN (did the attack diverge?)");
            }
            if (member[i]) {
                pos++;
            }
        }
        int neg = scores.length - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException(
                    "ROC: needs both members and non-members, got " + pos + " members and " + neg + " non-members");
        }
        // Indices sorted by descending score; tie groups are consecutive runs.
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        double[] f = new double[scores.length + 1];
        double[] t = new double[scores.length + 1];
        int points = 1;
        int tp = 0, fp = 0;
        // Mann–Whitney: sum over tie groups of (members in group)·(non-members ranked below + half the group's).
        double wins = 0;
        int start = 0;
        while (start < order.length) {
            int end = start;
            int groupPos = 0, groupNeg = 0;
            while (end < order.length && scores[order[end]] == scores[order[start]]) {
                if (member[order[end]]) {
                    groupPos++;
                } else {
                    groupNeg++;
                }
                end++;
            }
            int negBelow = neg - fp - groupNeg;
            wins += groupPos * (negBelow + 0.5 * groupNeg);
            tp += groupPos;
            fp += groupNeg;
            f[points] = fp / (double) neg;
            t[points] = tp / (double) pos;
            points++;
            start = end;
        }
        double auc = wins / ((double) pos * neg);
        return new RocCurve(Arrays.copyOf(f, points), Arrays.copyOf(t, points), auc, pos, neg);
    }

    /** Area under the curve (Mann–Whitney U / (members · non-members), ties count one half). */
    public double auc() {
        return auc;
    }

    /** The largest TPR reached at a threshold whose FPR is at most {@code maxFpr} (in [0, 1]). */
    public double tprAtFpr(double maxFpr) {
        if (!(maxFpr >= 0 && maxFpr <= 1)) {
            throw new IllegalArgumentException("ROC: target FPR must be in [0, 1], got " + maxFpr);
        }
        return tpr[lastIndexAtMost(maxFpr)];
    }

    /** Number of members (positives). */
    public int members() {
        return members;
    }

    /** Number of non-members (negatives). */
    public int nonMembers() {
        return nonMembers;
    }

    /** All ROC points, FPR non-decreasing, from (0, 0) to (1, 1). */
    public Points points() {
        return new Points(fpr.clone(), tpr.clone());
    }

    /**
     * At most {@code maxPoints} ROC points for plotting, always including (0, 0) and (1, 1). Half of the
     * remaining budget goes to FPR values spaced evenly on a log scale from 1/non-members to 1 (so the low-FPR
     * region survives thinning on a log-FPR plot), half to points spaced evenly along the curve.
     */
    public Points points(int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("ROC: maxPoints must be >= 2, got " + maxPoints);
        }
        if (fpr.length <= maxPoints) {
            return points();
        }
        TreeSet<Integer> keep = new TreeSet<>();
        keep.add(0);
        keep.add(fpr.length - 1);
        int budget = maxPoints - 2;
        int logBudget = (budget + 1) / 2;
        double lo = Math.log(1.0 / nonMembers);
        for (int k = 0; k < logBudget; k++) {
            double target = Math.exp(lo + -lo * k / Math.max(1, logBudget - 1));
            keep.add(lastIndexAtMost(Math.min(1.0, target)));
        }
        int linBudget = budget - logBudget;
        for (int k = 1; k <= linBudget; k++) {
            keep.add((int) ((long) k * (fpr.length - 1) / (linBudget + 1)));
        }
        double[] f = new double[keep.size()];
        double[] t = new double[keep.size()];
        int i = 0;
        for (int idx : keep) {
            f[i] = fpr[idx];
            t[i] = tpr[idx];
            i++;
        }
        return new Points(f, t);
    }

    private int lastIndexAtMost(double maxFpr) {
        // fpr is non-decreasing; find the last index with fpr <= maxFpr (index 0 has fpr 0).
        int lo = 0, hi = fpr.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (fpr[mid] <= maxFpr) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** ROC points for plotting: parallel arrays of false- and true-positive rates. */
    public record Points(double[] fpr, double[] tpr) {
        public Points {
            if (fpr.length != tpr.length) {
                throw new IllegalArgumentException(
                        "ROC points: " + fpr.length + " FPR values but " + tpr.length + " TPR values");
            }
        }

        public int size() {
            return fpr.length;
        }
    }
}
