package org.leakbench.data;

import java.nio.file.Path;
import org.leakbench.component.Capability;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;

/**
 * A registered data set: its descriptor and how to load it. The bundled ones load through {@link Datasets};
 * a new one extends this class with a public no-argument constructor and is listed in
 * {@code META-INF/services/org.leakbench.component.Component}.
 */
public class DatasetComponent extends Component {
    protected DatasetComponent(Descriptor descriptor) {
        super(descriptor);
        if (descriptor.kind() != ComponentKind.DATASET) {
            throw new IllegalArgumentException(descriptor.name() + " is a " + descriptor.kind() + ", not a data set");
        }
    }

    /**
     * The shape of one sample, known without loading (a sweep is checked with it before it runs); empty when
     * only loading tells. The data sets of {@link Datasets} answer from {@link Datasets#sampleShape}; another one
     * overrides this.
     */
    public java.util.Optional<int[]> sampleShape() {
        return Datasets.sampleShape(name());
    }

    /** The train/test split; {@code dataDir} may be null (only data sets read from files use it). */
    public DataSplit load(Path dataDir) {
        return Datasets.load(name(), dataDir);
    }

    /** Full Fashion-MNIST (Xiao, Rasul, Vollgraf 2017), 60,000 + 10,000 images of 28 x 28. */
    public static final class FashionMnist extends DatasetComponent {
        public FashionMnist() {
            super(Descriptor.of(
                            ComponentKind.DATASET,
                            Datasets.FASHION_MNIST,
                            "Fashion-MNIST: 60,000 training and "
                                    + "10,000 test images of clothing, 28 x 28 grey levels, 10 classes")
                    .cites("Xiao, Rasul, Vollgraf, Fashion-MNIST, arXiv:1708.07747, 2017")
                    .does(Capability.IMAGE_SAMPLES)
                    .build());
        }
    }

    /** The bundled Fashion-MNIST subset. */
    public static final class FashionMnistSubset extends DatasetComponent {
        public FashionMnistSubset() {
            super(Descriptor.of(
                            ComponentKind.DATASET,
                            Datasets.FASHION_MNIST_SUBSET,
                            "a small Fashion-MNIST subset " + "bundled with LeakBench (runs without downloads)")
                    .cites("Xiao, Rasul, Vollgraf, Fashion-MNIST, arXiv:1708.07747, 2017")
                    .does(Capability.IMAGE_SAMPLES)
                    .build());
        }
    }

    /** MNIST digits. */
    public static final class Mnist extends DatasetComponent {
        public Mnist() {
            super(Descriptor.of(
                            ComponentKind.DATASET,
                            Datasets.MNIST,
                            "MNIST: 60,000 training and 10,000 test "
                                    + "images of handwritten digits, 28 x 28, 10 classes")
                    .cites("LeCun, Bottou, Bengio, Haffner, Gradient-Based Learning Applied to Document Recognition, "
                            + "Proc. IEEE 1998")
                    .does(Capability.IMAGE_SAMPLES)
                    .build());
        }
    }

    /** The Wisconsin breast-cancer table. */
    public static final class BreastCancerTable extends DatasetComponent {
        public BreastCancerTable() {
            super(Descriptor.of(
                            ComponentKind.DATASET,
                            Datasets.BREAST_CANCER,
                            "Wisconsin diagnostic breast cancer: " + "569 rows of 30 standardised features, 2 classes")
                    .cites("Street, Wolberg, Mangasarian, Nuclear Feature Extraction for Breast Tumor Diagnosis, "
                            + "1993")
                    .build());
        }
    }

    /** CIFAR-10 (Krizhevsky 2009), binary version. */
    public static final class Cifar10 extends DatasetComponent {
        public Cifar10() {
            super(Descriptor.of(
                            ComponentKind.DATASET,
                            Datasets.CIFAR10,
                            "CIFAR-10: 50,000 training and 10,000 test colour images, 3 x 32 x 32, 10 classes")
                    .cites(CIFAR_PAPER)
                    .does(Capability.IMAGE_SAMPLES)
                    .build());
        }
    }

    /** CIFAR-100 (Krizhevsky 2009), binary version, fine labels. */
    public static final class Cifar100 extends DatasetComponent {
        public Cifar100() {
            super(Descriptor.of(
                            ComponentKind.DATASET,
                            Datasets.CIFAR100,
                            "CIFAR-100: 50,000 training and 10,000 test colour images, 3 x 32 x 32, 100 fine classes")
                    .cites(CIFAR_PAPER)
                    .does(Capability.IMAGE_SAMPLES)
                    .build());
        }
    }

    /** The bundled natural-images crops. */
    public static final class NaturalImageCrops extends DatasetComponent {
        public NaturalImageCrops() {
            super(Descriptor.of(
                            ComponentKind.DATASET,
                            Datasets.NATURAL_IMAGES,
                            "30 training and 30 test 32 x 32 RGB crops of six public-domain photographs, bundled "
                                    + "(colour victims without downloads), label = source photograph")
                    .cites("van der Walt et al., scikit-image: image processing in Python, PeerJ 2:e453, 2014")
                    .does(Capability.IMAGE_SAMPLES)
                    .build());
        }
    }

    private static final String CIFAR_PAPER =
            "Krizhevsky, Learning Multiple Layers of Features from Tiny Images, tech. report, U. Toronto, 2009";
}
