/**
 * Running a sweep as a Slurm job array: cost-balanced shard plans, the job scripts written into the run folder,
 * submitting and resubmitting them with {@code sbatch}, and reading each shard's progress from its own results.
 */
package org.leakbench.cluster;
