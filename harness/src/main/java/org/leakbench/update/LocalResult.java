package org.leakbench.update;

/**
 * What one client computed in one round, before any defense.
 *
 * @param update   the update
 * @param examples distinct rows that went into it: the FedSGD batch, or all the client's rows for FedAvg
 * @param loss     the training loss of the first (FedSGD: only) batch, for diagnostics
 */
public record LocalResult(Update update, int examples, double loss) {}
