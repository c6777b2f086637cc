package org.leakbench.data;

/**
 * Grey images read from an IDX file: {@code pixels[i]} is image {@code i}, {@code rows × columns} values scaled
 * from unsigned bytes to [0,1], row-major.
 */
public record IdxImages(int rows, int columns, float[][] pixels) {
    public int count() {
        return pixels.length;
    }
}
