package org.leakbench.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.series.MarkerSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.leakbench.results.ResultColumns;

/**
 * One look for every figure: the same size, fonts, white background, legend outside the data, and series that
 * stay apart in greyscale (each has its own marker and line style as well as a colour from the Okabe–Ito
 * palette, which colour-blind readers can tell apart).
 */
final class ChartStyle {
    /** Figure size in points; at 300 DPI the PNG is {@code WIDTH·300/72} pixels wide. */
    static final int WIDTH = 640;

    static final int HEIGHT = 400;
    static final int DPI = 300;

    private static final String FAMILY = Font.SANS_SERIF;
    static final Font TITLE = new Font(FAMILY, Font.BOLD, 13);
    static final Font AXIS_TITLE = new Font(FAMILY, Font.PLAIN, 12);
    static final Font TICKS = new Font(FAMILY, Font.PLAIN, 10);
    static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 10);
    static final Font ANNOTATION = new Font(FAMILY, Font.PLAIN, 8);
    static final Font FOOTER = new Font(FAMILY, Font.PLAIN, 8);

    // Okabe & Ito (2008), "Color Universal Design", without yellow (too light on white).
    private static final Color[] COLORS = {
        new Color(0, 114, 178),
        new Color(213, 94, 0),
        new Color(0, 158, 115),
        new Color(204, 121, 167),
        new Color(86, 180, 233),
        new Color(230, 159, 0),
        new Color(80, 80, 80)
    };
    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS, SeriesMarkers.TRAPEZOID
    };
    private static final BasicStroke[] LINES = {
        SeriesLines.SOLID, SeriesLines.DASH_DASH, SeriesLines.DOT_DOT, SeriesLines.DASH_DOT
    };

    static final Color REFERENCE = Color.BLACK;
    static final Color FRONT = new Color(150, 150, 150);

    private ChartStyle() {}

    static XYChart xy(String title, String xTitle, String yTitle) {
        return xy(title, xTitle, yTitle, WIDTH, HEIGHT);
    }

    /** An XY chart of {@code width} by {@code height} points, for the small panels of a page. */
    static XYChart xy(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChartBuilder()
                .width(width)
                .height(height)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        common(chart.getStyler());
        chart.getStyler().setChartTitleFont(titleFont(title, width));
        chart.getStyler().setMarkerSize(7);
        return chart;
    }

    /**
     * A bar chart with {@code categories} under its bars: level when the longest fits the width of one group,
     * else upright (XChart places slanted labels off their bars), with the chart made taller by what upright
     * labels take beyond the room level ones would.
     */
    static CategoryChart bars(String title, String xTitle, String yTitle, List<String> categories) {
        int longest = textWidth(TICKS, categories);
        int perCategory = plotRoom(WIDTH) / Math.max(1, categories.size()); // whole pixels per bar
        boolean level = longest <= perCategory * 0.9;
        int height = level ? HEIGHT : HEIGHT + Math.max(0, longest - 40);
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(height)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        common(chart.getStyler());
        chart.getStyler().setChartTitleFont(titleFont(title, WIDTH));
        chart.getStyler().setSeriesColors(COLORS);
        chart.getStyler().setXAxisLabelRotation(level ? 0 : 90);
        chart.getStyler().setAvailableSpaceFill(0.8);
        return chart;
    }

    /** The width in points of the widest of {@code texts} in {@code font}. */
    static int textWidth(Font font, List<String> texts) {
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            return texts.stream()
                    .mapToInt(t -> g.getFontMetrics(font).stringWidth(t))
                    .max()
                    .orElse(0);
        } finally {
            g.dispose();
        }
    }

    /**
     * The title font, made smaller (down to 9 points) until the title fits: XChart centres a title over the plot
     * area (the chart less the legend outside on the right, about a third of it) and cuts whatever does not fit
     * off both ends.
     */
    static Font titleFont(String title, int width) {
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            Font f = TITLE;
            while (f.getSize() > 9 && g.getFontMetrics(f).stringWidth(title) > titleRoom(width)) {
                f = f.deriveFont((float) (f.getSize() - 1));
            }
            return f;
        } finally {
            g.dispose();
        }
    }

    /** Points a title may take on a chart {@code width} points wide. */
    static int titleRoom(int width) {
        return plotRoom(width) - 10;
    }

    /** Points the plot area takes of a chart {@code width} points wide, next to the legend outside it. */
    static int plotRoom(int width) {
        return (int) (width * 0.66);
    }

    private static void common(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.DARK_GRAY);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setChartFontColor(Color.BLACK);
        s.setChartTitleFont(TITLE);
        s.setAxisTitleFont(AXIS_TITLE);
        s.setAxisTickLabelsFont(TICKS);
        s.setLegendFont(LEGEND);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setLegendSeriesLineLength(28);
        s.setAnnotationTextFont(ANNOTATION);
        s.setAnnotationTextFontColor(Color.DARK_GRAY);
        s.setErrorBarsColorSeriesColor(true);
        s.setAntiAlias(true);
        s.setChartPadding(8);
        s.setToolTipsEnabled(false);
    }

    /** Gives series number {@code i} its colour, marker and line style. */
    static void styleSeries(MarkerSeries series, int i) {
        Color c = COLORS[i % COLORS.length];
        series.setLineColor(c);
        series.setMarkerColor(c);
        series.setMarker(MARKERS[i % MARKERS.length]);
        series.setLineStyle(LINES[i % LINES.length]);
        series.setLineWidth(1.6f);
    }

    /** Long series names squeeze the plot when the legend sits at its right: move such a legend below it. */
    static void fitLegend(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, java.util.Collection<String> names) {
        if (names.stream().mapToInt(String::length).max().orElse(0) > 24) {
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        }
    }

    /** Sets the y range to [lo, hi] plus a margin, so no point or reference line sits on the frame. */
    static void padY(XYChart chart, double lo, double hi, boolean log) {
        if (!(hi >= lo) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
            return;
        }
        if (log) {
            chart.getStyler().setYAxisMin(lo / 1.3);
            chart.getStyler().setYAxisMax(hi * 1.3);
        } else {
            double pad = hi > lo ? (hi - lo) * 0.08 : Math.max(Math.abs(hi) * 0.1, 1e-9);
            chart.getStyler().setYAxisMin(lo - pad);
            chart.getStyler().setYAxisMax(hi + pad);
        }
    }

    /**
     * The style index of a defense family: its rank among the defended families in order of first appearance
     * in the results, so a family has the same colour, marker and dashes in every figure.
     */
    static int familyIndex(ResultsFile results, String family) {
        List<String> seen = new ArrayList<>();
        for (ResultRow r : results.rows()) {
            String d = r.param(ResultColumns.DEFENSE);
            if (!Defenses.isNone(d) && !seen.contains(d)) {
                seen.add(d);
            }
        }
        int i = seen.indexOf(family);
        return i < 0 ? seen.size() : i;
    }

    /** A colour for bar series number {@code i}, matching {@link #styleSeries}. */
    static Color color(int i) {
        return COLORS[i % COLORS.length];
    }
}
