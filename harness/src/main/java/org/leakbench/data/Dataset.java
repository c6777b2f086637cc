package org.leakbench.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A labelled data set. {@code samples()[i]} is one sample flattened row-major in {@code sampleShape} (images:
 * {@code [channels, height, width]} scaled to [0,1]; tables: {@code [features]}). {@code fileSha256} maps a
 * readable name of every file the data set comes from (path or {@code classpath:} resource) to the SHA-256 of its
 * stored bytes, for provenance.
 *
 * <p>The samples are held in memory, or, for a data set made by {@link IdxDatasetLoader#fromDirectory}, stay in
 * their file until {@link #samples()} is first called: size, shape, labels and classes are known from the
 * headers and the label file, so a point that only needs the test images never decodes the 188 MB of floats of a
 * Fashion-MNIST training set. {@link #readFileSha256()} tells which files have been read so far.
 *
 * <p>The sample and label arrays are shared, not copied: treat them as read-only. {@code sampleShape},
 * {@code classNames} and {@code fileSha256} are copied.
 */
public final class Dataset {
    private final String name;
    private final int[] sampleShape;
    private final int size;
    private final int[] labels;
    private final int numClasses;
    private final List<String> classNames;
    private final Map<String, String> fileSha256;
    private final SampleFile sampleFile;
    private volatile float[][] samples;

    public Dataset(
            String name,
            int[] sampleShape,
            float[][] samples,
            int[] labels,
            int numClasses,
            List<String> classNames,
            Map<String, String> fileSha256) {
        this(
                name,
                sampleShape,
                Objects.requireNonNull(samples, "samples"),
                null,
                labels,
                numClasses,
                classNames,
                fileSha256);
    }

    /**
     * A data set whose samples stay in {@code sampleFile} until first used; {@code fileSha256} holds the files
     * already read (the labels), the sample file's digest comes from it.
     */
    Dataset(
            String name,
            int[] sampleShape,
            SampleFile sampleFile,
            int[] labels,
            int numClasses,
            List<String> classNames,
            Map<String, String> fileSha256) {
        this(
                name,
                sampleShape,
                null,
                Objects.requireNonNull(sampleFile, "sampleFile"),
                labels,
                numClasses,
                classNames,
                fileSha256);
    }

    private Dataset(
            String name,
            int[] sampleShape,
            float[][] samples,
            SampleFile sampleFile,
            int[] labels,
            int numClasses,
            List<String> classNames,
            Map<String, String> fileSha256) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sampleShape, "sampleShape");
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
        int count = samples != null ? samples.length : sampleFile.count();
        if (count != labels.length) {
            throw new IllegalArgumentException(name + " has " + count + " samples but " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i + " of " + name
                        + " is outside [0, " + numClasses + ")");
            }
        }
        this.name = name;
        this.sampleShape = sampleShape;
        this.size = count;
        this.labels = labels;
        this.numClasses = numClasses;
        this.classNames = List.copyOf(classNames);
        this.fileSha256 = Collections.unmodifiableMap(new LinkedHashMap<>(fileSha256));
        this.sampleFile = sampleFile;
        if (samples != null) {
            checkRows(samples);
            this.samples = samples;
        }
    }

    public String name() {
        return name;
    }

    /** The samples, decoded from their file on the first call when the data set was loaded lazily. */
    public float[][] samples() {
        float[][] s = samples;
        if (s == null) {
            synchronized (this) {
                s = samples;
                if (s == null) {
                    s = sampleFile.decode();
                    checkRows(s);
                    samples = s;
                }
            }
        }
        return s;
    }

    /**
     * Sample {@code index}: the shared row once {@link #samples()} has decoded them all, else that sample alone
     * decoded from its file (the others stay undecoded). Treat it as read-only either way.
     */
    public float[] sample(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("sample " + index + " outside [0, " + size + ") of " + name);
        }
        float[][] s = samples;
        if (s != null) {
            return s[index];
        }
        float[] row = sampleFile.decode(index);
        if (row.length != featureCount()) {
            throw new IllegalArgumentException("sample " + index + " of " + name + " has " + row.length
                    + " values, sampleShape " + Arrays.toString(sampleShape) + " needs " + featureCount());
        }
        return row;
    }

    public int[] labels() {
        return labels;
    }

    public int numClasses() {
        return numClasses;
    }

    public List<String> classNames() {
        return classNames;
    }

    /**
     * Every file the data set comes from, with the SHA-256 of its stored bytes; a sample file not yet read is
     * hashed by this call (without decoding it).
     */
    public Map<String, String> fileSha256() {
        if (sampleFile == null) {
            return fileSha256;
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put(sampleFile.name(), sampleFile.sha256());
        all.putAll(fileSha256);
        return Collections.unmodifiableMap(all);
    }

    /**
     * The files whose contents have been read so far, with their SHA-256: all of {@link #fileSha256()} except a
     * sample file still waiting for its first use (of which only the header was read).
     */
    public Map<String, String> readFileSha256() {
        return sampleFile == null || sampleFile.read() ? fileSha256() : fileSha256;
    }

    private void checkRows(float[][] rows) {
        if (rows.length != size) {
            throw new IllegalArgumentException(name + " has " + rows.length + " samples but " + size + " labels");
        }
        int features = product(sampleShape);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != features) {
                throw new IllegalArgumentException("sample " + i + " of " + name + " has "
                        + (rows[i] == null ? "no" : rows[i].length) + " values, sampleShape "
                        + Arrays.toString(sampleShape) + " needs " + features);
            }
        }
    }

    /** Number of samples. */
    public int size() {
        return size;
    }

    /** Number of values per sample: the product of {@code sampleShape}. */
    public int featureCount() {
        return product(sampleShape);
    }

    /** The shape of one sample (a copy). */
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
        float[][] samples = samples();
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
        return new Dataset(name, sampleShape, pickedSamples, pickedLabels, numClasses, classNames, fileSha256());
    }

    /** The same data with other samples of the same shape (used by transforms such as standardisation). */
    public Dataset withSamples(float[][] newSamples) {
        return new Dataset(name, sampleShape, newSamples, labels, numClasses, classNames, fileSha256());
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
