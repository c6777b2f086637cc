package org.leakbench.plots;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.RunLayout;

/**
 * Sample reconstructions next to the truth, one gallery per attack: a tile per defense point (the undefended
 * one first, then each family in knob order), each tile the harness's image grid for that point
 * ({@code reconstructions/<point_id>-s<seed>.png}: true images on top, the attack's reconstructions below),
 * titled with the defense and captioned with the point's PSNR and SSIM. The lowest seed with an image is shown.
 */
final class ReconstructionGallery {
    private static final int MAX_TILES = 12;
    private static final int COLUMNS = 6;
    private static final double TILE_H = 100;
    private static final double MAX_TILE_W = 300;
    private static final int TITLE = 12;
    private static final int PAD = 8;
    private static final int LEFT = 34;
    private static final double MIN_CELL_W = 84;

    private ReconstructionGallery() {}

    /** One tile: the point's row (first seed with an image) and its image. */
    record Tile(ResultRow row, BufferedImage image, double width, double height) {}

    static void render(RunContext ctx) throws IOException {
        Path dir = ctx.runDir.resolve(RunLayout.RECONSTRUCTIONS);
        if (!Files.isDirectory(dir)) {
            ctx.skip("figure reconstructions", "no " + RunLayout.RECONSTRUCTIONS + "/ folder in the run");
            return;
        }
        List<ResultRow> rows = ctx.results.okRows().stream()
                .filter(r -> !DefensePoints.baseline(r.param(ResultColumns.ATTACK)))
                .filter(r -> Files.isRegularFile(image(dir, r)))
                .sorted(Comparator.comparing(ResultRow::seed, ReconstructionGallery::numericFirst))
                .toList();
        if (rows.isEmpty()) {
            ctx.skip(
                    "figure reconstructions",
                    "no ok row of a real attack has an image in " + RunLayout.RECONSTRUCTIONS + "/");
            return;
        }
        for (Map.Entry<String, List<ResultRow>> split : Splits.bySetting(rows).entrySet()) {
            renderSplit(ctx, dir, split.getValue(), split.getKey(), Splits.describe(split.getKey(), split.getValue()));
        }
    }

    private static void renderSplit(RunContext ctx, Path dir, List<ResultRow> rows, String suffix, String setting)
            throws IOException {
        Slice slice = Slice.of(
                rows,
                ctx.results.parameters(),
                java.util.Set.of(
                        ResultColumns.ATTACK, ResultColumns.DEFENSE, ResultColumns.DEFENSE_PARAM, ResultColumns.SEED));
        for (Map.Entry<String, List<ResultRow>> e :
                Slice.group(slice.rows(), r -> r.param(ResultColumns.ATTACK)).entrySet()) {
            List<Tile> tiles = new ArrayList<>();
            List<ResultRow> points = new ArrayList<>(Slice.group(
                            e.getValue(),
                            r -> r.param(ResultColumns.DEFENSE) + "\u0000" + r.param(ResultColumns.DEFENSE_PARAM))
                    .values()
                    .stream()
                    .map(g -> g.get(0))
                    .toList());
            points.sort(Comparator.comparing((ResultRow r) -> !Defenses.isNone(r.param(ResultColumns.DEFENSE)))
                    .thenComparing(r -> r.param(ResultColumns.DEFENSE))
                    .thenComparingDouble(ResultRow::defenseParam));
            for (ResultRow r : points.subList(0, Math.min(MAX_TILES, points.size()))) {
                BufferedImage img = read(image(dir, r));
                // A wide batch is shrunk to the maximum width, keeping its aspect ratio.
                double w = Math.min(MAX_TILE_W, TILE_H * img.getWidth() / img.getHeight());
                tiles.add(new Tile(r, img, w, w * img.getHeight() / img.getWidth()));
            }
            String attack = e.getKey().isBlank() ? "attack" : e.getKey();
            String name = "reconstructions-" + attack.replaceAll("[^A-Za-z0-9_.-]", "_") + suffix;
            String more = points.size() > MAX_TILES ? "; first " + MAX_TILES + " of " + points.size() + " points" : "";
            String who = attack + (setting.isEmpty() ? "" : " (" + setting + ")");
            ctx.figure(
                    draw(tiles, who, ctx.footer()),
                    name,
                    "Reconstructions, " + who,
                    "Sample reconstructions by " + who + " for each defense point: in every tile the true "
                            + "images on top and the reconstruction below, with the point's PSNR and SSIM" + more
                            + (slice.fixed().isEmpty() ? "" : "; fixed: " + slice.describe()));
        }
    }

