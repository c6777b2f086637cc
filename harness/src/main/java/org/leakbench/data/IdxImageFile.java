package org.leakbench.data;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * An IDX image file of which only the header has been read: count, rows and columns are known, the pixels are
 * decoded (and the stored bytes hashed in the same read) on first use. A file that changed in between is an
 * error, not a silent mix.
 */
final class IdxImageFile implements SampleFile {
    private final Path file;
    private final int[] dims;
    private String sha256;
    /** The decompressed file between a first single-sample read and the full decode. */
    private byte[] body;

    private boolean read;

    /** Reads the header of {@code file} (an absolute path). */
    IdxImageFile(Path file) {
        this.file = file;
        this.dims = IdxReader.readImageHeader(file);
    }

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public int count() {
        return dims[0];
    }

    int rows() {
        return dims[1];
    }

    int columns() {
        return dims[2];
    }

    @Override
    public synchronized float[][] decode() {
        byte[] data = data();
        float[][] pixels = new float[count()][];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = IdxReader.image(data, i, rows() * columns());
        }
        body = null; // the data set keeps the decoded rows
        return pixels;
    }

    @Override
    public synchronized float[] decode(int index) {
        return IdxReader.image(data(), index, rows() * columns());
    }

    /** The file's decompressed, checked bytes, read (and hashed) on the first call. */
    private byte[] data() {
        if (body != null) {
            return body;
        }
        DataFile stored = DataFile.of(file);
        String sha = stored.sha256();
        if (sha256 != null && !sha256.equals(sha)) {
            throw new DataFormatException(file + " changed since it was hashed");
        }
        byte[] data = IdxReader.imageData(stored);
        int[] now = IdxReader.imageDims(data);
        if (!Arrays.equals(now, dims)) {
            throw new DataFormatException(file + " changed since its header was read: sizes now " + Arrays.toString(now)
                    + ", were " + Arrays.toString(dims));
        }
        sha256 = sha;
        read = true;
        body = data;
        return data;
    }

    @Override
    public synchronized String sha256() {
        if (sha256 == null) {
            sha256 = Sha256.of(file);
        }
        return sha256;
    }

    @Override
    public synchronized boolean read() {
        return read;
    }
}
