package org.leakbench.metric;

/**
 * Image distances: mean squared error, PSNR and SSIM.
 *
 * <p>Images are flattened row-major {@code [channels, height, width]} float arrays. All sums run in double
 * precision.
 */
public final class ImageMetrics {
    /**
     * PSNR reported for a perfect reconstruction (MSE = 0), and the largest PSNR ever returned. A finite cap
     * keeps means, CSV files and plots usable. 100 dB is an RMS error of 1e-5 of the range, far below one 8-bit
     * grey level (an RMS error of 1/255 is 48 dB), so a value of exactly 100 means "identical".
     */
    public static final double PSNR_CAP_DB = 100.0;

    private ImageMetrics() {}

    /**
     * Reconstructions clamped to the valid pixel range [0, 1] before scoring (attacks may overshoot it); NaN stays
     * NaN so that a diverged reconstruction still scores as NaN, and null rows stay null.
     */
    public static float[][] clampToUnitRange(float[][] x) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null) {
                continue;
            }
            out[i] = x[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                float v = out[i][j];
                out[i][j] = Float.isNaN(v) ? v : Math.min(1f, Math.max(0f, v));
            }
        }
        return out;
    }

    /** Mean squared error over all elements; both arrays must have the same (non-zero) length. */
    public static double mse(float[] a, float[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException("mse: images must not be null");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException("mse: images differ in length: " + a.length + " vs " + b.length);
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("mse: images are empty");
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            sum += d * d;
        }
        return sum / a.length;
    }

    /**
     * Peak signal-to-noise ratio {@code 10·log10(range² / MSE)} in dB. Returns {@link #PSNR_CAP_DB} when the
     * MSE is zero and never more than the cap. NaN pixels give NaN.
     *
     * @param range the dynamic range of the pixel values (1 for images in [0, 1], 255 for bytes)
     */
    public static double psnr(float[] truth, float[] recon, double range) {
        checkRange(range);
        return psnrFromMse(mse(truth, recon), range);
    }

    /** PSNR in dB from an MSE already computed, with the same cap as {@link #psnr}. */
    public static double psnrFromMse(double mse, double range) {
        checkRange(range);
        if (Double.isNaN(mse)) {
            return Double.NaN;
        }
        if (mse < 0) {
            throw new IllegalArgumentException("psnr: mse must be >= 0, got " + mse);
        }
        if (mse == 0) {
            return PSNR_CAP_DB;
        }
        return Math.min(PSNR_CAP_DB, 10.0 * Math.log10(range * range / mse));
    }

    /**
     * Structural similarity (Wang, Bovik, Sheikh and Simoncelli, IEEE TIP 2004) with their parameters: an
     * 11×11 Gaussian window of σ = 1.5, K1 = 0.01, K2 = 0.03, averaged over channels. See {@link Ssim} for how
     * borders and images smaller than the window are handled.
     *
     * @param range the dynamic range L of the pixel values (C1 = (K1·L)², C2 = (K2·L)²)
     */
    public static double ssim(float[] a, float[] b, int channels, int height, int width, double range) {
        checkRange(range);
        checkPair("ssim", a, b, channels, height, width);
        return Ssim.mean(a, b, channels, height, width, range);
    }

    /**
     * Throws unless {@code image} has exactly {@code c·h·w} elements; the message names the array, its length
     * and the expected shape.
     */
    public static void checkImage(String what, float[] image, int c, int h, int w) {
        if (c <= 0 || h <= 0 || w <= 0) {
            throw new IllegalArgumentException(what + ": shape must be positive, got c×h×w = " + c + "×" + h + "×" + w);
        }
        if (image == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        long expected = (long) c * h * w;
        if (image.length != expected) {
            throw new IllegalArgumentException(what + " has length " + image.length + ", expected c×h×w = " + c + "×"
                    + h + "×" + w + " = " + expected);
        }
    }

    /** Like {@link #checkImage} for two images, naming both lengths when either is wrong. */
    public static void checkPair(String what, float[] a, float[] b, int c, int h, int w) {
        if (a == null || b == null) {
            throw new IllegalArgumentException(what + ": images must not be null");
        }
        long expected = (long) c * h * w;
        if (c <= 0 || h <= 0 || w <= 0 || a.length != expected || b.length != expected) {
            throw new IllegalArgumentException(what + ": images have lengths " + a.length + " and " + b.length
                    + ", expected c×h×w = " + c + "×" + h + "×" + w + " = " + expected);
        }
    }

    static void checkRange(double range) {
        if (!(range > 0) || Double.isInfinite(range)) {
            throw new IllegalArgumentException("range must be finite and > 0, got " + range);
        }
    }
}
