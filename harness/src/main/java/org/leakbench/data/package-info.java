/**
 * Data sets for the benchmark: the {@link org.leakbench.data.Dataset} type (flattened float samples with integer
 * labels and the SHA-256 of every file read), readers for IDX (MNIST, Fashion-MNIST) and CSV tables, the
 * {@link org.leakbench.data.Datasets} facade that finds, loads and splits the named data sets (including the
 * bundled Fashion-MNIST subset and the Breast Cancer Wisconsin table), feature standardisation, and the IID and
 * Dirichlet partitions that spread a data set over federated clients.
 */
package org.leakbench.data;
