package org.leakbench.tensor.cpu;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Locale;

/**
 * Large matrix products through the OpenBLAS that ND4J ships (JavaCPP's {@code openblas_nolapack} binding,
 * called on heap arrays). On the 2-core AVX2 EPYC this project is measured on, OpenBLAS's assembly kernels ran
 * a 1024³ float product 1.4–1.6× faster than the packed Vector API kernel ({@link PackedGemm}) and a 256³ one
 * up to 2× faster, so products from {@link #MIN_WORK} multiply-adds go here; smaller ones stay in Java, where
 * a JNI call and the array copies it makes would cost more than they save.
 *
 * <p>The library is loaded on the first large product only (a small model never loads it) and set to run
 * each call on one thread: the backend's own threads take bands of rows of the result, each band one
 * OpenBLAS call, so every entry is summed in the same order whatever the thread count. When the native
 * library is missing (another platform) or {@code -Dleakbench.java.gemm=vector} asks for it, products fall
 * back to {@link PackedGemm}.
 */
final class BlasGemm {
    /** System property choosing the large-product route: {@code auto} (OpenBLAS when it loads) or {@code vector}. */
    static final String PROPERTY = "leakbench.java.gemm";
    /**
     * From this many multiply-adds (256³) a product is large. At 128³ the 256-wide MLP's batch-32 products went
     * to OpenBLAS too, and its plain SGD step took 3–4× as long as in Java (JNI copies each whole array in and
     * out, and OpenBLAS suffered more on a machine loaded far beyond its cores).
     */
    static final long MIN_WORK = 1L << 24;

    /**
     * Bands of rows start at multiples of this and are at least this long: OpenBLAS's AVX2 kernels take rows
     * 24, 16, 8 and 4 at a time, the smaller tiles with a different order of additions, so a band boundary that
     * cut a 24-row tile would change the last bits of its entries (seen from 16-row bands, gone from 48).
     */
    static final int BAND_GRAIN = 48;

    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    private BlasGemm() {}

    /** Whether a product of these sizes goes to a large-product kernel (either route). */
    static boolean large(int m, int k, int n) {
        return (long) m * k * n >= MIN_WORK && m >= PackedGemm.MR && k >= 16 && n >= 16;
    }

    /** The route large products take in this JVM, for {@code leakbench env} and benchmark tables. */
    static String route() {
        return Native.LOADED ? "OpenBLAS " + Native.version() + " (one thread per call)" : "packed Vector API kernel";
    }

    /** r = op(A)·op(B), float32, r zeroed by the caller. */
    static void matmul(
            float[] a,
            boolean transposeA,
            float[] b,
            boolean transposeB,
            int m,
            int k,
            int n,
            float[] r,
            OpThreads threads) {
        if (!Native.LOADED) {
            PackedGemm.matmul(a, transposeA, b, transposeB, m, k, n, r, threads);
            return;
        }
        int lda = transposeA ? m : k;
        int ldb = transposeB ? k : n;
        // The rows left over after the last whole band join it: a band of a few rows (one, say) takes another
        // of OpenBLAS's code paths than the same rows inside a larger call, with other last bits (seen with the
        // AVX-512 kernels), so no band is shorter than BAND_GRAIN unless the whole product is.
        int bands = Math.max(1, m / BAND_GRAIN);
        threads.split(bands, 1, (long) m * k * n, (firstBand, endBand) -> {
            int from = firstBand * BAND_GRAIN;
            int to = endBand == bands ? m : endBand * BAND_GRAIN;
            // JNI hands OpenBLAS a copy of each Java array and copies the whole of it back afterwards, so two
            // bands writing into r at once would overwrite each other's rows: a band of part of r gets its own.
            boolean whole = from == 0 && to == m;
            float[] out = whole ? r : new float[(to - from) * n];
            FloatBuffer aBand = FloatBuffer.wrap(a);
            aBand.position(transposeA ? from : from * k);
            org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm(
                    ROW_MAJOR,
                    transposeA ? TRANS : NO_TRANS,
                    transposeB ? TRANS : NO_TRANS,
                    to - from,
                    n,
                    k,
                    1f,
                    aBand,
                    lda,
                    FloatBuffer.wrap(b),
                    ldb,
                    0f,
                    FloatBuffer.wrap(out),
                    n);
            if (!whole) {
                System.arraycopy(out, 0, r, from * n, out.length);
            }
        });
    }

    /** Whether float64 products of these sizes go to OpenBLAS (float64 has no Vector API fallback here). */
    static boolean doubles(int m, int k, int n) {
        return large(m, k, n) && Native.LOADED;
    }

    /** r = op(A)·op(B), float64, through OpenBLAS on one thread; only when {@link #doubles} said so. */
    static void matmul(
            double[] a, boolean transposeA, double[] b, boolean transposeB, int m, int k, int n, double[] r) {
        org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm(
                ROW_MAJOR,
                transposeA ? TRANS : NO_TRANS,
                transposeB ? TRANS : NO_TRANS,
                m,
                n,
                k,
                1.0,
                DoubleBuffer.wrap(a),
                transposeA ? m : k,
                DoubleBuffer.wrap(b),
                transposeB ? k : n,
                0.0,
                DoubleBuffer.wrap(r),
                n);
    }

    /** The native library, loaded when this class is first touched (so only by a large product). */
    private static final class Native {
        static final boolean LOADED = load();

        private static boolean load() {
            String route = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
            if (route.equals("vector")) {
                return false;
            }
            if (!route.equals("auto")) {
                throw new IllegalArgumentException(
                        "-D" + PROPERTY + " must be auto or vector, got '" + System.getProperty(PROPERTY) + "'");
            }
            try {
                org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas_nolapack.class);
                org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
                return true;
            } catch (LinkageError | RuntimeException e) { // no natives for this platform: stay in Java
                return false;
            }
        }

        static String version() {
            return org.bytedeco.openblas.global.openblas_nolapack.OPENBLAS_VERSION.trim();
        }
    }
}
