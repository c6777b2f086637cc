package org.leakbench.tensor.cpu;

import java.util.Arrays;
import org.leakbench.tensor.Conv2dSpec;

/**
 * The three linear maps of a 2-D convolution for float32 tensors on {@link SimdGemm}, without unfolding
 * patches ({@link JavaConv}, the float64 and no-SIMD path, unfolds them).
 *
 * <p>The input is copied once into a zero-bordered float image split by stride phase: phase (a, e) of a
 * channel holds the padded pixels at rows ≡ a and columns ≡ e modulo the stride, as a [ph, pw] grid. Filter
 * tap (c, i, j) then sees output pixel (y, x) at one fixed offset plus y·pw + x, so if the output is computed
 * on a [oh, pw] grid (a few wasted columns per row), row t of the patch matrix is simply the image read from
 * the tap's offset: the product reads the image directly. The three maps become, per image,
 * output = W·P, input adjoint = fold(Wᵀ·G) (each row added back at its tap's offset) and filter adjoint
 * = (P·Gᵀ)ᵀ, where G is zero on the wasted columns so they contribute nothing.
 *
 * <p>The work runs in float with fused multiply-adds, as float32 convolutions do elsewhere. Scratch arrays
 * are kept per thread and grow as needed, so an attack's thousands of calls do not allocate and zero fresh
 * buffers. With {@link OpThreads} of more than one thread, the images of a batch (forward map, input
 * adjoint) or the entries of the filter gradient (filter adjoint) are shared out; each value is still computed
 * by one thread in one order, so results do not depend on the thread count.
 */
final class SimdConv {
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private SimdConv() {}

    /** Reusable float buffers of one thread. */
    private static final class Scratch {
        private float[] image = new float[0];
        private float[] product = new float[0];
        private float[] gradient = new float[0];

        float[] image(int size) {
            image = atLeast(image, size);
            Arrays.fill(image, 0, size, 0f);
            return image;
        }

        float[] product(int size) {
            product = atLeast(product, size);
            return product;
        }

        /** Zeroed. */
        float[] gradient(int size) {
            gradient = atLeast(gradient, size);
            Arrays.fill(gradient, 0, size, 0f);
            return gradient;
        }

        private static float[] atLeast(float[] a, int size) {
            return a.length >= size ? a : new float[size];
        }
    }

    /** The zero-bordered, stride-phase-split layout of the input images and the output grid it implies. */
    private record Phases(ConvGeometry g, int ph, int pw, int np) {
        static Phases of(ConvGeometry g) {
            int s = g.s();
            int pw = (g.w() + 2 * g.p() + s - 1) / s;
            return new Phases(g, (g.h() + 2 * g.p() + s - 1) / s, pw, SimdGemm.padded(g.oh() * pw));
        }

        /**
         * The phase planes of one image and room for a whole output grid after them: reads and writes at a
         * tap's offset stay inside their own image, so threads working on different images never touch the
         * same element, and reads past the last plane see zeros.
         */
        int imageStride() {
            return g.c() * g.s() * g.s() * ph * pw + np;
        }

        /** All images plus room for the whole-vector reads and writes past the last one. */
        int bufferSize() {
            return g.n() * imageStride() + np;
        }

        /** Offset of phase (a, e) of image b, channel c. */
        int base(int b, int c, int a, int e) {
            return b * imageStride() + ((c * g.s() + a) * g.s() + e) * ph * pw;
        }

        /** For each patch row (c, i, j), where in an image that tap sees output pixel (0, 0). */
        int[] taps() {
            int s = g.s();
            int[] off = new int[g.rows()];
            for (int c = 0; c < g.c(); c++) {
                for (int i = 0; i < g.kh(); i++) {
                    for (int j = 0; j < g.kw(); j++) {
                        off[(c * g.kh() + i) * g.kw() + j] = base(0, c, i % s, j % s) + (i / s) * pw + j / s;
                    }
                }
            }
            return off;
        }

        /** Output pixel (y, x) on the [oh, pw] grid. */
        int grid(int y, int x) {
            return y * pw + x;
        }
    }

    /** Multiply-adds of one map over the whole batch: what decides whether sharing it out pays. */
    private static long work(ConvGeometry g) {
        return (long) g.n() * g.k() * g.rows() * g.cols();
    }

    static void forward(
            float[] x, int[] xs, float[] w, int[] ws, float[] y, int[] ys, Conv2dSpec spec, OpThreads threads) {
        ConvGeometry g = ConvGeometry.of(xs, ws, ys, spec);
        Phases ph = Phases.of(g);
        float[] image = SCRATCH.get().image(ph.bufferSize());
        threads.split(g.n(), 1, work(g), (from, to) -> {
            walkInterior(x, ph, image, false, from, to);
            forwardImages(w, y, g, ph, image, from, to);
        });
    }

