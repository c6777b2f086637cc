package org.leakbench.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageMetricsTest {

    private static float[] texture(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble();
        }
        return x;
    }

    private static float[] addNoise(float[] x, double sigma, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            // Box–Muller keeps the test free of other packages.
            double g = Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
            y[i] = (float) Math.min(1, Math.max(0, x[i] + sigma * g));
        }
        return y;
    }

    @Test
    void clampingKeepsPixelsInRangeAndNaNAsNaN() {
        float[][] out = ImageMetrics.clampToUnitRange(new float[][] {{-0.5f, 0.25f, 1.5f, Float.NaN}, null});
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0f, 0.25f, 1f, Float.NaN}, out[0]);
        org.junit.jupiter.api.Assertions.assertNull(out[1]);
    }

    @Test
    void mseOfKnownDifferences() {
        assertEquals(0.0, ImageMetrics.mse(new float[] {1, 2, 3}, new float[] {1, 2, 3}));
        assertEquals((1 + 4 + 0.25) / 3.0, ImageMetrics.mse(new float[] {0, 0, 0}, new float[] {1, -2, 0.5f}), 1e-12);
    }

    @Test
    void psnrOfUniformErrorIsExact() {
        float[] truth = new float[784];
        float[] recon = new float[784];
        java.util.Arrays.fill(truth, 0.5f);
        java.util.Arrays.fill(recon, 0.6f);
        // Every pixel off by 0.1 (float rounding moves it by ~2e-8): MSE 0.01, PSNR 20 dB.
        assertEquals(20.0, ImageMetrics.psnr(truth, recon, 1.0), 1e-5);
        // Off by 1/8 exactly: MSE 1/64, PSNR 10·log10(64).
        java.util.Arrays.fill(recon, 0.625f);
        assertEquals(10 * Math.log10(64), ImageMetrics.psnr(truth, recon, 1.0), 1e-12);
        // Range 255 with an error of 25.5 is also 20 dB.
        float[] t255 = {100f, 200f};
        float[] r255 = {125.5f, 174.5f};
        assertEquals(20.0, ImageMetrics.psnr(t255, r255, 255.0), 1e-12);
    }

    @Test
    void psnrOfIdenticalImagesIsTheFiniteCap() {
        float[] x = texture(100, 1);
        assertEquals(ImageMetrics.PSNR_CAP_DB, ImageMetrics.psnr(x, x.clone(), 1.0));
        assertEquals(ImageMetrics.PSNR_CAP_DB, ImageMetrics.psnrFromMse(1e-30, 1.0));
        assertEquals(Double.NaN, ImageMetrics.psnrFromMse(Double.NaN, 1.0));
    }

    @Test
    void ssimOfAnImageWithItselfIsOne() {
        float[] x = texture(3 * 28 * 28, 2);
        assertEquals(1.0, ImageMetrics.ssim(x, x.clone(), 3, 28, 28, 1.0), 1e-12);
    }

    @Test
    void ssimDecreasesWithNoise() {
        float[] x = texture(28 * 28, 3);
        double previous = 1.0;
        for (double sigma : new double[] {0.01, 0.05, 0.1, 0.3}) {
            double s = ImageMetrics.ssim(x, addNoise(x, sigma, 4), 1, 28, 28, 1.0);
            assertTrue(s < previous, "SSIM " + s + " at noise " + sigma + " is not below " + previous);
            previous = s;
        }
    }

    @Test
    void ssimIsSymmetric() {
        float[] x = texture(28 * 28, 5);
        float[] y = addNoise(x, 0.2, 6);
        assertEquals(ImageMetrics.ssim(x, y, 1, 28, 28, 1.0), ImageMetrics.ssim(y, x, 1, 28, 28, 1.0), 1e-12);
    }

    @Test
    void ssimOfConstantShiftAndOfNegative() {
        float[] x = texture(28 * 28, 7);
        float[] small = new float[x.length];
        float[] shifted = new float[x.length];
        float[] shiftedMore = new float[x.length];
        float[] negative = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            small[i] = x[i] * 0.5f; // in [0, 0.5]: shifting by up to 0.5 needs no clipping
            shifted[i] = small[i] + 0.1f;
            shiftedMore[i] = small[i] + 0.4f;
            negative[i] = 1 - x[i];
        }
        // A constant shift keeps structure and contrast and lowers only the luminance term: SSIM in (0, 1),
        // falling as the shift grows.
        double s = ImageMetrics.ssim(small, shifted, 1, 28, 28, 1.0);
        double more = ImageMetrics.ssim(small, shiftedMore, 1, 28, 28, 1.0);
        assertTrue(s > 0 && s < 1, "constant shift: SSIM in (0, 1), got " + s);
        assertTrue(more > 0 && more < s, "larger shift: SSIM in (0, " + s + "), got " + more);
        double n = ImageMetrics.ssim(x, negative, 1, 28, 28, 1.0);
        assertTrue(n < 0, "negative image anti-correlates: SSIM < 0, got " + n);
    }

    @Test
    void ssimMatchesAnIndependentValidRegionReference() {
        // Reference values from a NumPy/SciPy implementation of Wang et al.'s ssim_index.m
        // (correlate2d 'valid' with the normalised 11×11 Gaussian, σ = 1.5).
        int n = 28 * 28;
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = ((i * 37) % 101) / 100f;
            b[i] = (float) Math.min(1, Math.max(0, a[i] + 0.2 * Math.sin(i * 0.7)));
        }
        assertEquals(0.905980214360818, ImageMetrics.ssim(a, b, 1, 28, 28, 1.0), 1e-6);

        int m = 3 * 16 * 20;
        float[] c = new float[m];
        float[] d = new float[m];
        float[] c255 = new float[m];
        float[] d255 = new float[m];
        for (int i = 0; i < m; i++) {
            c[i] = ((i * 53) % 97) / 96f;
            d[i] = (float) Math.min(1, Math.max(0, c[i] * 0.8 + 0.1 + 0.05 * Math.cos(i * 1.3)));
            c255[i] = c[i] * 255;
            d255[i] = d[i] * 255;
        }
        assertEquals(0.9669825354447692, ImageMetrics.ssim(c, d, 3, 16, 20, 1.0), 1e-6);
        assertEquals(0.9669825354447692, ImageMetrics.ssim(c255, d255, 3, 16, 20, 255.0), 1e-6);
    }

    @Test
    void ssimHandlesImagesSmallerThanTheWindow() {
        float[] x = texture(4 * 5, 8);
        assertEquals(1.0, ImageMetrics.ssim(x, x.clone(), 1, 4, 5, 1.0), 1e-12);
        float[] y = addNoise(x, 0.3, 9);
        double s = ImageMetrics.ssim(x, y, 1, 4, 5, 1.0);
        assertTrue(s < 1 && s > -1, "small-image SSIM in (-1, 1), got " + s);
        assertTrue(Double.isFinite(ImageMetrics.ssim(new float[] {0.2f}, new float[] {0.4f}, 1, 1, 1, 1.0)));
    }

    @Test
    void argumentErrorsNameTheShapes() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ImageMetrics.ssim(new float[784], new float[783], 1, 28, 28, 1.0));
        assertTrue(
                e.getMessage().contains("784")
                        && e.getMessage().contains("783")
                        && e.getMessage().contains("1×28×28"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ImageMetrics.mse(new float[3], new float[4]));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageMetrics.psnr(new float[3], new float[3], 0));
        assertThrows(IllegalArgumentException.class, () -> ImageMetrics.mse(new float[0], new float[0]));
        assertThrows(
                IllegalArgumentException.class,
                () -> ImageMetrics.ssim(new float[4], new float[4], 1, 2, 2, Double.NaN));
    }
}
