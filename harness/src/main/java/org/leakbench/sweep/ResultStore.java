package org.leakbench.sweep;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakbench.component.ParameterSpec;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.ResultTable;

/**
 * The append-only {@code results.csv} of one run folder. Each row is written with a single {@code write} call
 * and flushed, so a killed process leaves at most one partial last line, which {@link #open} cuts off.
 */
public final class ResultStore implements Closeable {
    private final List<String> header;
    private final Set<String> completed = new HashSet<>();
    private final OutputStream out;

    private ResultStore(List<String> header, OutputStream out) {
        this.header = header;
        this.out = out;
    }

    /** The column names for {@code registry}: point_id, seed, parameters ('.' to '_'), metrics, status. */
    public static List<String> header(ParameterRegistry registry) {
        return ResultColumns.header(
                registry.specs().stream().map(ParameterSpec::column).toList());
    }

    /**
     * Opens (or creates) {@code csv} for appending. An existing file must have the same header; a partial last
     * line is cut off. With {@code force} an existing file is kept as {@code results.csv.bak} and a new one started.
     */
    public static ResultStore open(Path csv, List<String> header, boolean force) throws IOException {
        Files.createDirectories(csv.toAbsolutePath().getParent());
        if (Files.exists(csv) && force) {
            Files.move(csv, csv.resolveSibling(csv.getFileName() + ".bak"), StandardCopyOption.REPLACE_EXISTING);
        }
        dropPartialLine(csv);
        Set<String> done = new HashSet<>();
        if (Files.exists(csv) && Files.size(csv) > 0) {
            ResultTable existing = ResultTable.read(csv);
            if (!existing.header().equals(header)) {
                throw new IllegalArgumentException(csv + " was written with different columns (the parameters or "
                        + "metrics changed); use another --run-id, or --force to start it again");
            }
            int status = existing.column(ResultColumns.STATUS);
            for (List<String> row : existing.latest()) {
                if (ResultColumns.isFinal(row.get(status))) {
                    done.add(existing.key(row));
                }
            }
        } else {
            Files.writeString(csv, ResultTable.FORMAT.format(header.toArray()) + "\n", StandardCharsets.UTF_8);
        }
        OutputStream out = new FileOutputStream(csv.toFile(), true);
        ResultStore store = new ResultStore(header, out);
        store.completed.addAll(done);
        return store;
    }

    private static void dropPartialLine(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(csv);
        if (bytes.length == 0 || bytes[bytes.length - 1] == '\n') {
            return;
        }
        int keep = bytes.length - 1;
        while (keep >= 0 && bytes[keep] != '\n') {
            keep--;
        }
        try (FileChannel ch = FileChannel.open(csv, StandardOpenOption.WRITE)) {
            ch.truncate(keep + 1L);
        }
    }

    /** Whether a final (ok or diverged) row exists for this point and seed. */
    public synchronized boolean isDone(String pointId, long seed) {
        return completed.contains(pointId + "|" + seed);
    }

    /** The column names. */
    public List<String> header() {
        return header;
    }

    /** Appends one row (values in header order) in a single write, and flushes it. */
    public synchronized void append(List<String> row) throws IOException {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " cells, header has " + header.size());
        }
        byte[] line = (ResultTable.FORMAT.format(row.toArray()) + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(line);
        out.flush();
        if (ResultColumns.isFinal(row.get(row.size() - 1))) {
            completed.add(row.get(0) + "|" + row.get(1));
        }
    }

    /**
     * Rewrites the file with one row per (point_id, seed) (the last written), ordered by {@code order} (keys
     * "point_id|seed"; rows not in it keep their place after). The new file replaces the old by an atomic rename,
     * so a kill leaves one or the other. Call it on a closed store's file.
     */
    public static void rewriteInOrder(Path csv, List<String> order) throws IOException {
        ResultTable table = ResultTable.read(csv);
        List<String> header = table.header();
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (List<String> row : table.latest()) {
            byKey.put(table.key(row), row);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String key : order) {
            List<String> row = byKey.remove(key);
            if (row != null) {
                rows.add(row);
            }
        }
        rows.addAll(byKey.values());
        writeAll(csv, header, rows);
    }

    /**
     * Writes a whole results file, header and rows, replacing {@code csv} by an atomic rename so a kill leaves
     * the old file or the new one. The rewrite after a run and the merge of shards both write through here.
     */
    static void writeAll(Path csv, List<String> header, List<List<String>> rows) throws IOException {
        StringBuilder sb = new StringBuilder(ResultTable.FORMAT.format(header.toArray())).append('\n');
        for (List<String> row : rows) {
            sb.append(ResultTable.FORMAT.format(row.toArray())).append('\n');
        }
        Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