    private static void forwardImages(
            float[] w, float[] y, ConvGeometry g, Phases ph, float[] image, int from, int to) {
        int np = ph.np();
        float[] out = SCRATCH.get().product(g.k() * np);
        int[] taps = ph.taps();
        int[] filterRows = SimdGemm.dense(g.k(), g.rows());
        int[] outRows = SimdGemm.dense(g.k(), np);
        for (int b = from; b < to; b++) {
            Arrays.fill(out, 0, g.k() * np, 0f);
            SimdGemm.mul(
                    g.k(),
                    np,
                    g.rows(),
                    new SimdGemm.Operands(w, 0, filterRows, 1, image, b * ph.imageStride(), taps, out, 0, outRows));
            for (int o = 0; o < g.k(); o++) {
                int dst = (b * g.k() + o) * g.cols();
                for (int oy = 0; oy < g.oh(); oy++) {
                    int src = o * np + ph.grid(oy, 0);
                    for (int ox = 0; ox < g.ow(); ox++) {
                        y[dst + oy * g.ow() + ox] = out[src + ox];
                    }
                }
            }
        }
    }

    static void inputAdjoint(
            float[] grad, int[] gs, float[] w, int[] ws, float[] gx, int[] xs, Conv2dSpec spec, OpThreads threads) {
        ConvGeometry g = ConvGeometry.of(xs, ws, gs, spec);
        Phases ph = Phases.of(g);
        float[] image = SCRATCH.get().image(ph.bufferSize());
        threads.split(g.n(), 1, work(g), (from, to) -> {
            inputAdjointImages(grad, w, g, ph, image, from, to);
            walkInterior(gx, ph, image, true, from, to);
        });
    }

    private static void inputAdjointImages(
            float[] grad, float[] w, ConvGeometry g, Phases ph, float[] image, int from, int to) {
        int np = ph.np();
        int rows = g.rows();
        float[] gk = SCRATCH.get().gradient(g.k() * np); // wasted columns stay zero across images
        // Rows of the product in the order (i, j, c): the four rows of a tile are the same tap of four
        // channels, whose image rows lie a channel apart, so a tile's read-add-writes never overlap each other
        // (overlapping, misaligned ones stall the load on the store just before it).
        int[] taps = ph.taps();
        int[] filterColumn = new int[rows]; // A(q, o) = W[o, r(q)]: the filter read as its transpose
        int[] tapOffset = new int[rows];
        int q = 0;
        for (int i = 0; i < g.kh(); i++) {
            for (int j = 0; j < g.kw(); j++) {
                for (int c = 0; c < g.c(); c++, q++) {
                    int r = (c * g.kh() + i) * g.kw() + j;
                    filterColumn[q] = r;
                    tapOffset[q] = taps[r];
                }
            }
        }
        int[] gradRows = SimdGemm.dense(g.k(), np);
        for (int b = from; b < to; b++) {
            for (int o = 0; o < g.k(); o++) {
                int src = (b * g.k() + o) * g.cols();
                for (int oy = 0; oy < g.oh(); oy++) {
                    int dst = o * np + ph.grid(oy, 0);
                    for (int ox = 0; ox < g.ow(); ox++) {
                        gk[dst + ox] = grad[src + oy * g.ow() + ox];
                    }
                }
            }
            // Each tap's row of the patch gradient is added straight back at the tap's offset; its wasted
            // columns are exactly zero, so whole rows can be added.
            SimdGemm.mul(
                    rows,
                    np,
                    g.k(),
                    new SimdGemm.Operands(
                            w, 0, filterColumn, rows, gk, 0, gradRows, image, b * ph.imageStride(), tapOffset));
        }
    }

    /** From this many images on, the filter adjoint sums long dot products instead of tiling Gᵀ. */
    private static final int DOT_FROM_IMAGES = 4;

    static void filterAdjoint(
            float[] x, int[] xs, float[] grad, int[] gs, float[] gw, int[] ws, Conv2dSpec spec, OpThreads threads) {
        ConvGeometry g = ConvGeometry.of(xs, ws, gs, spec);
        Phases ph = Phases.of(g);
        Scratch s = SCRATCH.get();
        float[] image = s.image(ph.bufferSize());
        if (g.n() >= DOT_FROM_IMAGES) {
            float[] gk = s.gradient(g.n() * g.k() * ph.np()); // [n, k, np], zero on the wasted grid columns
            threads.split(g.n(), 1, work(g), (from, to) -> {
                walkInterior(x, ph, image, false, from, to);
                gradientGrids(grad, g, ph, gk, from, to);
            });
            filterAdjointByDots(g, ph, s, image, gk, gw, threads);
        } else {
            walkInterior(x, ph, image, false, 0, g.n());
            filterAdjointByTiles(g, ph, s, image, grad, gw);
        }
    }

