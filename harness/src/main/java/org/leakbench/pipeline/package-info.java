/**
 * One sweep point end to end: the victim case (data, model, batch, honest update), the defense, what the
 * threat model lets the server observe, the attack, the metrics against the truth, and federated training
 * with the same defense for utility. {@link org.leakbench.pipeline.PipelineFactory} registers it with the
 * sweep runner.
 */
package org.leakbench.pipeline;
