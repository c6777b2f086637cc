package org.leakbench.data;

/**
 * Where a named data set would be loaded from: a directory, a bundled class-path folder, or a description of
 * where it was looked for; {@code available} says whether loading would find the files.
 */
public record DatasetLocation(String name, String location, boolean available) {}
