package org.leakbench.defense.compress;

/**
 * Options of sign compression.
 *
 * @param errorFeedback keep what the sign dropped per client and add it to the next update (EF-signSGD,
 *                      Karimireddy et al., ICML 2019)
 */
public record SignOptions(boolean errorFeedback) {}
