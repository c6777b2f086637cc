package org.leakbench.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A labelled data set held in memory. {@code samples[i]} is one sample flattened row-major in
 * {@code sampleShape} (images: {@code [channels, height, width]} scaled to [0,1]; tables: {@code [features]}).
 * {@code fileSha256} maps a readable name of every file read (path or {@code classpath:} resource) to the SHA-256
 * of its stored bytes, for provenance.
 *
 * <p>The sample and label arrays are shared, not copied (a Fashion-MNIST training set is 188 MB of floats):
 * treat them as read-only. {@code sampleShape}, {@code classNames} and {@code fileSha256} are copied.
 */
public record Dataset(
        String name,
        int[] sampleShape,
        float[][] samples,
        int[] labels,
        int numClasses,
        List<String> classNames,
        Map<String, String> fileSha256) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sampleShape, "sampleShape");
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(classNames, "classNames");
        Objects.requireNonNull(fileSha256, "fileSha256");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        sampleShape = sampleShape.clone();
        if (sampleShape.length == 0) {
            throw new IllegalArgumentException("sampleShape of " + name + " must have at least one dimension");
        }
        for (int d : sampleShape) {
            if (d < 1) {
                throw new IllegalArgumentException("sampleShape of " + name + " is " + Arrays.toString(sampleShape)
                        + ": every dimension must be >= 1");
            }
        }
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses of " + name + " is " + numClasses + ", must be >= 1");
        }
        if (classNames.size() != numClasses) {
            throw new IllegalArgumentException(
                    "classNames of " + name + " has " + classNames.size() + " entries, numClasses is " + numClasses);
        }
        if (samples.length != labels.length) {
            throw new IllegalArgumentException(
                    name + " has " + samples.length + " samples but " + labels.length + " labels");
        }
        int features = product(sampleShape);
        for (int i = 0; i < samples.length; i++) {
            if (samples[i] == null || samples[i].length != features) {
                throw new IllegalArgumentException("sample " + i + " of " + name + " has "
                        + (samples[i] == null ? "no" : samples[i].length) + " values, sampleShape "
                        + Arrays.toString(sampleShape) + " needs " + features);
            }
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i + " of " + name
                        + " is outside [0, " + numClasses + ")");
            }
        }
        classNames = List.copyOf(classNames);
        fileSha256 = Collections.unmodifiableMap(new LinkedHashMap<>(fileSha256));
    }

    /** Number of samples. */
    public int size() {
        return samples.length;
    }

    /** Number of values per sample: the product of {@code sampleShape}. */
    public int featureCount() {
        return product(sampleShape);
    }

    /** The shape of one sample (a copy). */
    @Override
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    /** True for images ({@code [channels, height, width]}). */
    public boolean isImage() {
        return sampleShape.length == 3;
    }

    /** How many samples carry each label. */
    public int[] classCounts() {
        int[] counts = new int[numClasses];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * The samples at {@code indices}, in that order (repeats allowed). Rows are shared with this data set; the
     * name, classes and provenance are kept.
     */
    public Dataset subset(int[] indices) {
        float[][] pickedSamples = new float[indices.length][];
        int[] pickedLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            if (index < 0 || index >= samples.length) {
                throw new IndexOutOfBoundsException("subset index " + index + " (position " + i + ") outside [0, "
                        + samples.length + ") of " + name);
            }
            pickedSamples[i] = samples[index];
            pickedLabels[i] = labels[index];
        }
        return new Dataset(name, sampleShape, pickedSamples, pickedLabels, numClasses, classNames, fileSha256);
    }

    /** The same data with other samples of the same shape (used by transforms such as standardisation). */
    public Dataset withSamples(float[][] newSamples) {
        return new Dataset(name, sampleShape, newSamples, labels, numClasses, classNames, fileSha256);
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + size() + " samples of shape " + Arrays.toString(sampleShape) + ", "
                + numClasses + " classes]";
    }

    private static int product(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sampleShape " + Arrays.toString(shape) + " is too large");
        }
        return (int) n;
    }
}
