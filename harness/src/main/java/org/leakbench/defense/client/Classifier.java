package org.leakbench.defense.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.leakbench.autodiff.Var;
import org.leakbench.model.Model;
import org.leakbench.model.ParamShape;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * The linear classifier a model ends in (logits = r·W + b with W of shape [features, classes], or PyTorch's
 * {@code nn.Linear} layout logits = r·Wᵀ + b with W of shape [classes, features], as the CNNs store it) and the
 * representation r it reads. The representation is the network evaluated with that classifier replaced by the
 * identity (W = I, b = 0): every model here computes its logits as the last step, so the same forward pass then
 * returns its input, with the graph that leads to it.
 */
public final class Classifier {
    private Classifier() {}

    /** The index of the classifier's weight in {@code model}'s parameters, or an error naming what it ends in. */
    public static int weightIndex(Model model) {
        List<ParamShape> shapes = model.parameterShapes();
        int classes = model.spec().numClasses();
        int n = shapes.size();
        if (n >= 2) {
            int[] w = shapes.get(n - 2).shape();
            int[] b = shapes.get(n - 1).shape();
            if (w.length == 2 && (w[1] == classes || w[0] == classes) && b.length == 1 && b[0] == classes) {
                return n - 2;
            }
        }
        String tail = n < 2
                ? "has " + n + " parameter tensors"
                : "ends in " + shapes.get(n - 2).name() + " "
                        + Arrays.toString(shapes.get(n - 2).shape()) + " and "
                        + shapes.get(n - 1).name() + " "
                        + Arrays.toString(shapes.get(n - 1).shape());
        throw new IllegalArgumentException("model " + model.spec().family() + " does not end in a linear classifier "
                + "[features, " + classes + "] or [" + classes + ", features] with a bias (it " + tail + ")");
    }

    /**
     * Whether the classifier's weight is stored [classes, features] (PyTorch's layout). A square weight is read as
     * [features, classes]; the identity probe of {@link #representation} is the same either way.
     */
    public static boolean classesFirst(Model model) {
        int[] w = model.parameterShapes().get(weightIndex(model)).shape();
        return w[1] != model.spec().numClasses();
    }

    /** The number of features the classifier reads. */
    public static int features(Model model) {
        int[] w = model.parameterShapes().get(weightIndex(model)).shape();
        return classesFirst(model) ? w[1] : w[0];
    }

    /** The representation [n, features] of {@code x}, differentiable with respect to {@code x}. */
    public static Var representation(Model model, List<Tensor> params, Var x) {
        int w = weightIndex(model);
        int d = features(model);
        Backend be = params.get(0).backend();
        DType dtype = params.get(0).dtype();
        double[] eye = new double[d * d];
        for (int i = 0; i < d; i++) {
            eye[i * d + i] = 1;
        }
        List<Var> probe = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            probe.add(Var.constant(
                    i == w ? be.fromArray(eye, dtype, d, d) : i == w + 1 ? be.zeros(dtype, d) : params.get(i)));
        }
        Var r = model.logits(x, probe);
        int[] s = r.shape();
        if (s.length != 2 || s[0] != x.shape()[0] || s[1] != d) {
            throw new IllegalStateException("model " + model.spec().family() + ": its classifier replaced by the "
                    + "identity gave shape " + Arrays.toString(s) + ", not [" + x.shape()[0] + ", " + d + "]");
        }
        return r;
    }
}
