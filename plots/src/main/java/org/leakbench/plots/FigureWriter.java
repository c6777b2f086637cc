package org.leakbench.plots;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Writes a {@link Drawing} as PNG (300 DPI, with the resolution recorded in the file so a word processor places
 * it at its intended size), SVG and PDF (for pdflatex). Each file is first written under a temporary name in the
 * same folder and then moved into place, so a reader never sees half a figure.
 */
final class FigureWriter {
    private static final String PNG_FORMAT = "javax_imageio_png_1.0";

    private FigureWriter() {}

    /** Writes {@code <name>.png}, {@code <name>.svg} and {@code <name>.pdf} into {@code dir}; returns them. */
    static List<Path> write(Drawing drawing, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        Path pdf = dir.resolve(name + ".pdf");
        writeThenMove(dir, name, png, ".png", f -> writePng(drawing, f));
        writeThenMove(dir, name, svg, ".svg", f -> writeSvg(drawing, f));
        writeThenMove(dir, name, pdf, ".pdf", f -> writePdf(drawing, f));
        return List.of(png, svg, pdf);
    }

    /** Writes one format of a figure into a file. */
    private interface Format {
        void write(Path file) throws IOException;
    }

    /** Writes into a hidden temporary file beside {@code target}, then moves it there, so no reader sees half. */
    private static void writeThenMove(Path dir, String name, Path target, String extension, Format format)
            throws IOException {
        Path tmp = Files.createTempFile(dir, "." + name + "-", extension + ".tmp");
        try {
            format.write(tmp);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    // pdflatex includes PDF but not SVG. Text the standard PDF fonts cannot encode (σ, ε, –) is drawn as
    // outlines by PdfBoxGraphics2D, so every glyph shows whatever fonts the reader has.
    private static void writePdf(Drawing drawing, Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(drawing.width(), drawing.height()));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, drawing.width(), drawing.height());
            try {
                drawing.painter().paint(g);
            } finally {
                g.dispose();
            }
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(form);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                doc.save(out);
            }
        }
    }

    /** The drawing rasterised at {@link ChartStyle#DPI}. */
    static BufferedImage raster(Drawing drawing) {
        double scale = ChartStyle.DPI / 72.0;
        BufferedImage img = new BufferedImage(
                (int) Math.round(drawing.width() * scale),
                (int) Math.round(drawing.height() * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.scale(scale, scale);
            drawing.painter().paint(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void writePng(Drawing drawing, Path file) throws IOException {
        BufferedImage img = raster(drawing);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            // PNG records resolution as pixels per metre (the pHYs chunk).
            String ppm = Long.toString(Math.round(ChartStyle.DPI / 0.0254));
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", ppm);
            phys.setAttribute("pixelsPerUnitYAxis", ppm);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode(PNG_FORMAT);
            root.appendChild(phys);
            meta.mergeTree(PNG_FORMAT, root);
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, meta), param);
        } finally {
            writer.dispose();
        }
    }

    private static void writeSvg(Drawing drawing, Path file) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        drawing.painter().paint(g);
        Document doc =
                new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, drawing.width(), drawing.height()));
        try (OutputStream out = Files.newOutputStream(file)) {
            doc.writeTo(out);
        }
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
        // Temporary files are private to their owner; outputs are meant to be shared like any other file.
        try {
            Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions apply
        }
    }
}
