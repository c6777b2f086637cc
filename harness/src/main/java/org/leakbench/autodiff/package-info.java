/**
 * Reverse-mode automatic differentiation that supports gradients of gradients. Every operation's
 * backward rule is written with the same differentiable operations ({@link org.leakbench.autodiff.Ops}),
 * so {@link org.leakbench.autodiff.Autodiff#grad} with {@code createGraph} returns gradients that can be
 * differentiated again. DLG needs exactly this: the distance between parameter gradients, differentiated
 * with respect to the dummy input. ND4J's SameDiff (1.0.0-M2.1) cannot do it, since its backprop ops
 * throw in {@code doDiff}.
 */
package org.leakbench.autodiff;
