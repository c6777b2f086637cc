package org.leakbench.tensor.cpu;

import org.leakbench.tensor.Conv2dSpec;

/**
 * The three linear maps of a 2-D convolution (NCHW, cross-correlation) as patch-matrix products: the batch's
 * k_h·k_w patches are unfolded into one matrix ("im2col"), so each map becomes loops of long multiply-adds over
 * contiguous rows that the JIT vectorises, instead of short bounds-checked loops over output columns. Patch row
 * r = (c·k_h + i)·k_w + j, column b·cols + y·W_out + x for image b.
 */
final class JavaConv {
    private JavaConv() {}

    /**
     * Unfolds every image of x into one patch matrix (zero where a patch reaches into the padding): [rows, n·cols]
     * with image b in columns b·cols ..., or with {@code transposed} [n·cols, rows]. One matrix for the whole batch
     * keeps the inner loops long, which is what lets them vectorise.
     */
    private static double[] im2col(double[] x, ConvGeometry g, boolean transposed) {
        double[] out = new double[g.rows() * g.n() * g.cols()];
        walkPatches(x, out, g, transposed, false);
        return out;
    }

    /** Adds every patch entry back onto the input pixel it came from (the adjoint of {@link #im2col}). */
    private static void col2im(double[] patches, ConvGeometry g, double[] gx) {
        walkPatches(gx, patches, g, false, true);
    }