    static Path image(Path dir, ResultRow r) {
        return dir.resolve(RunLayout.reconstruction(r.pointId(), r.seed()));
    }

    private static BufferedImage read(Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null || img.getWidth() == 0 || img.getHeight() == 0) {
            throw new PlotInputException(file.toString(), null, 0, "not a readable PNG image");
        }
        return img;
    }

    static Drawing draw(List<Tile> tiles, String attack, String footer) {
        int cols = Math.min(COLUMNS, tiles.size());
        int rows = (tiles.size() + COLUMNS - 1) / COLUMNS;
        // Room for the wider of the tile and its title (family and knob on two lines).
        double cellW = Math.max(
                MIN_CELL_W, tiles.stream().mapToDouble(Tile::width).max().orElse(TILE_H) + PAD);
        // Rows as tall as the tallest tile: a wide batch, shrunk to the maximum width, needs less.
        double tileH = tiles.stream().mapToDouble(Tile::height).max().orElse(TILE_H);
        double cellH = 2 * TITLE + tileH + 2 * TITLE + PAD;
        int w = (int) Math.ceil(LEFT + cols * cellW + PAD);
        int header = 22;
        int h = (int) Math.ceil(header + rows * cellH);
        return Drawing.page(List.of(), w, h, footer).withPainter(g -> {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            String title = "Reconstructions by " + attack + " against each defense";
            java.awt.Font font = ChartStyle.TITLE;
            while (font.getSize() > 8 && g.getFontMetrics(font).stringWidth(title) > w - 16) {
                font = font.deriveFont((float) (font.getSize() - 1)); // a narrow gallery: fit the title
            }
            g.setFont(font);
            FontMetrics tm = g.getFontMetrics();
            g.drawString(title, (float) (w - tm.stringWidth(title)) / 2, 15);
            for (int i = 0; i < tiles.size(); i++) {
                Tile t = tiles.get(i);
                double x = LEFT + (i % COLUMNS) * cellW + (cellW - t.width()) / 2;
                int row = i / COLUMNS;
                double y = header + row * cellH;
                g.setFont(ChartStyle.LEGEND);
                g.setColor(Color.BLACK);
                String[] heading = defenseText(t.row());
                centred(g, heading[0], x + t.width() / 2, y + TITLE - 3);
                centred(g, heading[1], x + t.width() / 2, y + 2 * TITLE - 3);
                y += TITLE;
                double top = y + TITLE + (tileH - t.height()) / 2;
                g.drawImage(
                        t.image(),
                        (int) Math.round(x),
                        (int) Math.round(top),
                        (int) Math.round(t.width()),
                        (int) Math.round(t.height()),
                        null);
                g.setColor(Color.DARK_GRAY);
                g.drawRect((int) Math.round(x), (int) Math.round(top), (int) Math.round(t.width()), (int)
                        Math.round(t.height()));
                g.setFont(ChartStyle.ANNOTATION);
                g.setColor(new Color(40, 40, 40));
                centred(g, metricText(t.row(), Metric.PSNR, " dB"), x + t.width() / 2, y + TITLE + tileH + 10);
                centred(g, metricText(t.row(), Metric.SSIM, ""), x + t.width() / 2, y + TITLE + tileH + 20);
                if (i % COLUMNS == 0) {
                    g.setFont(ChartStyle.ANNOTATION);
                    g.drawString("truth", 4, (float) (y + TITLE + tileH * 0.25 + 3));
                    g.drawString("recon.", 4, (float) (y + TITLE + tileH * 0.75 + 3));
                }
            }
        });
    }

    private static void centred(Graphics2D g, String text, double cx, double baseline) {
        g.drawString(text, (float) (cx - g.getFontMetrics().stringWidth(text) / 2.0), (float) baseline);
    }

    // Two lines: the family, then its knob (empty when the family has none).
    private static String[] defenseText(ResultRow r) {
        String d = r.param(ResultColumns.DEFENSE);
        if (Defenses.isNone(d)) {
            return new String[] {"no defense", ""};
        }
        return new String[] {d, Defenses.label(d, r.defenseParam())};
    }

    private static String metricText(ResultRow r, Metric m, String unit) {
        return r.metric(m).isPresent()
                ? m.column().toUpperCase(java.util.Locale.ROOT) + " "
                        + Numbers.format(r.metric(m).getAsDouble()) + unit
                : "";
    }

    private static int numericFirst(String a, String b) {
        double x = Numbers.parseOrNaN(a);
        double y = Numbers.parseOrNaN(b);
        return !Double.isNaN(x) && !Double.isNaN(y) ? Double.compare(x, y) : a.compareTo(b);
    }
}
