package org.leakbench.autodiff;

import java.util.Arrays;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Conv2dSpec;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Gelu;
import org.leakbench.tensor.Pool2dSpec;
import org.leakbench.tensor.Shape;
import org.leakbench.tensor.Tensor;

/**
 * The layers of modern victims written as compositions of {@link Ops}: normalisations (batch, layer, group),
 * GELU, softmax on the last axis, average and global pooling. Composing means every rule has its adjoint and its
 * second derivative for free on every backend, which gradient inversion needs; fused kernels can replace a
 * composition later without changing a caller.
 */
public final class NetOps {

    private NetOps() {}

    /** Softmax over the last axis, for any rank. */
    public static Var softmax(Var a) {
        return Ops.exp(logSoftmax(a));
    }

    /** Log-softmax over the last axis, for any rank. */
    public static Var logSoftmax(Var a) {
        int[] s = a.shape();
        int k = s[s.length - 1];
        Var rows = Ops.reshape(a, Shape.size(s) / k, k);
        return Ops.reshape(Ops.logSoftmax(rows), s);
    }

    /**
     * GELU in its tanh form, 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) (Hendrycks and Gimpel 2016; PyTorch's
     * {@code approximate="tanh"}, GPT-2's choice), smooth to every order. The value and the derivative are each one
     * backend op ({@link Backend#gelu}, {@link Backend#geluDerivative}), which a backend may fuse; the second
     * derivative is composed, so gradients of gradients keep flowing.
     */
    public static Var gelu(Var x) {
        return Ops.node(x.backend().gelu(x.value()), g -> new Var[] {Ops.mul(g, geluDerivative(x))}, "gelu", x);
    }

    private static Var geluDerivative(Var x) {
        return Ops.node(
                x.backend().geluDerivative(x.value()),
                g -> new Var[] {Ops.mul(g, geluSecondDerivative(x))},
                "geluDerivative",
                x);
    }

    /**
     * With u = c·(x + 0.044715·x³), t = tanh(u) and s = 1 − t²: gelu'' = s·u' − x·t·s·u'² + x·s·u''/2, from
     * gelu' = (1 + t)/2 + x·s·u'/2.
     */
    private static Var geluSecondDerivative(Var x) {
        Var t = Ops.tanh(Ops.scale(Ops.add(x, Ops.scale(Ops.mul(Ops.square(x), x), Gelu.CUBIC)), Gelu.SCALE));
        Var s = Ops.addScalar(Ops.neg(Ops.square(t)), 1);
        Var slope = Ops.scale(Ops.addScalar(Ops.scale(Ops.square(x), 3 * Gelu.CUBIC), 1), Gelu.SCALE);
        Var curvature = Ops.scale(x, 6 * Gelu.CUBIC * Gelu.SCALE);
        Var first = Ops.mul(s, slope);
        Var second = Ops.mul(Ops.mul(x, Ops.mul(t, s)), Ops.square(slope));
        Var third = Ops.scale(Ops.mul(x, Ops.mul(s, curvature)), 0.5);
        return Ops.add(Ops.sub(first, second), third);
    }

    /** (x − mean) / √(var + eps) over the last axis, with the biased variance (as every normalisation layer). */
    static Var normalizeLastAxis(Var x, double eps) {
        int[] s = x.shape();
        int d = s[s.length - 1];
        int[] reduced = s.clone();
        reduced[s.length - 1] = 1;
        Var centred = Ops.sub(x, Ops.scale(Ops.sumTo(x, reduced), 1.0 / d));
        Var variance = Ops.scale(Ops.sumTo(Ops.square(centred), reduced), 1.0 / d);
        return Ops.div(centred, Ops.sqrt(Ops.addScalar(variance, eps)));
    }

    /** LayerNorm over the last axis with per-feature scale and shift of shape [d] (Ba, Kiros, Hinton 2016). */
    public static Var layerNorm(Var x, Var gamma, Var beta, double eps) {
        return Ops.add(Ops.mul(normalizeLastAxis(x, eps), gamma), beta);
    }

    /**
     * GroupNorm of NCHW input over groups of C/groups channels (Wu and He 2018): a per-example normalisation, so
     * per-example gradients and DP-SGD stay exact, unlike BatchNorm in training mode.
     */
    public static Var groupNorm(Var x, int groups, Var gamma, Var beta, double eps) {
        int[] s = x.shape();
        if (s.length != 4 || s[1] % groups != 0) {
            throw new IllegalArgumentException(
                    "groupNorm: " + groups + " groups do not divide the channels of input " + Shape.str(s));
        }
        Var grouped = Ops.reshape(x, s[0], groups, Shape.size(s) / (s[0] * groups));
        Var normalized = Ops.reshape(normalizeLastAxis(grouped, eps), s);
        return affinePerChannel(normalized, gamma, beta);
    }

