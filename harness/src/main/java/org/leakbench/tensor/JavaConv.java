package org.leakbench.tensor;

/**
 * The three linear maps of a 2-D convolution (NCHW, cross-correlation) as patch matrices and products, per
 * image: the input's k_h·k_w patches are unfolded into a matrix ("im2col"), so each map becomes a loop of
 * long multiply-adds over contiguous rows that the JIT vectorises, instead of short bounds-checked loops over
 * output columns. Patch row r = (c·k_h + i)·k_w + j, column l = y·W_out + x.
 */
final class JavaConv {
    private JavaConv() {
    }

    static void checkOutput(int[] expected, int[] actual, String op) {
        if (!java.util.Arrays.equals(expected, actual)) {
            throw new IllegalArgumentException(op + ": gradient has shape " + Shape.str(actual) + " but the "
                    + "convolution output has shape " + Shape.str(expected));
        }
    }

    /** Geometry shared by the three maps. */
    private record Geometry(int n, int c, int h, int w, int k, int kh, int kw, int oh, int ow, int s, int p) {
        static Geometry of(int[] xs, int[] ws, int[] ys, Conv2dSpec spec) {
            return new Geometry(xs[0], xs[1], xs[2], xs[3], ws[0], ws[2], ws[3], ys[2], ys[3], spec.stride(),
                    spec.padding());
        }

        int rows() {
            return c * kh * kw;
        }

        int cols() {
            return oh * ow;
        }
    }

    /**
     * Unfolds image b of x into {@code out} (zero where a patch reaches into the padding). With
     * {@code transposed} the layout is [columns, rows] instead of [rows, columns].
     */
    private static void im2col(double[] x, int b, Geometry g, double[] out, boolean transposed) {
        int rows = g.rows();
        int cols = g.cols();
        java.util.Arrays.fill(out, 0, rows * cols, 0.0);
        for (int ci = 0; ci < g.c; ci++) {
            int xo = (b * g.c + ci) * g.h * g.w;
            for (int i = 0; i < g.kh; i++) {
                for (int j = 0; j < g.kw; j++) {
                    int r = (ci * g.kh + i) * g.kw + j;
                    for (int oy = 0; oy < g.oh; oy++) {
                        int hr = oy * g.s + i - g.p;
                        if (hr < 0 || hr >= g.h) {
                            continue;
                        }
                        int xrow = xo + hr * g.w;
                        int lo = firstInside(j, g);
                        int hi = lastInside(j, g);
                        for (int ox = lo; ox <= hi; ox++) {
                            int l = oy * g.ow + ox;
                            out[transposed ? l * rows + r : r * cols + l] = x[xrow + ox * g.s + j - g.p];
                        }
                    }
                }
            }
        }
    }

    // Output columns whose tap j lands inside the input row: 0 <= ox·s + j − p < w.
    private static int firstInside(int j, Geometry g) {
        int need = g.p - j;
        return need <= 0 ? 0 : (need + g.s - 1) / g.s;
    }

    private static int lastInside(int j, Geometry g) {
        return Math.min(g.ow - 1, Math.floorDiv(g.w - 1 + g.p - j, g.s));
    }

    static void forward(double[] x, int[] xs, double[] w, int[] ws, double[] y, int[] ys, Conv2dSpec spec) {
        Geometry g = Geometry.of(xs, ws, ys, spec);
        int rows = g.rows();
        int cols = g.cols();
        double[] patches = new double[rows * cols];
        for (int b = 0; b < g.n; b++) {
            im2col(x, b, g, patches, false);
            for (int o = 0; o < g.k; o++) {
                int yo = (b * g.k + o) * cols;
                int wo = o * rows;
                for (int r = 0; r < rows; r++) {
                    double wv = w[wo + r];
                    int po = r * cols;
                    for (int l = 0; l < cols; l++) {
                        y[yo + l] += wv * patches[po + l];
                    }
                }
            }
        }
    }

    static void inputAdjoint(double[] grad, int[] gs, double[] w, int[] ws, double[] gx, int[] xs, Conv2dSpec spec) {
        Geometry g = Geometry.of(xs, ws, gs, spec);
        int rows = g.rows();
        int cols = g.cols();
        double[] patches = new double[rows * cols];
        for (int b = 0; b < g.n; b++) {
            java.util.Arrays.fill(patches, 0.0);
            for (int o = 0; o < g.k; o++) {
                int go = (b * g.k + o) * cols;
                int wo = o * rows;
                for (int r = 0; r < rows; r++) {
                    double wv = w[wo + r];
                    int po = r * cols;
                    for (int l = 0; l < cols; l++) {
                        patches[po + l] += wv * grad[go + l];
                    }
                }
            }
            col2im(patches, b, g, gx);
        }
    }

    /** Adds every patch entry back onto the input pixel it came from (the adjoint of {@link #im2col}). */
    private static void col2im(double[] patches, int b, Geometry g, double[] gx) {
        int cols = g.cols();
        for (int ci = 0; ci < g.c; ci++) {
            int xo = (b * g.c + ci) * g.h * g.w;
            for (int i = 0; i < g.kh; i++) {
                for (int j = 0; j < g.kw; j++) {
                    int r = (ci * g.kh + i) * g.kw + j;
                    int lo = firstInside(j, g);
                    int hi = lastInside(j, g);
                    for (int oy = 0; oy < g.oh; oy++) {
                        int hr = oy * g.s + i - g.p;
                        if (hr < 0 || hr >= g.h) {
                            continue;
                        }
                        int xrow = xo + hr * g.w;
                        int po = r * cols + oy * g.ow;
                        for (int ox = lo; ox <= hi; ox++) {
                            gx[xrow + ox * g.s + j - g.p] += patches[po + ox];
                        }
                    }
                }
            }
        }
    }

    static void filterAdjoint(double[] x, int[] xs, double[] grad, int[] gs, double[] gw, int[] ws,
                              Conv2dSpec spec) {
        Geometry g = Geometry.of(xs, ws, gs, spec);
        int rows = g.rows();
        int cols = g.cols();
        double[] patchesT = new double[rows * cols];
        for (int b = 0; b < g.n; b++) {
            im2col(x, b, g, patchesT, true);
            for (int o = 0; o < g.k; o++) {
                int go = (b * g.k + o) * cols;
                int wo = o * rows;
                for (int l = 0; l < cols; l++) {
                    double gv = grad[go + l];
                    int po = l * rows;
                    for (int r = 0; r < rows; r++) {
                        gw[wo + r] += gv * patchesT[po + r];
                    }
                }
            }
        }
    }
}
