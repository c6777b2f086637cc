package org.leakbench.model;

/** Name and shape of one parameter tensor, with its fan-in for initialisation. */
public record ParamShape(String name, int[] shape, int fanIn) {
    public int size() {
        return org.leakbench.tensor.Shape.size(shape);
    }
}
