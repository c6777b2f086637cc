package org.leakbench.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads the named data sets of the benchmark:
 * <ul>
 * <li>{@code fashion-mnist}: the full IDX files (60,000 train, 10,000 test) from the {@code dataDir} argument,
 * else {@code $LEAKBENCH_FASHION_MNIST}, else {@code /usr/share/datasets/fashion-mnist} (Debian package
 * {@code dataset-fashion-mnist});</li>
 * <li>{@code mnist}: the same IDX layout from {@code dataDir} or {@code $LEAKBENCH_MNIST} (never bundled);</li>
 * <li>{@code fashion-mnist-subset}: 2,000 train and 500 test Fashion-MNIST images bundled in the jar;</li>
 * <li>{@code breast-cancer}: the bundled Breast Cancer Wisconsin (Diagnostic) table, split stratified 70/30
 * with a seed and standardised with training statistics;</li>
 * <li>{@code cifar10}, {@code cifar100}: the binary CIFAR files from {@code dataDir} or
 * {@code $LEAKBENCH_CIFAR10} / {@code $LEAKBENCH_CIFAR100} ({@link CifarSources}; never bundled);</li>
 * <li>{@code natural-images}: 30 + 30 bundled 32 x 32 RGB crops of six photographs ({@link NaturalImages}).</li>
 * </ul>
 */
public final class Datasets {
    public static final String FASHION_MNIST = "fashion-mnist";
    public static final String MNIST = "mnist";
    public static final String FASHION_MNIST_SUBSET = "fashion-mnist-subset";
    public static final String BREAST_CANCER = BreastCancer.NAME;
    public static final String CIFAR10 = "cifar10";
    public static final String CIFAR100 = "cifar100";
    public static final String NATURAL_IMAGES = NaturalImages.NAME;
    /** Features per row of the breast-cancer table. */
    static final int BREAST_CANCER_FEATURES = 30;

    /** Seed of the breast-cancer train/test split when none is given. */
    public static final long DEFAULT_SEED = 20240917L;
    /** Share of each class in the training part of a split made here (breast-cancer). */
    public static final double TRAIN_FRACTION = 0.7;

    public static final String FASHION_MNIST_ENV = "LEAKBENCH_FASHION_MNIST";
    public static final String MNIST_ENV = "LEAKBENCH_MNIST";
    public static final Path FASHION_MNIST_SYSTEM_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    public static final String SUBSET_RESOURCES = "org/leakbench/data/fashion-mnist-subset";

    /** Fashion-MNIST class names by label (Xiao, Rasul, Vollgraf 2017). */
    public static final List<String> FASHION_MNIST_CLASSES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    public static final List<String> MNIST_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private static final IdxSources FASHION_SOURCES = fashionSources(FASHION_MNIST_SYSTEM_DIR);
    private static final IdxSources MNIST_SOURCES = new IdxSources(
            MNIST,
            MNIST_ENV,
            null,
            "MNIST is neither bundled nor downloaded: pass a directory holding the files, or set $" + MNIST_ENV
                    + " to one.");
    private static final CifarSources CIFAR10_SOURCES = new CifarSources(Cifar.CIFAR10);
    private static final CifarSources CIFAR100_SOURCES = new CifarSources(Cifar.CIFAR100);

    private Datasets() {}

    /** The names {@link #load} accepts. */
    public static List<String> names() {
        return List.of(FASHION_MNIST, MNIST, FASHION_MNIST_SUBSET, BREAST_CANCER, CIFAR10, CIFAR100, NATURAL_IMAGES);
    }

    /** Loads a data set with the default seed; {@code dataDir} may be null (only the sets read from files use it). */
    public static DataSplit load(String name, Path dataDir) {
        return load(name, dataDir, DEFAULT_SEED);
    }

    /** Loads a data set; {@code seed} drives splits made here (breast-cancer), the IDX sets come pre-split. */
    public static DataSplit load(String name, Path dataDir, long seed) {
        return load(name, dataDir, seed, System::getenv);
    }

