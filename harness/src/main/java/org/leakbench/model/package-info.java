/**
 * Victim models built from a size spec ({@link org.leakbench.model.ModelSpec}): DLG's LeNet with a width
 * multiplier, MLPs of any width and depth, and the linear model for tabular data, and PRECODE's variational
 * bottleneck inserted before any of their classifiers by a spec option. A model is a pure function of its
 * parameters, which live outside it.
 */
package org.leakbench.model;
