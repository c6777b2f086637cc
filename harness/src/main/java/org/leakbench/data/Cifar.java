package org.leakbench.data;

import java.util.List;

/**
 * The two CIFAR data sets (Krizhevsky, Learning Multiple Layers of Features from Tiny Images, 2009) in their
 * binary distribution: 50,000 training and 10,000 test colour images of 32 x 32. CIFAR-10 has five training
 * batches and a test batch with one label byte per record; CIFAR-100 a training and a test file with a coarse
 * and a fine label byte per record, of which the fine one (100 classes) is used.
 */
public final class Cifar {
    public static final String CIFAR10_ENV = "LEAKBENCH_CIFAR10";
    public static final String CIFAR100_ENV = "LEAKBENCH_CIFAR100";

    /** CIFAR-10 class names by label, as in the archive's {@code batches.meta.txt}. */
    public static final List<String> CIFAR10_CLASSES =
            List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    /** CIFAR-100 fine class names by label, as in the archive's {@code fine_label_names.txt}. */
    public static final List<String> CIFAR100_CLASSES = List.of(
            "apple",
            "aquarium_fish",
            "baby",
            "bear",
            "beaver",
            "bed",
            "bee",
            "beetle",
            "bicycle",
            "bottle",
            "bowl",
            "boy",
            "bridge",
            "bus",
            "butterfly",
            "camel",
            "can",
            "castle",
            "caterpillar",
            "cattle",
            "chair",
            "chimpanzee",
            "clock",
            "cloud",
            "cockroach",
            "couch",
            "crab",
            "crocodile",
            "cup",
            "dinosaur",
            "dolphin",
            "elephant",
            "flatfish",
            "forest",
            "fox",
            "girl",
            "hamster",
            "house",
            "kangaroo",
            "keyboard",
            "lamp",
            "lawn_mower",
            "leopard",
            "lion",
            "lizard",
            "lobster",
            "man",
            "maple_tree",
            "motorcycle",
            "mountain",
            "mouse",
            "mushroom",
            "oak_tree",
            "orange",
            "orchid",
            "otter",
            "palm_tree",
            "pear",
            "pickup_truck",
            "pine_tree",
            "plain",
            "plate",
            "poppy",
            "porcupine",
            "possum",
            "rabbit",
            "raccoon",
            "ray",
            "road",
            "rocket",
            "rose",
            "sea",
            "seal",
            "shark",
            "shrew",
            "skunk",
            "skyscraper",
            "snail",
            "snake",
            "spider",
            "squirrel",
            "streetcar",
            "sunflower",
            "sweet_pepper",
            "table",
            "tank",
            "telephone",
            "television",
            "tiger",
            "tractor",
            "train",
            "trout",
            "tulip",
            "turtle",
            "wardrobe",
            "whale",
            "willow_tree",
            "wolf",
            "woman",
            "worm");

    public static final CifarLayout CIFAR10 = new CifarLayout(
            Datasets.CIFAR10,
            "cifar-10-batches-bin",
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"),
            List.of("test_batch.bin"),
            1,
            0,
            "batches.meta.txt",
            CIFAR10_CLASSES,
            CIFAR10_ENV);

    public static final CifarLayout CIFAR100 = new CifarLayout(
            Datasets.CIFAR100,
            "cifar-100-binary",
            List.of("train.bin"),
            List.of("test.bin"),
            2,
            1,
            "fine_label_names.txt",
            CIFAR100_CLASSES,
            CIFAR100_ENV);

    private Cifar() {}
}
