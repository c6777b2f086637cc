package org.leakbench.data.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.leakbench.data.DataFile;
import org.leakbench.data.DataFormatException;
import org.leakbench.data.DatasetNotFoundException;

/**
 * The text a data set is made of, with the SHA-256 of each file read (as stored) and a short description of
 * where it came from for error messages. Several files are joined in file-name order, each ending with a line
 * break.
 */
record TextSource(String text, Map<String, String> fileSha256, String origin) {
    /** The bundled corpus (see the README next to it). */
    static final String BUNDLED_RESOURCE = "org/leakbench/data/text/kjv-narrative.txt.gz";

    static TextSource bundled() {
        return of(List.of(DataFile.ofResource(BUNDLED_RESOURCE)), "classpath:" + BUNDLED_RESOURCE);
    }

    /** A UTF-8 file, or every {@code .txt} file directly in a folder. */
    static TextSource fromPath(Path path) {
        List<Path> files = textFiles(path);
        if (files.isEmpty()) {
            throw new DatasetNotFoundException(
                    "no .txt file in " + path.toAbsolutePath().normalize());
        }
        List<DataFile> read = new ArrayList<>();
        for (Path file : files) {
            read.add(DataFile.of(file));
        }
        return of(read, path.toAbsolutePath().normalize().toString());
    }

    /** The file itself, or the {@code .txt} files directly in a folder sorted by name; empty when none. */
    static List<Path> textFiles(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.filter(p ->
                            Files.isRegularFile(p) && p.getFileName().toString().endsWith(".txt"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path.toAbsolutePath(), e);
        }
    }

    static TextSource of(List<DataFile> files, String origin) {
        StringBuilder text = new StringBuilder();
        Map<String, String> sha = new LinkedHashMap<>();
        for (DataFile file : files) {
            String part = Utf8Text.of(file);
            if (part.isBlank()) {
                throw new DataFormatException(file.name() + ": holds no text (" + file.bytes().length + " bytes"
                        + (part.isEmpty() ? "" : ", only whitespace") + ")");
            }
            text.append(part);
            if (!part.endsWith("\n")) {
                text.append('\n');
            }
            sha.put(file.name(), file.sha256());
        }
        return new TextSource(text.toString(), sha, origin);
    }

    /** Character index where the test part starts: {@code trainFraction} of the text, not inside a code point. */
    int cut(double trainFraction) {
        int at = (int) Math.floor(text.length() * trainFraction);
        if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
            at++;
        }
        return at;
    }
}
