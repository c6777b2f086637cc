package org.leakbench.data;

/**
 * The samples of a {@link Dataset} that stay in their file until first used: a large training set that a point
 * never touches (an attack alone reads only test images) is then neither decompressed nor decoded.
 */
interface SampleFile {
    /** The file's readable name, as in {@link Dataset#fileSha256()}. */
    String name();

    /** How many samples the file's header announces. */
    int count();

    /** Decodes the samples (rows of the data set's feature count); called once. */
    float[][] decode();

    /** Decodes sample {@code index} alone (a fresh array), for a point that needs a few samples. */
    float[] decode(int index);

    /** SHA-256 of the file's stored bytes: the one seen when decoding, else the file hashed now. */
    String sha256();

    /** Whether {@link #decode} has read the file's contents. */
    boolean read();
}
