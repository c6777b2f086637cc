/**
 * JMH benchmarks of LeakBench's hot paths, one class per path: noise samplers, the privacy accountant, and
 * (from other packages of the harness) gradients, attacks and secure aggregation.
 */
package org.leakbench.bench;
