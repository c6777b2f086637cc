package org.leakbench.data;

import java.nio.file.Path;

/**
 * An IDX image file of which only the header has been read: count, rows and columns are known, the pixels are
 * decoded (and the stored bytes hashed in the same read) on first use. A file that changed in between is an
 * error, not a silent mix.
 */
final class IdxImageFile implements SampleFile {
    private final Path file;
    private final int[] dims;
    private String sha256;
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
        DataFile stored = DataFile.of(file);
        String sha = stored.sha256();
        if (sha256 != null && !sha256.equals(sha)) {
            throw new DataFormatException(file + " changed since it was hashed");
        }
        IdxImages images = IdxReader.readImages(stored);
        if (images.count() != count() || images.rows() != rows() || images.columns() != columns()) {
            throw new DataFormatException(file + " changed since its header was read: now " + images.count() + " x "
                    + images.rows() + " x " + images.columns() + ", was " + count() + " x " + rows() + " x "
                    + columns());
        }
        sha256 = sha;
        read = true;
        return images.pixels();
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
