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

    /**
     * A fresh copy of the fixture run folder at {@code dir}, with a reconstruction grid (truth on top, a noisy
     * copy below, as the harness writes them) for every dlg row of the fixture's results.
     */
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
        writeReconstructions(dir);
        return dir;
    }

    // The harness names each image <point_id>-s<seed>.png; the noise grows as the row's PSNR falls.
    private static void writeReconstructions(Path dir) throws IOException {
        Path out = Files.createDirectories(dir.resolve("reconstructions"));
        List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (!"dlg".equals(f[7]) || f[14].isBlank()) {
                continue;
            }
            double psnr = Double.parseDouble(f[14]);
            double sigma = Math.pow(10, -psnr / 20);
            java.util.Random rng = new java.util.Random(f[0].hashCode() * 31L + f[1].hashCode());
            int scale = 3;
            int cell = 28 * scale;
            BufferedImage img = new BufferedImage(cell + 4, 2 * cell + 6, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    double truth = (x > 6 && x < 21 && y > 3 && y < 25) || (y > 3 && y < 11 && (x > 2 && x < 25))
                            ? 0.55 + 0.3 * ((x + y) % 4) / 3.0 : 0.0;
                    double recon = Math.max(0, Math.min(1, truth + sigma * rng.nextGaussian()));
                    g.setColor(grey(truth));
                    g.fillRect(2 + x * scale, 2 + y * scale, scale, scale);
                    g.setColor(grey(recon));
                    g.fillRect(2 + x * scale, 4 + cell + y * scale, scale, scale);
                }
            }
            g.dispose();
            ImageIO.write(img, "png", out.resolve(f[0] + "-s" + f[1] + ".png").toFile());
        }
    }

    private static Color grey(double v) {
        int c = (int) Math.round(255 * v);
        return new Color(c, c, c);
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
