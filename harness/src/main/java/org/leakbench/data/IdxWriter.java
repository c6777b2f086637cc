package org.leakbench.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes unsigned-byte IDX files (the inverse of {@link IdxReader}), plain or gzip-compressed. Used to make the
 * bundled subset and small test files. Java's gzip header carries no time stamp, so the same data gives the
 * same bytes.
 */
public final class IdxWriter {
    private IdxWriter() {}

    /** IDX bytes of grey images given as unsigned values 0–255, {@code rows × columns} each, row-major. */
    public static byte[] images(int rows, int columns, int[][] images, boolean gzip) {
        int pixels = rows * columns;
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 + images.length * pixels);
        try (DataOutputStream out = new DataOutputStream(body)) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(images.length);
            out.writeInt(rows);
            out.writeInt(columns);
            for (int i = 0; i < images.length; i++) {
                if (images[i].length != pixels) {
                    throw new IllegalArgumentException("image " + i + " has " + images[i].length + " pixels, " + rows
                            + "x" + columns + " needs " + pixels);
                }
                for (int value : images[i]) {
                    out.writeByte(checkedByte(value, "pixel of image " + i));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gzip ? gzip(body.toByteArray()) : body.toByteArray();
    }

    /** IDX bytes of labels 0–255. */
    public static byte[] labels(int[] labels, boolean gzip) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(8 + labels.length);
        try (DataOutputStream out = new DataOutputStream(body)) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            for (int i = 0; i < labels.length; i++) {
                out.writeByte(checkedByte(labels[i], "label " + i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gzip ? gzip(body.toByteArray()) : body.toByteArray();
    }

    /** Writes bytes to a file, creating parent directories. */
    public static void write(Path file, byte[] bytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytes.length / 2 + 64);
        try (OutputStream out = new GZIPOutputStream(buffer)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static int checkedByte(int value, String what) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(what + " is " + value + ", must be in [0, 255]");
        }
        return value;
    }
}
