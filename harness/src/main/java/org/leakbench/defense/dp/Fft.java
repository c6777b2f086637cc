package org.leakbench.defense.dp;

/**
 * An in-place iterative radix-2 complex FFT on split real/imaginary arrays, for composing discretised
 * privacy-loss distributions (a k-fold convolution is a k-th power in the frequency domain). Hand-written
 * rather than a dependency: Commons Math's transformer boxes every value in an object, and the accountants
 * need nothing but a power-of-two complex transform.
 */
final class Fft {
    private Fft() {}

    /** The smallest power of two at least {@code n} (and at least 1). */
    static int size(long n) {
        if (n > (1 << 30)) {
            throw new IllegalArgumentException("FFT of " + n + " points is too large");
        }
        int s = 1;
        while (s < n) {
            s <<= 1;
        }
        return s;
    }

    /** Forward transform (sign −1) in place; the length must be a power of two. */
    static void forward(double[] re, double[] im) {
        transform(re, im, -1);
    }

    /** Inverse transform in place, including the 1/n scaling. */
    static void inverse(double[] re, double[] im) {
        transform(re, im, +1);
        double scale = 1.0 / re.length;
        for (int i = 0; i < re.length; i++) {
            re[i] *= scale;
            im[i] *= scale;
        }
    }

    private static void transform(double[] re, double[] im, int sign) {
        int n = re.length;
        if (Integer.bitCount(n) != 1 || im.length != n) {
            throw new IllegalArgumentException("FFT length must be a power of two with equal parts, got " + n);
        }
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        // Twiddles of the largest stage; stage with half-length `half` uses every (n / 2 / half)-th one.
        int quarter = n / 2;
        double[] cos = new double[Math.max(1, quarter)];
        double[] sin = new double[Math.max(1, quarter)];
        for (int k = 0; k < quarter; k++) {
            double angle = sign * 2 * Math.PI * k / n;
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
        }
        for (int half = 1; half < n; half <<= 1) {
            int stride = n / (2 * half);
            for (int start = 0; start < n; start += 2 * half) {
                for (int k = 0, t = 0; k < half; k++, t += stride) {
                    int a = start + k;
                    int b = a + half;
                    double wr = cos[t];
                    double wi = sin[t];
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    /** z ← z^k element-wise, by repeated squaring (k ≥ 1). */
    static void power(double[] re, double[] im, long k) {
        int n = re.length;
        double[] rr = new double[n];
        double[] ri = new double[n];
        java.util.Arrays.fill(rr, 1.0);
        long e = k;
        while (true) {
            if ((e & 1) != 0) {
                for (int i = 0; i < n; i++) {
                    double r = rr[i] * re[i] - ri[i] * im[i];
                    ri[i] = rr[i] * im[i] + ri[i] * re[i];
                    rr[i] = r;
                }
            }
            e >>= 1;
            if (e == 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                double r = re[i] * re[i] - im[i] * im[i];
                im[i] = 2 * re[i] * im[i];
                re[i] = r;
            }
        }
        System.arraycopy(rr, 0, re, 0, n);
        System.arraycopy(ri, 0, im, 0, n);
    }
}
