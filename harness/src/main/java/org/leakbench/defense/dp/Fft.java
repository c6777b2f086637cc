package org.leakbench.defense.dp;

/**
 * An in-place iterative radix-2 complex FFT on split real/imaginary arrays, and on top of it the real FFT the
 * accountants use to compose discretised privacy-loss distributions (a k-fold convolution is a k-th power in
 * the frequency domain). A real sequence of length n is packed into a complex one of length n/2 (even samples
 * as real parts, odd ones as imaginary parts) and the half spectrum untangled from it, which halves the work
 * of a complex transform (Press et al., Numerical Recipes, Section 12.3). Hand-written rather than a
 * dependency: Commons Math's transformer boxes every value in an object, and the accountants need nothing but
 * power-of-two transforms.
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

    /**
     * The half spectrum X_0 … X_{n/2} of the real sequence {@code x} (length n, a power of two ≥ 2) into
     * {@code re} and {@code im} (length n/2 + 1 each); {@code x} is left unchanged.
     */
    static void realForward(double[] x, double[] re, double[] im) {
        int n = x.length;
        int m = checkedHalf(n, re, im);
        double[] zr = new double[m];
        double[] zi = new double[m];
        for (int j = 0; j < m; j++) {
            zr[j] = x[2 * j];
            zi[j] = x[2 * j + 1];
        }
        transform(zr, zi, -1);
        // Z = E + iO with E, O the spectra of the even and odd samples; X_k = E_k + W^k O_k, W = e^{−2πi/n}.
        for (int k = 0; k <= m; k++) {
            int a = k % m;
            int b = (m - k) % m;
            double er = 0.5 * (zr[a] + zr[b]);
            double ei = 0.5 * (zi[a] - zi[b]);
            double or = 0.5 * (zi[a] + zi[b]);
            double oi = -0.5 * (zr[a] - zr[b]);
            double angle = -2 * Math.PI * k / n;
            double wr = Math.cos(angle);
            double wi = Math.sin(angle);
            re[k] = er + wr * or - wi * oi;
            im[k] = ei + wr * oi + wi * or;
        }
    }

    /**
     * The real sequence (written into {@code x}, length n) whose half spectrum is {@code re}, {@code im}
     * (length n/2 + 1, Hermitian-symmetric by assumption), including the 1/n scaling; the inputs are left
     * unchanged.
     */
    static void realInverse(double[] re, double[] im, double[] x) {
        int n = x.length;
        int m = checkedHalf(n, re, im);
        double[] zr = new double[m];
        double[] zi = new double[m];
        // E_k = (X_k + conj X_{m−k})/2, O_k = (X_k − conj X_{m−k}) W^{−k}/2, and Z_k = E_k + i O_k.
        for (int k = 0; k < m; k++) {
            int b = m - k;
            double er = 0.5 * (re[k] + re[b]);
            double ei = 0.5 * (im[k] - im[b]);
            double dr = 0.5 * (re[k] - re[b]);
            double di = 0.5 * (im[k] + im[b]);
            double angle = 2 * Math.PI * k / n;
            double wr = Math.cos(angle);
            double wi = Math.sin(angle);
            double or = dr * wr - di * wi;
            double oi = dr * wi + di * wr;
            zr[k] = er - oi;
            zi[k] = ei + or;
        }
        transform(zr, zi, +1);
        double scale = 1.0 / m;
        for (int j = 0; j < m; j++) {
            x[2 * j] = zr[j] * scale;
            x[2 * j + 1] = zi[j] * scale;
        }
    }

    private static int checkedHalf(int n, double[] re, double[] im) {
        if (n < 2 || Integer.bitCount(n) != 1 || re.length != n / 2 + 1 || im.length != n / 2 + 1) {
            throw new IllegalArgumentException("real FFT needs a power-of-two length ≥ 2 and n/2 + 1 spectrum"
                    + " points, got " + n + " and " + re.length + ", " + im.length);
        }
        return n / 2;
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
