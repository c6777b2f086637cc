package org.leakbench.plots;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/** Copies the fixture run folder out of the test resources and inspects rendered images. */
final class Fixtures {
    static final List<String> FILES = List.of("results.csv", "provenance.json", "roc.csv", "epsilon.csv",
            "jmh/bench.json");

    private Fixtures() {
    }

    /** A fresh copy of the fixture run folder at {@code dir}, with one reconstruction grid image added. */
    static Path copyRun(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("jmh"));
        for (String f : FILES) {
            try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/run/" + f)) {
                if (in == null) {
                    throw new IOException("missing test resource fixtures/run/" + f);
                }
                Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(dir.resolve("reconstructions"));
        BufferedImage grid = new BufferedImage(56, 28, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 28, 28);
        g.setColor(Color.GRAY);
        g.fillRect(28, 0, 28, 28);
        g.dispose();
        ImageIO.write(grid, "png", dir.resolve("reconstructions/dlg-batch1.png").toFile());
        return dir;
    }

    /** Writes {@code text} as {@code results.csv} (and nothing else) into a new run folder. */
    static Path runWithResults(Path dir, String text) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.csv"), text);
        return dir;
    }

    /** How many distinct RGB values a sample of the image's pixels has. */
    static int distinctColours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return seen.size();
    }

    /** Fraction of sampled pixels that are not the white background. */
    static double inkFraction(BufferedImage img) {
        long ink = 0;
        long all = 0;
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                all++;
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return ink / (double) all;
    }

    /** The horizontal resolution a PNG records (pHYs), in dots per inch; NaN when it records none. */
    static double dpi(Path png) throws IOException {
        try (var in = ImageIO.createImageInputStream(png.toFile())) {
            var reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                var tree = (javax.imageio.metadata.IIOMetadataNode) reader.getImageMetadata(0)
                        .getAsTree("javax_imageio_png_1.0");
                var nodes = tree.getElementsByTagName("pHYs");
                if (nodes.getLength() == 0) {
                    return Double.NaN;
                }
                var phys = (javax.imageio.metadata.IIOMetadataNode) nodes.item(0);
                return Double.parseDouble(phys.getAttribute("pixelsPerUnitXAxis")) * 0.0254;
            } finally {
                reader.dispose();
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
