package org.leakbench.data;

import java.util.Arrays;

/**
 * Makes grey images RGB-shaped for studies that need it, e.g. a ResNet built for 3 x 32 x 32 inputs run on
 * Fashion-MNIST: the grey plane is copied into each of three channels, and each image is zero-padded at its
 * centre to {@code size x size} (28 x 28 in 32 x 32 gets 2 zero rows and columns on every side; an odd margin
 * puts the extra row below and the extra column right). It never drops channels or crops, so no pixel of the
 * original is lost. {@code channels} or {@code size} 0 keeps the data set's own.
 *
 * @param channels 0 (keep), 1 or 3
 * @param size 0 (keep) or the side of the padded square image
 */
public record ImageShape(int channels, int size) {
    public static final String CHANNELS = "data.channels";
    public static final String SIZE = "data.size";

    /** Leaves every data set as it is. */
    public static final ImageShape NATIVE = new ImageShape(0, 0);

    /** Whether this shape changes nothing, whatever the data set. */
    public boolean keepsAll() {
        return channels == 0 && size == 0;
    }

    /**
     * Why this shape cannot be applied to {@code dataset}, whose samples have shape {@code shape}, or null when
     * it can. Names the parameter and the data set.
     */
    public String refusal(String dataset, int[] shape) {
        if (keepsAll()) {
            return null;
        }
        if (shape.length != 3) {
            String which = channels != 0 ? CHANNELS + " " + channels : SIZE + " " + size;
            return which + ": data set " + dataset + " holds " + Arrays.toString(shape)
                    + " feature rows, not images (leave " + CHANNELS + " and " + SIZE + " at 0)";
        }
        if (channels != 0 && channels != 1 && channels != 3) {
            return CHANNELS + " " + channels + ": must be 0 (as data set " + dataset + " has it), 1 or 3";
        }
        if (channels != 0 && channels < shape[0]) {
            return CHANNELS + " " + channels + " is fewer than the " + shape[0] + " channels of data set " + dataset
                    + " (channels are only added, never dropped)";
        }
        if (channels > shape[0] && shape[0] != 1) {
            return CHANNELS + " " + channels + ": only a single grey channel can be replicated, data set " + dataset
                    + " has " + shape[0];
        }
        if (size != 0 && (size < shape[1] || size < shape[2])) {
            return SIZE + " " + size + " is smaller than the " + shape[1] + " x " + shape[2] + " images of data set "
                    + dataset + " (images are only padded, never cropped)";
        }
        return null;
    }

    /** The sample shape after {@link #apply}. */
    public int[] shapeOf(int[] shape) {
        if (keepsAll()) {
            return shape.clone();
        }
        int c = channels == 0 ? shape[0] : channels;
        int h = size == 0 ? shape[1] : size;
        int w = size == 0 ? shape[2] : size;
        return new int[] {c, h, w};
    }

    /** Both parts of {@code split}, reshaped. */
    public DataSplit apply(DataSplit split) {
        return keepsAll() ? split : new DataSplit(apply(split.train()), apply(split.test()));
    }

    /**
     * The data set with every image reshaped; name, labels, classes and file checksums are kept. Throws
     * {@link IllegalArgumentException} with {@link #refusal} when the shape does not fit.
     */
    public Dataset apply(Dataset data) {
        int[] from = data.sampleShape();
        String why = refusal(data.name(), from);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        int[] to = shapeOf(from);
        if (keepsAll() || Arrays.equals(from, to)) {
            return data;
        }
        float[][] samples = data.samples();
        float[][] out = new float[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            out[i] = reshape(samples[i], from, to);
        }
        return new Dataset(
                data.name(), to, out, data.labels(), data.numClasses(), data.classNames(), data.fileSha256());
    }

    /** One image: channel {@code c} of the result copies channel {@code c} of the source, or its only one. */
    static float[] reshape(float[] image, int[] from, int[] to) {
        int h = from[1];
        int w = from[2];
        int top = (to[1] - h) / 2;
        int left = (to[2] - w) / 2;
        float[] out = new float[to[0] * to[1] * to[2]];
        for (int c = 0; c < to[0]; c++) {
            int source = from[0] == 1 ? 0 : c;
            for (int y = 0; y < h; y++) {
                System.arraycopy(image, (source * h + y) * w, out, (c * to[1] + top + y) * to[2] + left, w);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return CHANNELS + "=" + channels + ", " + SIZE + "=" + size;
    }
}