    /**
     * GW[o, r] = Σ_images Σ_l G[o, l]·P[r, l]: dot products of the gradient's grid rows with the image read
     * at each tap's offset, all images in one pass.
     */
    private static void filterAdjointByDots(
            ConvGeometry g, Phases ph, Scratch s, float[] image, float[] gk, float[] gw, OpThreads threads) {
        int np = ph.np();
        int rows = g.rows();
        int k = g.k();
        float[] out = s.product(k * rows);
        Arrays.fill(out, 0, k * rows, 0f);
        int[] taps = ph.taps();
        int[] gkRows = SimdGemm.dense(k, np);
        // Threads take ranges of filter taps (columns of the [k, rows] result), four at a time to keep whole
        // dot tiles; every entry is still one dot product over the whole batch.
        threads.split(rows, 4, work(g), (from, to) -> {
            int[] outRows = SimdGemm.dense(k, rows);
            for (int o = 0; o < k; o++) {
                outRows[o] += from;
            }
            SimdGemm.dotSum(
                    k,
                    to - from,
                    np,
                    g.n(),
                    gk,
                    k * np,
                    gkRows,
                    image,
                    ph.imageStride(),
                    Arrays.copyOfRange(taps, from, to),
                    out,
                    outRows);
        });
        for (int i = 0; i < k * rows; i++) {
            gw[i] += out[i];
        }
    }

    /** Copies images [from, to) of the gradient [n, k, oh, ow] onto their [oh, pw] grids in gk [n, k, np]. */
    private static void gradientGrids(float[] grad, ConvGeometry g, Phases ph, float[] gk, int from, int to) {
        int np = ph.np();
        int k = g.k();
        for (int b = from; b < to; b++) {
            for (int o = 0; o < k; o++) {
                int src = (b * k + o) * g.cols();
                int dst = (b * k + o) * np;
                for (int oy = 0; oy < g.oh(); oy++) {
                    for (int ox = 0; ox < g.ow(); ox++) {
                        gk[dst + ph.grid(oy, ox)] = grad[src + oy * g.ow() + ox];
                    }
                }
            }
        }
    }

    /** The same as a product per image: (P·Gᵀ)ᵀ with Gᵀ one vector of output channels per grid pixel. */
    private static void filterAdjointByTiles(
            ConvGeometry g, Phases ph, Scratch s, float[] image, float[] grad, float[] gw) {
        int np = ph.np();
        int rows = g.rows();
        int kp = SimdGemm.padded(g.k());
        float[] gt = s.gradient(np * kp); // zero on the wasted grid pixels
        float[] out = s.product(rows * kp);
        Arrays.fill(out, 0, rows * kp, 0f);
        int[] taps = ph.taps();
        int[] gtRows = SimdGemm.dense(np, kp);
        int[] outRows = SimdGemm.dense(rows, kp);
        for (int b = 0; b < g.n(); b++) {
            for (int o = 0; o < g.k(); o++) {
                int src = (b * g.k() + o) * g.cols();
                for (int oy = 0; oy < g.oh(); oy++) {
                    for (int ox = 0; ox < g.ow(); ox++) {
                        gt[ph.grid(oy, ox) * kp + o] = grad[src + oy * g.ow() + ox];
                    }
                }
            }
            SimdGemm.mul(
                    rows,
                    kp,
                    np,
                    new SimdGemm.Operands(image, b * ph.imageStride(), taps, 1, gt, 0, gtRows, out, 0, outRows));
        }
        for (int o = 0; o < g.k(); o++) {
            for (int r = 0; r < rows; r++) {
                gw[o * rows + r] += out[r * kp + o];
            }
        }
    }

    /**
     * Visits every pixel of images [from, to) of x [n, c, h, w] with its place in the phase images: copies it
     * there, or with {@code fold} adds it back onto x.
     */
    private static void walkInterior(float[] x, Phases ph, float[] image, boolean fold, int firstImage, int endImage) {
        ConvGeometry g = ph.g();
        int s = g.s();
        int p = g.p();
        int w = g.w();
        int plane = ph.ph() * ph.pw();
        // Per column phase e: the first input column that lands in it, its column there, and how many do.
        // Worked out once, so the loops below divide nothing (a division costs more than copying a row).
        int[] first = new int[s];
        int[] column = new int[s];
        int[] count = new int[s];
        for (int e = 0; e < s; e++) {
            first[e] = Math.floorMod(e - p, s);
            column[e] = (first[e] + p) / s;
            count[e] = Math.max(0, (w - first[e] + s - 1) / s);
        }
        for (int b = firstImage; b < endImage; b++) {
            for (int ci = 0; ci < g.c(); ci++) {
                int xo = (b * g.c() + ci) * g.h() * w;
                int io = ph.base(b, ci, 0, 0);
                int rowPhase = p % s; // padded row y + p, split into phase and row within the phase
                int rowInPhase = p / s;
                for (int y = 0; y < g.h(); y++) {
                    int row = xo + y * w;
                    for (int e = 0; e < s; e++) {
                        int at = io + (rowPhase * s + e) * plane + rowInPhase * ph.pw() + column[e];
                        int from = row + first[e];
                        int n = count[e];
                        if (fold) {
                            for (int v = 0; v < n; v++) {
                                x[from + v * s] += image[at + v];
                            }
                        } else {
                            for (int v = 0; v < n; v++) {
                                image[at + v] = x[from + v * s];
                            }
                        }
                    }
                    if (++rowPhase == s) {
                        rowPhase = 0;
                        rowInPhase++;
                    }
                }
            }
        }
    }
}
