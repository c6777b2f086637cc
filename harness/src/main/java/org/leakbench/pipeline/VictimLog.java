package org.leakbench.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;
import org.leakbench.results.VictimColumns;
import org.leakbench.sweep.Values;

/**
 * {@code victims.csv} beside {@code results.csv}: one row per victim of every reconstruction point, so tables
 * and figures can pool victims over seeds and test differences between defenses victim by victim. A point's
 * victims are appended in one write after the last of them is scored and before the point's row reaches
 * {@code results.csv}; a point re-run after a kill appends its victims again, and readers keep the last row per
 * (point_id, seed, victim).
 */
public final class VictimLog {
    private static final Object LOCK = new Object();

    private VictimLog() {}

    /** Appends the victims of one point (and the header, when the file is new). */
    static void append(Path runFolder, String pointId, long seed, List<VictimScore> scores) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (VictimScore s : scores) {
            List<Object> row = new ArrayList<>(List.of(
                    pointId,
                    Long.toString(seed),
                    Integer.toString(s.victim()),
                    Arrays.stream(s.indices()).mapToObj(Integer::toString).collect(Collectors.joining(" "))));
            for (double v : new double[] {
                s.psnr(),
                s.ssim(),
                s.mse(),
                s.labelAcc(),
                s.recoveredFrac(),
                s.attackMs(),
                s.tokenAcc(),
                s.tokenF1(),
                s.rouge1(),
                s.rouge2(),
                s.tokenExact()
            }) {
                row.add(Double.isNaN(v) ? "" : Values.format(v));
            }
            row.add(s.status());
            sb.append(ResultTable.FORMAT.format(row.toArray())).append('\n');
        }
        Path file = runFolder.resolve(RunLayout.VICTIMS);
        synchronized (LOCK) {
            Files.createDirectories(runFolder);
            dropPartialLine(file);
            if (!Files.exists(file) || Files.size(file) == 0) {
                sb.insert(0, ResultTable.FORMAT.format(VictimColumns.HEADER.toArray()) + "\n");
            }
            Files.writeString(file, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** Cuts a last line left without its newline by a kill, so the next block starts on a line of its own. */
    private static void dropPartialLine(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            ch.read(last, ch.size() - 1);
            if (last.get(0) == '\n') {
                return;
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        int keep = bytes.length;
        while (keep > 0 && bytes[keep - 1] != '\n') {
            keep--;
        }
        if (keep < bytes.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(keep);
            }
        }
    }
}
