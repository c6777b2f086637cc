package org.leakbench.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Labels beside data points, painted after the chart has laid itself out so the screen position of every
 * point is known. Each label takes the first of eight places around its point that hits no other label, no
 * marker and stays inside the plot; when none is free it takes the least crowded one and a thin leader line
 * joins it to its point. XChart's own annotations are centred on a fixed anchor and overlap as soon as two
 * points are close, which is the common case on a frontier.
 */
final class PointLabels {
    /**
     * A label for the point at data coordinates (x, y); {@code ring} circles the point (Pareto-optimal). Labels
     * of one {@code line} are joined by a line in the chart, in order, and keep off its segments. {@code xErr}
     * (0 for none) draws a horizontal error bar of ±xErr: XChart draws error bars on y only. {@code yErr} is
     * the half-height of the error bar XChart drew, which labels keep off too.
     */
    record Label(double x, double y, String text, boolean ring, String line, double xErr, double yErr) {
        Label(double x, double y, String text, boolean ring, String line) {
            this(x, y, text, ring, line, 0, 0);
        }
    }

    private static final double MARKER = 6.0;
    private static final double GAP = 3.0;

    private PointLabels() {}

    /** An overlay for {@link Drawing.Panel} that paints {@code labels} over its chart. */
    static BiConsumer<Chart<?, ?>, Graphics2D> overlay(List<Label> labels) {
        return (chart, g) -> paint(chart, g, labels, false);
    }

    /**
     * An overlay for a small panel that repeats another's points: a label with no free place is left out
     * rather than crowded in, since the main panel names every point.
     */
    static BiConsumer<Chart<?, ?>, Graphics2D> sparseOverlay(List<Label> labels) {
        return (chart, g) -> paint(chart, g, labels, true);
    }

    /** Paints the labels; returns where each non-empty one went, in screen coordinates. */
    static List<Rectangle2D> paint(Chart<?, ?> chart, Graphics2D g, List<Label> labels) {
        return paint(chart, g, labels, false);
    }