    static DataSplit load(String name, Path dataDir, long seed, Function<String, String> environment) {
        return switch (checkedName(name)) {
            case FASHION_MNIST -> FASHION_SOURCES.load(dataDir, environment, FASHION_MNIST_CLASSES);
            case MNIST -> MNIST_SOURCES.load(dataDir, environment, MNIST_CLASSES);
            case FASHION_MNIST_SUBSET ->
                IdxDatasetLoader.fromResources(FASHION_MNIST_SUBSET, SUBSET_RESOURCES, FASHION_MNIST_CLASSES);
            case CIFAR10 -> CIFAR10_SOURCES.load(dataDir, environment);
            case CIFAR100 -> CIFAR100_SOURCES.load(dataDir, environment);
            case NATURAL_IMAGES -> NaturalImages.load();
            default -> BreastCancer.load(seed, TRAIN_FRACTION);
        };
    }

    /** The sample shape of a data set named here, known without loading it; empty for other names. */
    public static Optional<int[]> sampleShape(String name) {
        if (name == null || !names().contains(name)) {
            return Optional.empty();
        }
        return Optional.of(
                switch (name) {
                    case FASHION_MNIST, MNIST, FASHION_MNIST_SUBSET -> new int[] {1, 28, 28};
                    case CIFAR10, CIFAR100, NATURAL_IMAGES ->
                        new int[] {CifarLayout.CHANNELS, CifarLayout.SIDE, CifarLayout.SIDE};
                    default -> new int[] {BREAST_CANCER_FEATURES};
                });
    }

    /** Where {@link #load} would take the data set from, without reading it. */
    public static DatasetLocation locate(String name, Path dataDir) {
        return locate(name, dataDir, System::getenv);
    }

    static DatasetLocation locate(String name, Path dataDir, Function<String, String> environment) {
        return switch (checkedName(name)) {
            case FASHION_MNIST -> FASHION_SOURCES.locate(dataDir, environment);
            case MNIST -> MNIST_SOURCES.locate(dataDir, environment);
            case FASHION_MNIST_SUBSET ->
                bundled(name, SUBSET_RESOURCES + "/" + IdxDatasetLoader.FILE_NAMES.get(0) + ".gz", SUBSET_RESOURCES);
            case CIFAR10 -> CIFAR10_SOURCES.locate(dataDir, environment);
            case CIFAR100 -> CIFAR100_SOURCES.locate(dataDir, environment);
            case NATURAL_IMAGES -> bundled(name, NaturalImages.RESOURCES + "/train.bin", NaturalImages.RESOURCES);
            default -> bundled(name, BreastCancer.RESOURCE, BreastCancer.RESOURCE);
        };
    }

    /** All data sets' locations, in {@link #names()} order. */
    public static List<DatasetLocation> locateAll(Path dataDir) {
        List<DatasetLocation> out = new ArrayList<>();
        for (String name : names()) {
            out.add(locate(name, dataDir));
        }
        return out;
    }

    /** Where Fashion-MNIST is looked for, with the system directory as a parameter for tests. */
    static IdxSources fashionSources(Path systemDirectory) {
        return new IdxSources(
                FASHION_MNIST,
                FASHION_MNIST_ENV,
                systemDirectory,
                "Install it with 'apt-get install dataset-fashion-mnist', or pass a directory holding the files, or"
                        + " set $" + FASHION_MNIST_ENV + " to one. The smaller '" + FASHION_MNIST_SUBSET
                        + "' (2,000 train / 500 test images) is bundled and needs no download.");
    }

    private static DatasetLocation bundled(String name, String probeResource, String shown) {
        boolean present = Datasets.class.getClassLoader().getResource(probeResource) != null;
        return new DatasetLocation(name, "bundled: classpath:" + shown, present);
    }

    private static String checkedName(String name) {
        if (name == null || !names().contains(name)) {
            throw new IllegalArgumentException("unknown data set '" + name + "', known: " + names());
        }
        return name;
    }
}
