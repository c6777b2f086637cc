/**
 * The statistics that both the sweep (writing a row's mean, median and 95 % interval over victims) and the plots
 * (pooling victims into table cells, testing a defense against no defense) compute, kept in one place so a number
 * in {@code results.csv} and the same number in a table come from the same rule: the percentile {@link
 * org.leakbench.results.stats.Bootstrap} and the {@link org.leakbench.results.stats.Summary} of a sample. They
 * live in the schema module because it is the lowest module both the harness and the plots depend on.
 */
package org.leakbench.results.stats;
