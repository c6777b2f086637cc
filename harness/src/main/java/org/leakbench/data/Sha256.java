package org.leakbench.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex, for the provenance of every data file read. */
public final class Sha256 {
    private Sha256() {}

    /** Digest of a file's bytes; a missing file raises {@link DatasetNotFoundException} naming it. */
    public static String of(Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return of(in);
        } catch (NoSuchFileException e) {
            throw new DatasetNotFoundException("file not found: " + file.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    /** Digest of everything left in the stream (which is read to its end but not closed). */
    public static String of(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Digest of a byte array. */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256 (MessageDigest javadoc)
            throw new IllegalStateException("SHA-256 not available", e);
        }
    }
}
