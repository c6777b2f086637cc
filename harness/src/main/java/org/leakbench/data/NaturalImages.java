package org.leakbench.data;

import java.util.List;

/**
 * The bundled {@code natural-images} data set: 30 training and 30 test 32 x 32 RGB crops of six public-domain
 * or CC0 photographs from scikit-image's sample data (van der Walt et al., scikit-image: image processing in
 * Python, PeerJ 2014), stored in the CIFAR-10 binary format. The label is the source photograph. Meant as
 * victims for gradient inversion on colour models without a download; its README lists sources and licences.
 */
public final class NaturalImages {
    public static final String NAME = "natural-images";
    public static final String RESOURCES = "org/leakbench/data/natural-images";

    /** Class names by label: the source photographs, as in the bundled {@code batches.meta.txt}. */
    public static final List<String> CLASSES = List.of("astronaut", "cat", "coffee", "rocket", "galaxies", "retina");

    public static final CifarLayout LAYOUT =
            new CifarLayout(NAME, "", List.of("train.bin"), List.of("test.bin"), 1, 0, "batches.meta.txt", CLASSES, "");

    private NaturalImages() {}

    /** The bundled split, with the checksums of the three resources read. */
    public static DataSplit load() {
        return CifarSources.fromResources(LAYOUT, RESOURCES);
    }
}
