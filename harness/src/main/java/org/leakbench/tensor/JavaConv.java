package org.leakbench.tensor;

/** Direct loops for the three linear maps of a 2-D convolution (NCHW, cross-correlation). */
final class JavaConv {
    private JavaConv() {
    }

    static void checkOutput(int[] expected, int[] actual, String op) {
        if (!java.util.Arrays.equals(expected, actual)) {
            throw new IllegalArgumentException(op + ": gradient has shape " + Shape.str(actual) + " but the "
                    + "convolution output has shape " + Shape.str(expected));
        }
    }

    static void forward(double[] x, int[] xs, double[] w, int[] ws, double[] y, int[] ys, Conv2dSpec spec) {
        int n = xs[0], c = xs[1], h = xs[2], wd = xs[3];
        int k = ws[0], kh = ws[2], kw = ws[3];
        int oh = ys[2], ow = ys[3];
        int s = spec.stride(), p = spec.padding();
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < k; o++) {
                int yo = ((b * k) + o) * oh * ow;
                for (int ci = 0; ci < c; ci++) {
                    int xo = ((b * c) + ci) * h * wd;
                    int wo = ((o * c) + ci) * kh * kw;
                    for (int i = 0; i < kh; i++) {
                        for (int j = 0; j < kw; j++) {
                            double wv = w[wo + i * kw + j];
                            for (int r = 0; r < oh; r++) {
                                int hr = r * s + i - p;
                                if (hr < 0 || hr >= h) {
                                    continue;
                                }
                                int xrow = xo + hr * wd;
                                int yrow = yo + r * ow;
                                for (int q = 0; q < ow; q++) {
                                    int wc = q * s + j - p;
                                    if (wc >= 0 && wc < wd) {
                                        y[yrow + q] += wv * x[xrow + wc];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static void inputAdjoint(double[] g, int[] gs, double[] w, int[] ws, double[] gx, int[] xs, Conv2dSpec spec) {
        int n = xs[0], c = xs[1], h = xs[2], wd = xs[3];
        int k = ws[0], kh = ws[2], kw = ws[3];
        int oh = gs[2], ow = gs[3];
        int s = spec.stride(), p = spec.padding();
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < k; o++) {
                int go = ((b * k) + o) * oh * ow;
                for (int ci = 0; ci < c; ci++) {
                    int xo = ((b * c) + ci) * h * wd;
                    int wo = ((o * c) + ci) * kh * kw;
                    for (int i = 0; i < kh; i++) {
                        for (int j = 0; j < kw; j++) {
                            double wv = w[wo + i * kw + j];
                            for (int r = 0; r < oh; r++) {
                                int hr = r * s + i - p;
                                if (hr < 0 || hr >= h) {
                                    continue;
                                }
                                int xrow = xo + hr * wd;
                                int grow = go + r * ow;
                                for (int q = 0; q < ow; q++) {
                                    int wc = q * s + j - p;
                                    if (wc >= 0 && wc < wd) {
                                        gx[xrow + wc] += wv * g[grow + q];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static void filterAdjoint(double[] x, int[] xs, double[] g, int[] gs, double[] gw, int[] ws, Conv2dSpec spec) {
        int n = xs[0], c = xs[1], h = xs[2], wd = xs[3];
        int k = ws[0], kh = ws[2], kw = ws[3];
        int oh = gs[2], ow = gs[3];
        int s = spec.stride(), p = spec.padding();
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < k; o++) {
                int go = ((b * k) + o) * oh * ow;
                for (int ci = 0; ci < c; ci++) {
                    int xo = ((b * c) + ci) * h * wd;
                    int wo = ((o * c) + ci) * kh * kw;
                    for (int i = 0; i < kh; i++) {
                        for (int j = 0; j < kw; j++) {
                            double acc = 0;
                            for (int r = 0; r < oh; r++) {
                                int hr = r * s + i - p;
                                if (hr < 0 || hr >= h) {
                                    continue;
                                }
                                int xrow = xo + hr * wd;
                                int grow = go + r * ow;
                                for (int q = 0; q < ow; q++) {
                                    int wc = q * s + j - p;
                                    if (wc >= 0 && wc < wd) {
                                        acc += g[grow + q] * x[xrow + wc];
                                    }
                                }
                            }
                            gw[wo + i * kw + j] += acc;
                        }
                    }
                }
            }
        }
    }
}