    /**
     * Visits every (input pixel, patch entry) pair that lies inside the image: copies the pixel into the patch
     * matrix, or with {@code fold} adds the patch entry onto the pixel.
     */
    private static void walkPatches(
            double[] image, double[] patches, ConvGeometry g, boolean transposed, boolean fold) {
        int rows = g.rows();
        int cols = g.cols();
        int wide = g.n() * cols;
        for (int b = 0; b < g.n(); b++) {
            for (int ci = 0; ci < g.c(); ci++) {
                int xo = (b * g.c() + ci) * g.h() * g.w();
                for (int i = 0; i < g.kh(); i++) {
                    for (int j = 0; j < g.kw(); j++) {
                        int r = (ci * g.kh() + i) * g.kw() + j;
                        int lo = g.firstInside(j);
                        int hi = g.lastInside(j);
                        for (int oy = 0; oy < g.oh(); oy++) {
                            int hr = oy * g.s() + i - g.p();
                            if (hr < 0 || hr >= g.h()) {
                                continue;
                            }
                            int xrow = xo + hr * g.w() + j - g.p();
                            int l0 = b * cols + oy * g.ow();
                            int p0 = transposed ? l0 * rows + r : r * wide + l0; // patch entry of column l0
                            int step = transposed ? rows : 1;
                            int s = g.s();
                            if (fold) {
                                for (int ox = lo; ox <= hi; ox++) {
                                    image[xrow + ox * s] += patches[p0 + ox * step];
                                }
                            } else {
                                for (int ox = lo; ox <= hi; ox++) {
                                    patches[p0 + ox * step] = image[xrow + ox * s];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** The output-shaped [n, k, cols] array as [k, n·cols], the layout the patch matrix products need. */
    private static double[] channelsFirst(double[] y, ConvGeometry g) {
        int cols = g.cols();
        double[] out = new double[y.length];
        for (int b = 0; b < g.n(); b++) {
            for (int o = 0; o < g.k(); o++) {
                System.arraycopy(y, (b * g.k() + o) * cols, out, o * g.n() * cols + b * cols, cols);
            }
        }
        return out;
    }

    static void forward(double[] x, int[] xs, double[] w, int[] ws, double[] y, int[] ys, Conv2dSpec spec) {
        ConvGeometry g = ConvGeometry.of(xs, ws, ys, spec);
        int rows = g.rows();
        int cols = g.cols();
        int wide = g.n() * cols;
        double[] patches = im2col(x, g, false);
        // Four output channels per pass over the patch matrix, which is read k/4 times instead of k times.
        double[][] acc = new double[4][wide];
        for (int o0 = 0; o0 < g.k(); o0 += 4) {
            int block = Math.min(4, g.k() - o0);
            for (double[] a : acc) {
                java.util.Arrays.fill(a, 0.0);
            }
            if (block == 4) {
                double[] a0 = acc[0];
                double[] a1 = acc[1];
                double[] a2 = acc[2];
                double[] a3 = acc[3];
                for (int r = 0; r < rows; r++) {
                    double w0 = w[o0 * rows + r];
                    double w1 = w[(o0 + 1) * rows + r];
                    double w2 = w[(o0 + 2) * rows + r];
                    double w3 = w[(o0 + 3) * rows + r];
                    int po = r * wide;
                    for (int l = 0; l < wide; l++) {
                        double pv = patches[po + l];
                        a0[l] += w0 * pv;
                        a1[l] += w1 * pv;
                        a2[l] += w2 * pv;
                        a3[l] += w3 * pv;
                    }
                }
            } else {
                for (int q = 0; q < block; q++) {
                    double[] a = acc[q];
                    int wo = (o0 + q) * rows;
                    for (int r = 0; r < rows; r++) {
                        double wv = w[wo + r];
                        int po = r * wide;
                        for (int l = 0; l < wide; l++) {
                            a[l] += wv * patches[po + l];
                        }
                    }
                }
            }
            for (int q = 0; q < block; q++) {
                for (int b = 0; b < g.n(); b++) {
                    System.arraycopy(acc[q], b * cols, y, (b * g.k() + o0 + q) * cols, cols);
                }
            }
        }
    }

    static void inputAdjoint(double[] grad, int[] gs, double[] w, int[] ws, double[] gx, int[] xs, Conv2dSpec spec) {
        ConvGeometry g = ConvGeometry.of(xs, ws, gs, spec);
        int rows = g.rows();
        int wide = g.n() * g.cols();
        double[] gk = channelsFirst(grad, g);
        double[] patches = new double[rows * wide];
        // Four output channels per pass over the patch matrix, as in forward.
        for (int o0 = 0; o0 < g.k(); o0 += 4) {
            if (g.k() - o0 >= 4) {
                int g0 = o0 * wide;
                int g1 = g0 + wide;
                int g2 = g1 + wide;
                int g3 = g2 + wide;
                for (int r = 0; r < rows; r++) {
                    double w0 = w[o0 * rows + r];
                    double w1 = w[(o0 + 1) * rows + r];
                    double w2 = w[(o0 + 2) * rows + r];
                    double w3 = w[(o0 + 3) * rows + r];
                    int po = r * wide;
                    for (int l = 0; l < wide; l++) {
                        patches[po + l] += w0 * gk[g0 + l] + w1 * gk[g1 + l] + w2 * gk[g2 + l] + w3 * gk[g3 + l];
                    }
                }
            } else {
                for (int o = o0; o < g.k(); o++) {
                    int wo = o * rows;
                    int go = o * wide;
                    for (int r = 0; r < rows; r++) {
                        double wv = w[wo + r];
                        int po = r * wide;
                        for (int l = 0; l < wide; l++) {
                            patches[po + l] += wv * gk[go + l];
                        }
                    }
                }
            }
        }
        col2im(patches, g, gx);
    }

    static void filterAdjoint(double[] x, int[] xs, double[] grad, int[] gs, double[] gw, int[] ws, Conv2dSpec spec) {
        ConvGeometry g = ConvGeometry.of(xs, ws, gs, spec);
        int rows = g.rows();
        int cols = g.cols();
        double[] patchesT = im2col(x, g, true);
        for (int b = 0; b < g.n(); b++) {
            for (int o = 0; o < g.k(); o++) {
                int go = (b * g.k() + o) * cols;
                int wo = o * rows;
                for (int l = 0; l < cols; l++) {
                    double gv = grad[go + l];
                    int po = (b * cols + l) * rows;
                    for (int r = 0; r < rows; r++) {
                        gw[wo + r] += gv * patchesT[po + r];
                    }
                }
            }
        }
    }
}
