package org.leakbench.metric;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes sample reconstructions as a PNG grid: typically the true images in the top row and one row of
 * reconstructions per attack below, column i of every row showing sample i.
 *
 * <p>Layout: each image is {@code w·scale} by {@code h·scale} pixels (nearest-neighbour upscaling), with a
 * {@value #SEPARATOR}-pixel white separator between cells and around the border, so the PNG is
 * {@code cols·w·scale + (cols+1)·SEPARATOR} wide and {@code rows·h·scale + (rows+1)·SEPARATOR} high, where cols
 * is the longest row. Missing cells (a shorter row, or a {@code null} image, e.g. an unmatched sample) are left
 * mid-grey. Pixel values are clamped to [0, 1] (NaN shows as 0). Only {@link BufferedImage} and
 * {@link ImageIO} are used, which never need a display, so this runs headless.
 */
public final class ImageGrid {
    /** Separator width in output pixels. */
    public static final int SEPARATOR = 2;

    private static final int SEPARATOR_RGB = 0xFFFFFF;
    private static final int EMPTY_RGB = 0x808080;

    private ImageGrid() {}

    /**
     * Writes the grid atomically (to a temporary file in the same directory, then moved into place), creating
     * parent directories.
     *
     * @param rows  one array of images per grid row; each image is a flattened [c, h, w] array in [0, 1]
     * @param c     channels: 1 (grey) or 3 (RGB)
     * @param scale integer upscaling factor, 1 to 64
     */
    public static void writePng(Path file, List<float[][]> rows, int c, int h, int w, int scale) {
        BufferedImage image = render(rows, c, h, w, scale);
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IllegalStateException("no PNG writer available in javax.imageio");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write image grid " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and harmless
                }
            }
        }
    }

    /** Renders the grid in memory (see the class comment for the layout). */
    public static BufferedImage render(List<float[][]> rows, int c, int h, int w, int scale) {
        if (c != 1 && c != 3) {
            throw new IllegalArgumentException("image grid: channels must be 1 (grey) or 3 (RGB), got " + c);
        }
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException("image grid: height and width must be > 0, got " + h + "×" + w);
        }
        if (scale < 1 || scale > 64) {
            throw new IllegalArgumentException("image grid: scale must be in [1, 64], got " + scale);
        }
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("image grid: no rows to draw");
        }
        int cols = 0;
        for (int r = 0; r < rows.size(); r++) {
            float[][] row = rows.get(r);
            if (row == null) {
                throw new IllegalArgumentException("image grid: row " + r + " is null");
            }
            cols = Math.max(cols, row.length);
            for (int k = 0; k < row.length; k++) {
                if (row[k] != null) {
                    ImageMetrics.checkImage("image grid: row " + r + " image " + k, row[k], c, h, w);
                }
            }
        }
        if (cols == 0) {
            throw new IllegalArgumentException("image grid: all " + rows.size() + " rows are empty");
        }
        long width = (long) cols * w * scale + (long) (cols + 1) * SEPARATOR;
        long height = (long) rows.size() * h * scale + (long) (rows.size() + 1) * SEPARATOR;
        if (width * height > 100_000_000L) {
            throw new IllegalArgumentException("image grid: " + width + "×" + height + " pixels is too large");
        }
        BufferedImage out = new BufferedImage((int) width, (int) height, BufferedImage.TYPE_INT_RGB);
        fill(out, 0, 0, (int) width, (int) height, SEPARATOR_RGB);
        for (int r = 0; r < rows.size(); r++) {
            float[][] row = rows.get(r);
            int y0 = SEPARATOR + r * (h * scale + SEPARATOR);
            for (int k = 0; k < cols; k++) {
                int x0 = SEPARATOR + k * (w * scale + SEPARATOR);
                if (k >= row.length || row[k] == null) {
                    fill(out, x0, y0, w * scale, h * scale, EMPTY_RGB);
                } else {
                    draw(out, row[k], c, h, w, scale, x0, y0);
                }
            }
        }
        return out;
    }

    private static void draw(BufferedImage out, float[] img, int c, int h, int w, int scale, int x0, int y0) {
        int plane = h * w;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                int red = toByte(img[p]);
                int green = c == 3 ? toByte(img[plane + p]) : red;
                int blue = c == 3 ? toByte(img[2 * plane + p]) : red;
                fill(out, x0 + x * scale, y0 + y * scale, scale, scale, (red << 16) | (green << 8) | blue);
            }
        }
    }

    private static int toByte(float v) {
        if (!(v > 0)) {
            return 0; // also NaN
        }
        return v >= 1 ? 255 : Math.round(v * 255f);
    }

    private static void fill(BufferedImage out, int x0, int y0, int width, int height, int rgb) {
        for (int y = y0; y < y0 + height; y++) {
            for (int x = x0; x < x0 + width; x++) {
                out.setRGB(x, y, rgb);
            }
        }
    }
}