    private static List<Rectangle2D> paint(Chart<?, ?> chart, Graphics2D g, List<Label> labels, boolean sparse) {
        List<Rectangle2D> placed = new ArrayList<>();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(ChartStyle.ANNOTATION);
        FontMetrics fm = g.getFontMetrics();
        List<double[]> points = new ArrayList<>();
        for (Label l : labels) {
            points.add(new double[] {chart.getScreenXFromChart(l.x()), chart.getScreenYFromChart(l.y())});
        }
        Rectangle2D plot = plotBounds(points, chart);
        List<Rectangle2D> taken = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            taken.add(new Rectangle2D.Double(p[0] - MARKER, p[1] - MARKER, 2 * MARKER, 2 * MARKER));
            if (i > 0
                    && !labels.get(i).line().isEmpty()
                    && labels.get(i).line().equals(labels.get(i - 1).line())) {
                segment(points.get(i - 1), p, taken);
            }
            Label l = labels.get(i);
            if (l.xErr() > 0) {
                segment(
                        new double[] {chart.getScreenXFromChart(l.x() - l.xErr()), p[1]},
                        new double[] {chart.getScreenXFromChart(l.x() + l.xErr()), p[1]},
                        taken);
            }
            if (l.yErr() > 0) {
                segment(
                        new double[] {p[0], chart.getScreenYFromChart(l.y() - l.yErr())},
                        new double[] {p[0], chart.getScreenYFromChart(l.y() + l.yErr())},
                        taken);
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            Label l = labels.get(i);
            double[] p = points.get(i);
            if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                continue;
            }
            if (l.xErr() > 0) {
                double x0 = chart.getScreenXFromChart(l.x() - l.xErr());
                double x1 = chart.getScreenXFromChart(l.x() + l.xErr());
                g.setColor(new Color(110, 110, 110));
                g.setStroke(new BasicStroke(0.8f));
                g.draw(new Line2D.Double(x0, p[1], x1, p[1]));
                g.draw(new Line2D.Double(x0, p[1] - 2.5, x0, p[1] + 2.5));
                g.draw(new Line2D.Double(x1, p[1] - 2.5, x1, p[1] + 2.5));
            }
            if (l.ring()) {
                g.setColor(ChartStyle.FRONT);
                g.setStroke(new BasicStroke(1.4f));
                g.draw(new Ellipse2D.Double(p[0] - 8.5, p[1] - 8.5, 17, 17));
            }
            if (l.text().isBlank()) {
                continue;
            }
            double w = fm.stringWidth(l.text());
            double h = fm.getAscent();
            Rectangle2D best = null;
            double bestCost = Double.POSITIVE_INFINITY;
            for (double[] c : candidates(p, w, h)) {
                Rectangle2D r = new Rectangle2D.Double(c[0], c[1], w, h);
                double cost = overlap(r, taken) + (plot.contains(r) ? 0 : 1e6) + c[2];
                if (cost < bestCost) {
                    bestCost = cost;
                    best = r;
                }
            }
            if (sparse && bestCost >= 1) {
                continue;
            }
            taken.add(best);
            placed.add(best);
            if (bestCost >= 1) {
                // Crowded: a leader line makes clear which point the displaced label belongs to.
                g.setColor(new Color(150, 150, 150));
                g.setStroke(new BasicStroke(0.6f));
                g.draw(new Line2D.Double(p[0], p[1], best.getCenterX(), best.getCenterY()));
            }
            g.setColor(new Color(40, 40, 40));
            g.drawString(l.text(), (float) best.getX(), (float) (best.getY() + h - 1));
        }
        return placed;
    }

    // Right, left, above, below and the four corners, then the same twice as far; a small order penalty keeps
    // the labels on the right (where readers look first) when several places are free.
    private static List<double[]> candidates(double[] p, double w, double h) {
        List<double[]> out = new ArrayList<>();
        for (int far = 1; far <= 3; far++) {
            double d = (MARKER + GAP) * far;
            double[][] offsets = {
                {d, -h / 2}, {d, -h - d / 2}, {d, d / 2}, {-d - w, -h / 2},
                {-d - w, -h - d / 2}, {-d - w, d / 2}, {-w / 2, -h - d}, {-w / 2, d}
            };
            for (int k = 0; k < offsets.length; k++) {
                out.add(new double[] {p[0] + offsets[k][0], p[1] + offsets[k][1], 0.01 * (k + 8 * (far - 1))});
            }
        }
        return out;
    }

    // A drawn line segment as a chain of small boxes, so a label does not sit on it.
    private static void segment(double[] a, double[] b, List<Rectangle2D> taken) {
        double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
        int n = (int) Math.min(200, Math.ceil(len / 3));
        for (int k = 1; k < n; k++) {
            double x = a[0] + (b[0] - a[0]) * k / n;
            double y = a[1] + (b[1] - a[1]) * k / n;
            taken.add(new Rectangle2D.Double(x - 1.5, y - 1.5, 3, 3));
        }
    }

    private static double overlap(Rectangle2D r, List<Rectangle2D> taken) {
        double sum = 0;
        for (Rectangle2D t : taken) {
            Rectangle2D x = r.createIntersection(t);
            if (x.getWidth() > 0 && x.getHeight() > 0) {
                sum += 1 + x.getWidth() * x.getHeight();
            }
        }
        return sum;
    }

    // The plot area: the screen rectangle of the axis range when the figure fixed it (the frontier does),
    // otherwise the points' bounding box with a margin (the figures pad their axes around their points).
    private static Rectangle2D plotBounds(List<double[]> points, Chart<?, ?> chart) {
        if (chart.getStyler() instanceof org.knowm.xchart.style.AxesChartStyler s
                && s.getXAxisMin() != null
                && s.getXAxisMax() != null
                && s.getYAxisMin() != null
                && s.getYAxisMax() != null) {
            double x0 = chart.getScreenXFromChart(s.getXAxisMin());
            double x1 = chart.getScreenXFromChart(s.getXAxisMax());
            double y0 = chart.getScreenYFromChart(s.getYAxisMax());
            double y1 = chart.getScreenYFromChart(s.getYAxisMin());
            if (Double.isFinite(x0 + x1 + y0 + y1) && x1 > x0 && y1 > y0) {
                return new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0);
            }
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        double padX = Math.max(30, (maxX - minX) * 0.05);
        double padY = Math.max(12, (maxY - minY) * 0.05);
        return new Rectangle2D.Double(minX - padX, minY - padY, maxX - minX + 2 * padX, maxY - minY + 2 * padY);
    }
}
