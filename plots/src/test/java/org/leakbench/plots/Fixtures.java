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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.leakbench.results.Metric;
import org.leakbench.results.ProvenanceFile;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.RunLayout;

/**
 * Builds the fixture run folder (results and provenance through the results schema, the side files from the test
 * resources) and inspects rendered images.
 */
final class Fixtures {
    /** The hand-made side files of the fixture run: ROC points, the accountant table and JMH results. */
    static final List<String> FILES =
            List.of(RunLayout.ROC, RunLayout.ROC_BANDS, RunLayout.EPSILON, RunLayout.JMH + "/bench.json");

    static final String RUN_ID = "2026-11-23T19-00-00Z-fixture";

    private Fixtures() {}

    /**
     * A fresh fixture run folder at {@code dir}: results.csv from {@link FixtureResults}, a provenance.json, the
     * side files, and a reconstruction grid (truth on top, a noisy copy below, as the harness writes them) for
     * every dlg row of the results.
     */
    static Path copyRun(Path dir) throws IOException {
        Files.createDirectories(dir.resolve(RunLayout.JMH));
        for (String f : FILES) {
            try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/run/" + f)) {
                if (in == null) {
                    throw new IOException("missing test resource fixtures/run/" + f);
                }
                Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        FixtureResults.write(dir.resolve(RunLayout.RESULTS));
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put(ProvenanceFile.FORMAT_VERSION_KEY, ProvenanceFile.FORMAT_VERSION);
        provenance.put(ProvenanceFile.RUN_ID, RUN_ID);
        provenance.put(ProvenanceFile.LEAKBENCH_VERSION, "0.1.0-SNAPSHOT");
        provenance.put(ProvenanceFile.GIT_COMMIT, "0000000");
        provenance.put(ProvenanceFile.GIT_DIRTY, false);
        provenance.put(ProvenanceFile.JVM, "17.0.15");
        provenance.put(ProvenanceFile.BACKEND, "ejml");
        provenance.put(ProvenanceFile.BACKEND_DESCRIPTION, "pure Java, EJML 0.43.1");
        provenance.put(ProvenanceFile.THREADS, 2);
        provenance.put(ProvenanceFile.SEEDS, List.of(1, 2));
        ProvenanceFile.write(dir.resolve(RunLayout.PROVENANCE), provenance);
        writeReconstructions(dir);
        return dir;
    }

    // The harness names each image <point_id>-s<seed>.png; the noise grows as the row's PSNR falls.
    private static void writeReconstructions(Path dir) throws IOException {
        Path out = Files.createDirectories(dir.resolve(RunLayout.RECONSTRUCTIONS));
        for (ResultRow r : ResultsFile.read(dir.resolve(RunLayout.RESULTS)).rows()) {
            if (!"dlg".equals(r.param(ResultColumns.ATTACK))
                    || r.metric(Metric.PSNR).isEmpty()) {
                continue;
            }
            double psnr = r.metric(Metric.PSNR).getAsDouble();
            double sigma = Math.pow(10, -psnr / 20);
            java.util.Random rng =
                    new java.util.Random(r.pointId().hashCode() * 31L + r.seed().hashCode());
            int scale = 3;
            int cell = 28 * scale;
            BufferedImage img = new BufferedImage(cell + 4, 2 * cell + 6, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    double truth = (x > 6 && x < 21 && y > 3 && y < 25) || (y > 3 && y < 11 && (x > 2 && x < 25))
                            ? 0.55 + 0.3 * ((x + y) % 4) / 3.0
                            : 0.0;
                    double recon = Math.max(0, Math.min(1, truth + sigma * rng.nextGaussian()));
                    g.setColor(grey(truth));
                    g.fillRect(2 + x * scale, 2 + y * scale, scale, scale);
                    g.setColor(grey(recon));
                    g.fillRect(2 + x * scale, 4 + cell + y * scale, scale, scale);
                }
            }
            g.dispose();
            ImageIO.write(
                    img,
                    "png",
                    out.resolve(RunLayout.reconstruction(r.pointId(), r.seed())).toFile());
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
    /** The frontier point of {@code defense}; fails if it has none. */
    static DefensePoints.Point pointOf(DefensePoints dp, String defense) {
        return dp.points().stream()
                .filter(p -> p.defense().equals(defense))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no point for " + defense + " in " + dp.points()));
    }

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
                var tree = (javax.imageio.metadata.IIOMetadataNode)
                        reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
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
