package org.leakbench.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The raw bytes of one data file (as stored, possibly gzip-compressed) and a readable name for messages and
 * provenance: the absolute path of a file, or {@code classpath:<resource>} for a bundled resource.
 */
public record DataFile(String name, byte[] bytes) {
    public DataFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** Reads a whole file; a missing file raises {@link DatasetNotFoundException} naming it. */
    public static DataFile of(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return new DataFile(absolute.toString(), Files.readAllBytes(absolute));
        } catch (NoSuchFileException e) {
            throw new DatasetNotFoundException("file not found: " + absolute, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + absolute, e);
        }
    }

    /** Reads a class-path resource given by its absolute name ({@code org/leakbench/data/...}). */
    public static DataFile ofResource(String resource) {
        String name = "classpath:" + resource;
        try (InputStream in = DataFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new DatasetNotFoundException("bundled resource not found: " + name);
            }
            return new DataFile(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** SHA-256 of the bytes as stored. */
    public String sha256() {
        return Sha256.of(bytes);
    }
}
