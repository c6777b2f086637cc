package org.leakbench.attack.analytic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Reads inputs off a linear first layer x·W + b that many ReLU units share. Unit j's ratio
 * r_j = (∂L/∂W[:, j]) / (∂L/∂b_j) is the input of the one sample that activated it when only one did, and a mixture
 * weighted by the samples' back-propagated errors otherwise. A sample isolated by several units gives the same ratio
 * in each of them, while mixtures differ from unit to unit; so ratios are grouped when they agree to a relative
 * tolerance, and groups are ranked by how many units repeat them. To compare only near neighbours, ratios are sorted
 * by a random projection: |u·(a − b)| ≤ ‖u‖‖a − b‖, so two ratios within the tolerance are within that bound in the
 * sorted order. A sample isolated by a single unit forms a group of one like a mixture does; among those, the
 * ones that stay inside the data's range [0, 1] come first, since a mixture whose errors differ in sign leaves it.
 */
final class RatioGroups {
    /** Relative L2 distance below which two ratios are the same input (float32 gradients agree to ~1e-6). */
    static final double TOLERANCE = 1e-3;

    private RatioGroups() {}

    /**
     * The up to {@code limit} inputs repeated by the most units, most repeated first (ties: larger total
     * |∂L/∂b|), or an empty array when no unit carries a bias gradient.
     *
     * @param gw    ∂L/∂W, row-major [in, units]
     * @param gb    ∂L/∂b, [units]
     */
    static float[][] strongest(double[] gw, double[] gb, int in, int units, int limit) {
        double peak = 0;
        for (double v : gb) {
            peak = Math.max(peak, Math.abs(v));
        }
        List<Candidate> all = new ArrayList<>();
        double[] u = direction(in);
        for (int j = 0; j < units; j++) {
            if (peak == 0 || Math.abs(gb[j]) <= 1e-9 * peak) {
                continue; // inactive for every sample (or numerically so): no ratio
            }
            double[] r = new double[in];
            double key = 0;
            double norm = 0;
            for (int i = 0; i < in; i++) {
                r[i] = gw[i * units + j] / gb[j];
                key += u[i] * r[i];
                norm += r[i] * r[i];
            }
            all.add(new Candidate(r, key, Math.sqrt(norm), Math.abs(gb[j]), outOfRange(r)));
        }
        all.sort(Comparator.comparingDouble(Candidate::key));
        List<Group> groups = new ArrayList<>();
        List<Group> open = new ArrayList<>(); // groups whose key is still within reach of the next candidate
        for (Candidate c : all) {
            open.removeIf(g -> c.key - g.lead.key > TOLERANCE * Math.max(c.norm, g.lead.norm) + 1e-12);
            Group home = null;
            for (Group g : open) {
                // Relative to the smaller norm: a mixture whose errors nearly cancel has a huge ratio, and a
                // tolerance relative to it would swallow every genuine input nearby.
                if (distance(g.lead.ratio, c.ratio) <= TOLERANCE * Math.min(c.norm, g.lead.norm) + 1e-12) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new Group(c);
                groups.add(home);
                open.add(home);
            } else {
                home.add(c);
            }
        }
        groups.sort(Comparator.comparingInt((Group g) -> -g.size)
                .thenComparingDouble(g -> g.lead.outside)
                .thenComparingDouble(g -> -g.weight));
        int n = Math.min(limit, groups.size());
        float[][] out = new float[n][];
        for (int k = 0; k < n; k++) {
            double[] r = groups.get(k).lead.ratio;
            out[k] = new float[in];
            for (int i = 0; i < in; i++) {
                out[k][i] = (float) r[i];
            }
        }
        return out;
    }

    /** A fixed unit-norm projection (the grouping is exact whatever it is; fixing it keeps runs reproducible). */
    private static double[] direction(int in) {
        SplittableRandom rng = new SplittableRandom(0x5eedL);
        double[] u = new double[in];
        double norm = 0;
        for (int i = 0; i < in; i++) {
            u[i] = rng.nextGaussian();
            norm += u[i] * u[i];
        }
        for (int i = 0; i < in; i++) {
            u[i] /= Math.sqrt(norm);
        }
        return u;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** How far {@code r} leaves [0, 1]: the summed excess, 0 for a genuine input. */
    private static double outOfRange(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v < 0 ? -v : v > 1 ? v - 1 : 0;
        }
        return s;
    }

    private record Candidate(double[] ratio, double key, double norm, double bias, double outside) {}

    /** Ratios that agree; the lead is the one with the largest bias gradient (the least rounding error). */
    private static final class Group {
        Candidate lead;
        int size = 1;
        double weight;

        Group(Candidate c) {
            lead = c;
            weight = c.bias;
        }

        void add(Candidate c) {
            size++;
            weight += c.bias;
            if (c.bias > lead.bias) {
                lead = c;
            }
        }
    }
}
