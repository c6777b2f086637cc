package org.leakbench.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST: a 4-byte magic number (two zero bytes, the element type
 * {@code 0x08} for unsigned bytes, the number of dimensions), one big-endian 32-bit size per dimension, then the
 * elements. Images are {@code 0x00000803} (count, rows, columns), labels {@code 0x00000801} (count).
 * Gzip compression is recognised by its magic bytes ({@code 1f 8b}), whatever the file is called.
 *
 * <p>Errors are {@link DataFormatException}s naming the file and the byte offset (in the decompressed data when
 * the file is gzip-compressed); a missing file is a {@link DatasetNotFoundException}.
 */
public final class IdxReader {
    /** Magic number of an IDX file of unsigned-byte images (3 dimensions). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned-byte labels (1 dimension). */
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {}

    public static IdxImages readImages(Path file) {
        return readImages(DataFile.of(file));
    }

    public static int[] readLabels(Path file) {
        return readLabels(DataFile.of(file));
    }

    /**
     * The header of an IDX image file: {count, rows, columns}. Only the first bytes are read (and, for a gzip
     * file, decompressed); the body is checked when the images are read.
     */
    public static int[] readImageHeader(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        byte[] head;
        boolean gzip;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(absolute))) {
            raw.mark(2);
            gzip = isGzip(raw.readNBytes(2));
            raw.reset();
            try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                head = in.readNBytes(4 + 4 * (IMAGES_MAGIC & 0xff));
            }
        } catch (NoSuchFileException e) {
            throw new DatasetNotFoundException("file not found: " + absolute, e);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new DataFormatException("corrupt or truncated gzip data in " + absolute + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + absolute, e);
        }
        return header(where(absolute.toString(), gzip), head, IMAGES_MAGIC, "images");
    }

    /** Images from a file already read (plain or gzip). */
    public static IdxImages readImages(DataFile file) {
        byte[] data = imageData(file);
        int rows = readInt(data, 8);
        int columns = readInt(data, 12);
        float[][] pixels = new float[readInt(data, 4)][];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = image(data, i, rows * columns);
        }
        return new IdxImages(rows, columns, pixels);
    }

    /** The decompressed bytes of an image file, header and body length checked. */
    static byte[] imageData(DataFile file) {
        byte[] data = decompressed(file);
        int[] dims = header(where(file), data, IMAGES_MAGIC, "images");
        checkBody(file, data, dims.length, (long) dims[0] * dims[1] * dims[2]);
        return data;
    }

    /** {count, rows, columns} of checked image data ({@link #imageData}). */
    static int[] imageDims(byte[] data) {
        return new int[] {readInt(data, 4), readInt(data, 8), readInt(data, 12)};
    }

    /** Image {@code index} of checked image data ({@link #imageData}), scaled to [0,1]. */
    static float[] image(byte[] data, int index, int pixelsPerImage) {
        float[] image = new float[pixelsPerImage];
        int offset = 4 + 4 * (IMAGES_MAGIC & 0xff) + index * pixelsPerImage;
        for (int p = 0; p < pixelsPerImage; p++) {
            image[p] = (data[offset + p] & 0xff) / 255f;
        }
        return image;
    }

    /** Labels from a file already read (plain or gzip), as values 0–255. */
    public static int[] readLabels(DataFile file) {
        byte[] data = decompressed(file);
        int[] dims = header(where(file), data, LABELS_MAGIC, "labels");
        checkBody(file, data, dims.length, dims[0]);
        int[] labels = new int[dims[0]];
        int offset = 4 + 4 * dims.length;
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data[offset + i] & 0xff;
        }
        return labels;
    }

    /** True when the bytes start with the gzip magic number. */
    static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    private static byte[] decompressed(DataFile file) {
        byte[] bytes = file.bytes();
        if (!isGzip(bytes)) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DataFormatException(
                    "corrupt or truncated gzip data in " + file.name() + ": " + e.getMessage(), e);
        }
    }

    /** The file's name for messages, saying when offsets count in the decompressed data. */
    private static String where(DataFile file) {
        return where(file.name(), isGzip(file.bytes()));
    }

    private static String where(String name, boolean gzip) {
        return name + (gzip ? " (offsets in the decompressed data)" : "");
    }

    private static int[] header(String where, byte[] data, int expectedMagic, String what) {
        if (data.length < 4) {
            throw new DataFormatException("truncated IDX header in " + where + ": " + data.length
                    + " bytes, the magic number needs 4 at offset 0");
        }
        int magic = readInt(data, 0);
        if (magic != expectedMagic) {
            throw new DataFormatException(String.format(
                    "wrong magic number 0x%08x at offset 0 of %s: IDX %s need 0x%08x",
                    magic, where, what, expectedMagic));
        }
        int rank = expectedMagic & 0xff;
        int headerLength = 4 + 4 * rank;
        if (data.length < headerLength) {
            throw new DataFormatException("truncated IDX header in " + where + ": ends at offset " + data.length
                    + ", the " + rank + " dimension sizes need bytes up to offset " + headerLength);
        }
        int[] dims = new int[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = readInt(data, 4 + 4 * d);
            if (dims[d] < 0 || (d > 0 && dims[d] == 0)) {
                throw new DataFormatException(
                        "bad dimension size " + dims[d] + " at offset " + (4 + 4 * d) + " of " + where);
            }
        }
        return dims;
    }

    private static void checkBody(DataFile file, byte[] data, int rank, long elements) {
        long headerLength = 4 + 4L * rank;
        long expectedEnd = headerLength + elements;
        String where = where(file);
        if (data.length < expectedEnd) {
            throw new DataFormatException("truncated IDX body in " + where + ": data ends at offset " + data.length
                    + ", the header promises " + elements + " bytes from offset " + headerLength + " to "
                    + expectedEnd);
        }
        if (data.length > expectedEnd) {
            throw new DataFormatException("unexpected " + (data.length - expectedEnd) + " trailing bytes at offset "
                    + expectedEnd + " of " + where);
        }
    }

    private static int readInt(byte[] data, int offset) {
        return ((data[offset] & 0xff) << 24)
                | ((data[offset + 1] & 0xff) << 16)
                | ((data[offset + 2] & 0xff) << 8)
                | (data[offset + 3] & 0xff);
    }
}
