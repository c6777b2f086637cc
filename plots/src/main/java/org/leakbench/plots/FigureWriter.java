package org.leakbench.plots;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a chart as PNG (300 DPI) and SVG. Each file is first written under a temporary name in the same
 * folder and then moved into place, so a reader never sees half a figure.
 */
final class FigureWriter {
    private FigureWriter() {
    }

    /** Writes {@code <name>.png} and {@code <name>.svg} into {@code dir}; returns both paths. */
    static List<Path> write(Chart<?, ?> chart, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        // XChart appends ".png" itself, so the temporary name must already end with it.
        Path pngTmp = Files.createTempFile(dir, "." + name + "-", ".png");
        try {
            BitmapEncoder.saveBitmapWithDPI(chart, pngTmp.toString(), BitmapEncoder.BitmapFormat.PNG,
                    ChartStyle.DPI);
            move(pngTmp, png);
        } finally {
            Files.deleteIfExists(pngTmp);
        }
        Path svgTmp = Files.createTempFile(dir, "." + name + "-", ".svg");
        try {
            try (OutputStream out = Files.newOutputStream(svgTmp)) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
            move(svgTmp, svg);
        } finally {
            Files.deleteIfExists(svgTmp);
        }
        return List.of(png, svg);
    }

    /** Writes text atomically (temporary file, then move). */
    static Path writeText(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + "-", ".tmp");
        try {
            Files.writeString(tmp, text);
            move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