    /** The output of BatchNorm in training mode and the batch statistics a running average takes in. */
    public record BatchNormOutput(Var output, Tensor batchMean, Tensor batchVariance) {}

    /**
     * BatchNorm in training mode (Ioffe and Szegedy 2015) over [N, C] or [N, C, H, W]: normalised with the batch's
     * mean and biased variance per channel. Also returns the mean and the unbiased variance ([C]) that PyTorch
     * feeds into the running averages.
     */
    public static BatchNormOutput batchNormTrain(Var x, Var gamma, Var beta, double eps) {
        int[] s = checkBatchNormInput(x.shape());
        int[] reduced = channelShape(s);
        int count = Shape.size(s) / s[1];
        if (count < 2) {
            throw new IllegalArgumentException(
                    "batchNorm in training mode needs more than one value per channel, " + "got input " + Shape.str(s));
        }
        Var mean = Ops.scale(Ops.sumTo(x, reduced), 1.0 / count);
        Var centred = Ops.sub(x, mean);
        Var variance = Ops.scale(Ops.sumTo(Ops.square(centred), reduced), 1.0 / count);
        Var normalized = Ops.div(centred, Ops.sqrt(Ops.addScalar(variance, eps)));
        var be = x.backend();
        Tensor meanC = be.reshape(mean.value(), s[1]);
        Tensor unbiased = be.reshape(be.scale(variance.value(), count / (count - 1.0)), s[1]);
        return new BatchNormOutput(affinePerChannel(normalized, gamma, beta), meanC, unbiased);
    }

    /** BatchNorm in evaluation mode: normalised with fixed running statistics of shape [C]. */
    public static Var batchNormEval(Var x, Var gamma, Var beta, Tensor runningMean, Tensor runningVar, double eps) {
        int[] s = checkBatchNormInput(x.shape());
        var be = x.backend();
        int[] reduced = channelShape(s);
        DType dtype = x.value().dtype();
        Tensor mean = be.reshape(be.cast(be.from(runningMean), dtype), reduced);
        Tensor std = be.sqrt(be.addScalar(be.cast(be.from(runningVar), dtype), eps));
        Tensor invStd = be.reshape(be.div(be.full(dtype, 1.0), std), reduced);
        Var normalized = Ops.mul(Ops.sub(x, Var.constant(mean)), Var.constant(invStd));
        return affinePerChannel(normalized, gamma, beta);
    }

    private static int[] checkBatchNormInput(int[] s) {
        if (s.length != 2 && s.length != 4) {
            throw new IllegalArgumentException("batchNorm needs [N, C] or [N, C, H, W] input, got " + Shape.str(s));
        }
        return s;
    }

    private static int[] channelShape(int[] s) {
        int[] reduced = new int[s.length];
        Arrays.fill(reduced, 1);
        reduced[1] = s[1];
        return reduced;
    }

    /** x · gamma + beta with gamma and beta of shape [C] broadcast over NCHW or [N, C]. */
    static Var affinePerChannel(Var x, Var gamma, Var beta) {
        int[] c = channelShape(x.shape());
        return Ops.add(Ops.mul(x, Ops.reshape(gamma, c)), Ops.reshape(beta, c));
    }

    /** Average pooling with zero padding counted in the window (PyTorch's default), as a fixed convolution. */
    public static Var avgPool2d(Var x, Pool2dSpec spec) {
        int[] s = x.shape();
        int[] out = spec.outputShape(s);
        int k = spec.kernel();
        Tensor filter = x.backend().full(x.value().dtype(), 1.0 / (k * k), 1, 1, k, k);
        Var planes = Ops.reshape(x, s[0] * s[1], 1, s[2], s[3]);
        Var pooled = Ops.conv2d(planes, Var.constant(filter), new Conv2dSpec(spec.stride(), spec.padding()));
        return Ops.reshape(pooled, out);
    }

    /** The mean over height and width of NCHW input, as [N, C]. */
    public static Var globalAvgPool(Var x) {
        int[] s = x.shape();
        if (s.length != 4) {
            throw new IllegalArgumentException("globalAvgPool needs NCHW input, got " + Shape.str(s));
        }
        return Ops.reshape(Ops.scale(Ops.sumTo(x, s[0], s[1], 1, 1), 1.0 / (s[2] * s[3])), s[0], s[1]);
    }
}
