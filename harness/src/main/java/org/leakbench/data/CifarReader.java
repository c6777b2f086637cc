package org.leakbench.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads files in the CIFAR binary format ({@link CifarLayout}) into samples of shape {@code [3, 32, 32]} scaled
 * to [0, 1], channel planes in the file's order (red first), and reads class-name files.
 */
public final class CifarReader {
    private CifarReader() {}

    /** Samples and labels of one or more files read in order. */
    record Records(float[][] samples, int[] labels) {}

    /**
     * The records of {@code files}, in order. A file whose size is not a multiple of the record size, or a label
     * byte that names no class, raises {@link DataFormatException} naming the file and the byte offset.
     */
    static Records read(List<DataFile> files, CifarLayout layout, int numClasses) {
        int record = layout.recordBytes();
        int total = 0;
        for (DataFile f : files) {
            int length = f.bytes().length;
            if (length % record != 0) {
                int complete = length / record;
                throw new DataFormatException(f.name() + " is truncated: " + length + " bytes is not a multiple of the "
                        + record + "-byte record (" + layout.labelBytes() + " label byte(s) + " + CifarLayout.PIXELS
                        + " pixels); the record at byte offset " + (long) complete * record + " is incomplete");
            }
            total += length / record;
        }
        float[][] samples = new float[total][];
        int[] labels = new int[total];
        int at = 0;
        for (DataFile f : files) {
            byte[] data = f.bytes();
            for (int offset = 0; offset < data.length; offset += record, at++) {
                int labelOffset = offset + layout.labelIndex();
                int label = data[labelOffset] & 0xff;
                if (label >= numClasses) {
                    throw new DataFormatException("label " + label + " at byte offset " + labelOffset + " of "
                            + f.name() + " is outside [0, " + numClasses + ")");
                }
                labels[at] = label;
                float[] image = new float[CifarLayout.PIXELS];
                int pixel = offset + layout.labelBytes();
                for (int p = 0; p < image.length; p++) {
                    image[p] = (data[pixel + p] & 0xff) / 255f;
                }
                samples[at] = image;
            }
        }
        return new Records(samples, labels);
    }

    /**
     * Class names from a text file, one per line; blank lines are skipped (the official
     * {@code batches.meta.txt} ends with some). The count must be {@code expected}.
     */
    static List<String> classNames(DataFile file, int expected) {
        List<String> names = new ArrayList<>();
        for (String line : new String(file.bytes(), StandardCharsets.UTF_8).split("\r?\n", -1)) {
            if (!line.isBlank()) {
                names.add(line.strip());
            }
        }
        if (names.size() != expected) {
            throw new DataFormatException(
                    file.name() + " names " + names.size() + " classes, expected " + expected + " (one per line)");
        }
        return names;
    }
}
