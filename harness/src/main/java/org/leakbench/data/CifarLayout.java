package org.leakbench.data;

import java.util.List;
import java.util.Objects;

/**
 * The file layout of a data set stored in the CIFAR binary format (Krizhevsky 2009): records of
 * {@code labelBytes} label bytes followed by 3,072 pixel bytes (the 1,024 red, then green, then blue values of a
 * 32 x 32 image, each plane row-major). {@code labelIndex} picks the label byte a record's class is read from
 * (CIFAR-100 stores the coarse label first and the fine one second).
 *
 * @param name the data set's name
 * @param folder the sub-folder the official archive unpacks to, looked for inside a given directory
 * @param trainFiles the training files, read in order
 * @param testFiles the test files, read in order
 * @param labelBytes label bytes at the start of each record
 * @param labelIndex which of them holds the class
 * @param metaFile the optional file of class names, one per line
 * @param classNames class names used when {@code metaFile} is absent
 * @param environmentVariable the variable naming a directory to look in
 */
public record CifarLayout(
        String name,
        String folder,
        List<String> trainFiles,
        List<String> testFiles,
        int labelBytes,
        int labelIndex,
        String metaFile,
        List<String> classNames,
        String environmentVariable) {
    public static final int CHANNELS = 3;
    public static final int SIDE = 32;
    public static final int PIXELS = CHANNELS * SIDE * SIDE;

    public CifarLayout {
        Objects.requireNonNull(name, "name");
        trainFiles = List.copyOf(trainFiles);
        testFiles = List.copyOf(testFiles);
        classNames = List.copyOf(classNames);
        if (labelIndex < 0 || labelIndex >= labelBytes) {
            throw new IllegalArgumentException(
                    name + ": label index " + labelIndex + " outside the " + labelBytes + " label bytes");
        }
        if (classNames.isEmpty() || classNames.size() > 256) {
            throw new IllegalArgumentException(name + ": needs 1 to 256 classes, got " + classNames.size());
        }
    }

    /** Bytes per record: the label bytes and the pixels. */
    public int recordBytes() {
        return labelBytes + PIXELS;
    }

    /** Every data file, training files first. */
    public List<String> dataFiles() {
        return java.util.stream.Stream.concat(trainFiles.stream(), testFiles.stream())
                .toList();
    }
}
