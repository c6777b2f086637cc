package org.leakbench.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads an MNIST-style data set made of four IDX files ({@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each plain or
 * with {@code .gz}) from a directory or from bundled class-path resources, checking that image and label files
 * agree and that every label names a class.
 */
public final class IdxDatasetLoader {
    /** Base names of the four files, in the order train images, train labels, test images, test labels. */
    public static final List<String> FILE_NAMES = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private IdxDatasetLoader() {}

    /** True when the directory holds all four files (plain or gzip). */
    public static boolean hasFiles(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return false;
        }
        for (String base : FILE_NAMES) {
            if (find(directory, base) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Loads the four files from a directory; a missing one raises {@link DatasetNotFoundException}. The label
     * files are read whole and the image files' headers only: images are decoded on first use (a point that
     * attacks test images never decodes the training set), so a damaged image body is reported then.
     */
    public static DataSplit fromDirectory(String name, Path directory, List<String> classNames) {
        Path[] files = new Path[FILE_NAMES.size()];
        for (int i = 0; i < files.length; i++) {
            Path file = find(directory, FILE_NAMES.get(i));
            if (file == null) {
                throw new DatasetNotFoundException("data set " + name + ": neither " + FILE_NAMES.get(i) + " nor "
                        + FILE_NAMES.get(i) + ".gz found in " + directory.toAbsolutePath());
            }
            files[i] = file.toAbsolutePath().normalize();
        }
        Dataset train = lazyDataset(name, files[0], files[1], classNames);
        Dataset test = lazyDataset(name, files[2], files[3], classNames);
        return new DataSplit(train, test);
    }

    /** Loads the four gzip files bundled under a class-path folder such as {@code org/leakbench/data/x}. */
    public static DataSplit fromResources(String name, String resourceFolder, List<String> classNames) {
        DataFile[] files = new DataFile[FILE_NAMES.size()];
        for (int i = 0; i < files.length; i++) {
            files[i] = DataFile.ofResource(resourceFolder + "/" + FILE_NAMES.get(i) + ".gz");
        }
        return fromFiles(name, files, classNames);
    }

    /** Builds the split from the four files already read (train images, train labels, test images, test labels). */
    public static DataSplit fromFiles(String name, DataFile[] files, List<String> classNames) {
        if (files.length != 4) {
            throw new IllegalArgumentException("need 4 IDX files, got " + files.length);
        }
        Dataset train = dataset(name, files[0], files[1], classNames);
        Dataset test = dataset(name, files[2], files[3], classNames);
        return new DataSplit(train, test);
    }

    private static Dataset lazyDataset(String name, Path imageFile, Path labelFile, List<String> classNames) {
        IdxImageFile images = new IdxImageFile(imageFile);
        DataFile labelData = DataFile.of(labelFile);
        int[] labels = checkedLabels(images.name(), images.count(), labelData, classNames);
        return new Dataset(
                name,
                new int[] {1, images.rows(), images.columns()},
                images,
                labels,
                classNames.size(),
                classNames,
                Map.of(labelData.name(), labelData.sha256()));
    }

    private static Dataset dataset(String name, DataFile imageFile, DataFile labelFile, List<String> classNames) {
        IdxImages images = IdxReader.readImages(imageFile);
        int[] labels = checkedLabels(imageFile.name(), images.count(), labelFile, classNames);
        Map<String, String> sha = new LinkedHashMap<>();
        sha.put(imageFile.name(), imageFile.sha256());
        sha.put(labelFile.name(), labelFile.sha256());
        return new Dataset(
                name,
                new int[] {1, images.rows(), images.columns()},
                images.pixels(),
                labels,
                classNames.size(),
                classNames,
                sha);
    }

    /** The labels of {@code labelFile}, checked against the image count and the classes. */
    private static int[] checkedLabels(String imageName, int images, DataFile labelFile, List<String> classNames) {
        int[] labels = IdxReader.readLabels(labelFile);
        if (images != labels.length) {
            // offset 4 holds the item count in both files
            throw new DataFormatException("dimension mismatch: " + imageName + " holds " + images + " images but "
                    + labelFile.name() + " holds " + labels.length + " labels (count at offset 4)");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classNames.size()) {
                throw new DataFormatException("label " + labels[i] + " at offset " + (8 + i) + " of " + labelFile.name()
                        + " is outside [0, " + classNames.size() + ")");
            }
        }
        return labels;
    }

    /** The plain file if present, else the {@code .gz} one, else null. */
    private static Path find(Path directory, String base) {
        Path plain = directory.resolve(base);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = directory.resolve(base + ".gz");
        return Files.isRegularFile(gz) ? gz : null;
    }
}
