/**
 * Text data for language-model victims: reading UTF-8 text (the bundled King James Version books or a user's own
 * files), character-level and byte-pair-encoding tokenizers trained on the training part, and data sets whose
 * samples are windows of token ids labelled with the token that follows, with the perplexity that scores them.
 */
package org.leakbench.data.text;
