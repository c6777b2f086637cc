package org.leakbench.plots;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.List;
import java.util.function.BiConsumer;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Something {@link FigureWriter} can paint at any resolution: a size in points (1/72 inch) and a painter. The
 * same painter draws the 300-DPI PNG and the SVG, so both files show the same figure.
 *
 * @param width   width in points
 * @param height  height in points
 * @param painter paints onto a graphics whose user space is in points, origin at the top left
 */
record Drawing(int width, int height, Painter painter) {
    /** Paints a figure; the graphics' user space is in points. */
    @FunctionalInterface
    interface Painter {
        void paint(Graphics2D g);
    }

    /** The same size and caption strip, with {@code content} painted on the white page before the strip. */
    Drawing withPainter(Painter content) {
        Painter page = painter;
        return new Drawing(width, height, g -> {
            page.paint(g);
            content.paint(g);
        });
    }

    /** Height of the caption strip under every figure, in points. */
    static final int FOOTER = 14;

    /**
     * One chart with an optional overlay painted after it in the chart's own coordinates (labels placed where
     * the chart put its points), and the caption strip below.
     */
    static Drawing of(Chart<?, ?> chart, BiConsumer<Chart<?, ?>, Graphics2D> overlay, String footer) {
        return grid(List.of(new Panel(chart, overlay)), 1, footer);
    }

    /** A panel of a page: a chart and what to paint over it once it has been laid out. */
    record Panel(Chart<?, ?> chart, BiConsumer<Chart<?, ?>, Graphics2D> overlay) {
        Panel(Chart<?, ?> chart) {
            this(chart, null);
        }
    }

    /** A panel placed at (x, y) points on a page. */
    record Placed(Panel panel, int x, int y) {}

    /**
     * Charts in a grid of {@code columns} columns, row by row, each cell as large as the largest chart, with the
     * caption strip under the whole page.
     */
    static Drawing grid(List<Panel> panels, int columns, String footer) {
        int cellW = panels.stream().mapToInt(p -> p.chart().getWidth()).max().orElse(ChartStyle.WIDTH);
        int cellH = panels.stream().mapToInt(p -> p.chart().getHeight()).max().orElse(ChartStyle.HEIGHT);
        int rows = (panels.size() + columns - 1) / columns;
        int cols = Math.min(columns, panels.size());
        List<Placed> placed = new java.util.ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            placed.add(new Placed(panels.get(i), (i % columns) * cellW, (i / columns) * cellH));
        }
        return page(placed, cellW * cols, cellH * rows, footer);
    }

    /** Panels at fixed places on a {@code w} by {@code h} page, with the caption strip added below it. */
    static Drawing page(List<Placed> placed, int w, int contentH, String footer) {
        int h = contentH + FOOTER;
        return new Drawing(w, h, g -> {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            for (Placed pl : placed) {
                Chart<?, ?> chart = pl.panel().chart();
                Graphics2D cell = (Graphics2D) g.create(pl.x(), pl.y(), chart.getWidth(), chart.getHeight());
                try {
                    chart.paint(cell, chart.getWidth(), chart.getHeight());
                    if (pl.panel().overlay() != null) {
                        pl.panel().overlay().accept(chart, cell);
                    }
                } finally {
                    cell.dispose();
                }
            }
            paintFooter(g, footer, w, h);
        });
    }

    /** The caption strip: one grey line (run id and backend) at the bottom left, clipped to the width. */
    static void paintFooter(Graphics2D g, String text, int w, int h) {
        if (text == null || text.isBlank()) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(ChartStyle.FOOTER);
        g.setColor(new Color(90, 90, 90));
        String line = text;
        var metrics = g.getFontMetrics();
        while (line.length() > 4 && metrics.stringWidth(line) > w - 16) {
            line = line.substring(0, line.length() - 2);
        }
        if (!line.equals(text)) {
            line = line.substring(0, line.length() - 1) + "…";
        }
        g.drawString(line, 8, h - 4);
    }
}
