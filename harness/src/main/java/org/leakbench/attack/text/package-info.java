/**
 * Attacks that recover text from the gradients of a transformer: DAGER (Petrov et al. 2024), exact recovery from
 * the low-rank structure of self-attention gradients, and LAMP (Balunović et al. 2022), continuous matching in
 * embedding space alternating with discrete reordering under a language-model prior. TAG, the gradient matching
 * on relaxed tokens these papers compare with, lives with the other gradient-matching attacks in
 * {@code org.leakbench.attack.inversion}.
 */
package org.leakbench.attack.text;
