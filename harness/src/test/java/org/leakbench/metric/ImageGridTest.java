package org.leakbench.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {
    @TempDir
    Path dir;

    private static float[] ramp(int c, int h, int w, float offset) {
        float[] x = new float[c * h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = offset + (i % (h * w)) / (float) (h * w) - 0.1f; // slightly out of [0, 1]: clamped
        }
        return x;
    }

    @Test
    void greyGridHasTheExpectedSizeAndContent() throws IOException {
        int c = 1, h = 28, w = 28, scale = 2;
        float[][] truth = {ramp(c, h, w, 0), ramp(c, h, w, 0.2f), ramp(c, h, w, 0.4f)};
        float[][] recon = {ramp(c, h, w, 0.1f), null, ramp(c, h, w, 0.3f)};
        Path file = dir.resolve("nested/dirs/grid.png");
        ImageGrid.writePng(file, List.of(truth, recon), c, h, w, scale);

        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, "ImageIO cannot read the PNG");
        int sep = ImageGrid.SEPARATOR;
        assertEquals(3 * w * scale + 4 * sep, img.getWidth());
        assertEquals(2 * h * scale + 3 * sep, img.getHeight());
        // Top-left image pixel: ramp value -0.1 clamps to black; separator is white; missing cell grey.
        assertEquals(0x000000, img.getRGB(sep, sep) & 0xFFFFFF);
        assertEquals(0xFFFFFF, img.getRGB(0, 0) & 0xFFFFFF);
        int missingX = sep + (w * scale + sep) + 3;
        int missingY = sep + (h * scale + sep) + 3;
        assertEquals(0x808080, img.getRGB(missingX, missingY) & 0xFFFFFF);
        assertTrue(distinctColours(img) > 20, "grid looks blank");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "temporary file left behind");
        }
    }

    @Test
    void rgbGridKeepsChannelsApart() throws IOException {
        int c = 3, h = 4, w = 5, scale = 3;
        float[] red = new float[c * h * w];
        java.util.Arrays.fill(red, 0, h * w, 1f);
        Path file = dir.resolve("rgb.png");
        ImageGrid.writePng(file, List.of(new float[][] {red}, new float[][] {red, red}), c, h, w, scale);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(2 * w * scale + 3 * ImageGrid.SEPARATOR, img.getWidth());
        assertEquals(2 * h * scale + 3 * ImageGrid.SEPARATOR, img.getHeight());
        assertEquals(0xFF0000, img.getRGB(ImageGrid.SEPARATOR + 1, ImageGrid.SEPARATOR + 1) & 0xFFFFFF);
        // Overwriting an existing file works.
        ImageGrid.writePng(file, List.<float[][]>of(new float[][] {red}), c, h, w, 1);
        assertEquals(w + 2 * ImageGrid.SEPARATOR, ImageIO.read(file.toFile()).getWidth());
    }

    @Test
    void argumentErrors() {
        Path file = dir.resolve("bad.png");
        float[][] one = {new float[28 * 28]};
        List<float[][]> rows = List.<float[][]>of(one);
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.writePng(file, rows, 2, 28, 28, 1));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.writePng(file, rows, 1, 28, 28, 0));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.writePng(file, List.of(), 1, 28, 28, 1));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ImageGrid.writePng(file, List.of(one, new float[][] {new float[10]}), 1, 28, 28, 1));
        assertTrue(e.getMessage().contains("row 1 image 0") && e.getMessage().contains("784"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
