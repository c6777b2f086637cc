package org.leakbench.defense.client;

import java.util.Arrays;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;

/**
 * An affine map of one h×w image channel onto itself: output pixel p is Σ_t weight[p][t]·in[source[p][t]] +
 * offset[p]. Flips, shifts and rotations (bilinear, zero outside the image) and contrast about mid-grey are such
 * maps, and so is any composition of them, which is how a policy of several transformations is applied exactly
 * and differentiably. Immutable.
 */
final class PixelMap {
    private final int h;
    private final int w;
    private final int[][] source;
    private final double[][] weight;
    private final double[] offset;

    private PixelMap(int h, int w, int[][] source, double[][] weight, double[] offset) {
        this.h = h;
        this.w = w;
        this.source = source;
        this.weight = weight;
        this.offset = offset;
    }

    /** The identity on h×w images. */
    static PixelMap identity(int h, int w) {
        int[][] src = new int[h * w][];
        double[][] wt = new double[h * w][];
        for (int p = 0; p < h * w; p++) {
            src[p] = new int[] {p};
            wt[p] = new double[] {1};
        }
        return new PixelMap(h, w, src, wt, new double[h * w]);
    }

    /** Output (y, x) reads the input at the real position {@code sample(y, x)} = {y', x'}, bilinearly, 0 outside. */
    static PixelMap resample(int h, int w, java.util.function.BiFunction<Integer, Integer, double[]> sample) {
        int[][] src = new int[h * w][];
        double[][] wt = new double[h * w][];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] at = sample.apply(y, x);
                int y0 = (int) Math.floor(at[0] + 1e-9);
                int x0 = (int) Math.floor(at[1] + 1e-9);
                double fy = Math.max(0, at[0] - y0);
                double fx = Math.max(0, at[1] - x0);
                int[] s = new int[4];
                double[] c = new double[4];
                int k = 0;
                for (int dy = 0; dy <= 1; dy++) {
                    for (int dx = 0; dx <= 1; dx++) {
                        double cw = (dy == 0 ? 1 - fy : fy) * (dx == 0 ? 1 - fx : fx);
                        int yy = y0 + dy;
                        int xx = x0 + dx;
                        if (cw > 1e-12 && yy >= 0 && yy < h && xx >= 0 && xx < w) {
                            s[k] = yy * w + xx;
                            c[k++] = cw;
                        }
                    }
                }
                src[y * w + x] = Arrays.copyOf(s, k);
                wt[y * w + x] = Arrays.copyOf(c, k);
            }
        }
        return new PixelMap(h, w, src, wt, new double[h * w]);
    }

    /** The pointwise map v ↦ scale·v + shift. */
    static PixelMap pointwise(int h, int w, double scale, double shift) {
        PixelMap id = identity(h, w);
        double[][] wt = new double[h * w][];
        double[] off = new double[h * w];
        for (int p = 0; p < h * w; p++) {
            wt[p] = new double[] {scale};
            off[p] = shift;
        }
        return new PixelMap(h, w, id.source, wt, off);
    }

    /** This map applied after {@code first}: v ↦ this(first(v)). */
    PixelMap after(PixelMap first) {
        int n = h * w;
        int[][] src = new int[n][];
        double[][] wt = new double[n][];
        double[] off = new double[n];
        for (int p = 0; p < n; p++) {
            java.util.Map<Integer, Double> taps = new java.util.TreeMap<>();
            double o = offset[p];
            for (int t = 0; t < source[p].length; t++) {
                int q = source[p][t];
                double a = weight[p][t];
                o += a * first.offset[q];
                for (int u = 0; u < first.source[q].length; u++) {
                    taps.merge(first.source[q][u], a * first.weight[q][u], Double::sum);
                }
            }
            src[p] = taps.keySet().stream().mapToInt(Integer::intValue).toArray();
            wt[p] = taps.values().stream().mapToDouble(Double::doubleValue).toArray();
            off[p] = o;
        }
        return new PixelMap(h, w, src, wt, off);
    }

    /** The map applied to one channel stored at {@code in[from .. from + h·w)}, written to {@code out}. */
    void apply(double[] in, double[] out, int from) {
        for (int p = 0; p < h * w; p++) {
            double v = offset[p];
            for (int t = 0; t < source[p].length; t++) {
                v += weight[p][t] * in[from + source[p][t]];
            }
            out[from + p] = v;
        }
    }

    /** The map applied to every channel of a batch x [n, c, h, w], differentiably. */
    Var apply(Var x) {
        int[] s = x.shape();
        int rows = s[0] * s[1];
        int n = h * w;
        double[] m = new double[n * n]; // m[q, p]: weight of input pixel q in output pixel p
        for (int p = 0; p < n; p++) {
            for (int t = 0; t < source[p].length; t++) {
                m[source[p][t] * n + p] += weight[p][t];
            }
        }
        Backend be = x.backend();
        DType dtype = x.value().dtype();
        Var flat = Ops.reshape(x, rows, n);
        Var mapped = Ops.add(
                Ops.matmul(flat, Var.constant(be.fromArray(m, dtype, n, n))),
                Var.constant(be.fromArray(offset, dtype, n)));
        return Ops.reshape(mapped, s);
    }
}
