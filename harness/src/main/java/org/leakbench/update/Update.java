package org.leakbench.update;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Shape;
import org.leakbench.tensor.Tensor;

/**
 * What a client sends: one float array per parameter tensor (row-major, with its shape), and how it was
 * made. A {@link Kind#GRADIENT} is the loss gradient at the global parameters (FedSGD); a
 * {@link Kind#WEIGHT_DIFFERENCE} is θ_global − θ_local after {@code localSteps} SGD steps of learning rate
 * {@code lr} (FedAvg), so an attack can divide by steps·lr to get an average gradient, as breaching does.
 *
 * <p>Immutable in use: the arrays are copied on the way in and every operation returns a new update.
 * Accessors return the internal arrays for speed; callers must not modify them.
 */
public record Update(List<float[]> values, List<int[]> shapes, Kind kind, int localSteps, double lr) {
    /** How the update was produced. */
    public enum Kind {
        GRADIENT,
        WEIGHT_DIFFERENCE
    }

    public Update {
        if (values == null || shapes == null || values.size() != shapes.size()) {
            throw new IllegalArgumentException("update: need one shape per value array, got "
                    + (values == null ? "null" : values.size()) + " arrays and "
                    + (shapes == null ? "null" : shapes.size()) + " shapes");
        }
        if (kind == null) {
            throw new IllegalArgumentException("update.kind must be given");
        }
        if (localSteps < 1) {
            throw new IllegalArgumentException("update.localSteps must be >= 1, got " + localSteps);
        }
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("update.lr must be positive and finite, got " + lr);
        }
        List<float[]> v = new ArrayList<>(values.size());
        List<int[]> s = new ArrayList<>(shapes.size());
        for (int i = 0; i < values.size(); i++) {
            int[] shape = shapes.get(i).clone();
            if (values.get(i).length != Shape.size(shape)) {
                throw new IllegalArgumentException("update: tensor " + i + " has " + values.get(i).length
                        + " values but shape " + Shape.str(shape));
            }
            v.add(values.get(i).clone());
            s.add(shape);
        }
        values = List.copyOf(v);
        shapes = List.copyOf(s);
    }

    /** A FedSGD gradient from per-parameter tensors. */
    public static Update fromTensors(List<Tensor> tensors) {
        return fromTensors(tensors, Kind.GRADIENT, 1, 1.0);
    }

    public static Update fromTensors(List<Tensor> tensors, Kind kind, int localSteps, double lr) {
        List<float[]> v = new ArrayList<>(tensors.size());
        List<int[]> s = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) {
            v.add(t.toFloatArray());
            s.add(t.shape());
        }
        return new Update(v, s, kind, localSteps, lr);
    }

    /** Splits a flat vector into tensors of {@code shapes}. */
    public static Update fromFlat(float[] flat, List<int[]> shapes, Kind kind, int localSteps, double lr) {
        List<float[]> v = new ArrayList<>(shapes.size());
        int at = 0;
        for (int[] s : shapes) {
            int n = Shape.size(s);
            if (at + n > flat.length) {
                throw new IllegalArgumentException("update: flat vector of " + flat.length
                        + " values is too short for shapes " + shapesStr(shapes));
            }
            v.add(Arrays.copyOfRange(flat, at, at + n));
            at += n;
        }
        if (at != flat.length) {
            throw new IllegalArgumentException(
                    "update: flat vector has " + flat.length + " values, shapes " + shapesStr(shapes) + " need " + at);
        }
        return new Update(v, shapes, kind, localSteps, lr);
    }

    /** The same metadata with new values of the same shapes. */
    public Update withValues(List<float[]> newValues) {
        return new Update(newValues, shapes, kind, localSteps, lr);
    }

    /** The same metadata with a new flat vector of the same total size. */
    public Update withFlat(float[] flat) {
        return fromFlat(flat, shapes, kind, localSteps, lr);
    }

    /** All values in one vector, tensors in order. */
    public float[] flatten() {
        float[] out = new float[size()];
        int at = 0;
        for (float[] v : values) {
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }

    public List<Tensor> toTensors(Backend backend, DType dtype) {
        List<Tensor> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Tensor t = backend.fromFloats(values.get(i), shapes.get(i));
            out.add(t.dtype() == dtype ? t : backend.cast(t, dtype));
        }
        return out;
    }

    /** Number of entries over all tensors. */
    public int size() {
        int n = 0;
        for (float[] v : values) {
            n += v.length;
        }
        return n;
    }

    /** Bytes of the update sent densely as float32. */
    public long plainBytes() {
        return 4L * size();
    }

    public double l2Norm() {
        double s = 0;
        for (float[] v : values) {
            for (float x : v) {
                s += (double) x * x;
            }
        }
        return Math.sqrt(s);
    }

    public Update scaled(double factor) {
        List<float[]> out = new ArrayList<>(values.size());
        for (float[] v : values) {
            float[] w = new float[v.length];
            for (int j = 0; j < v.length; j++) {
                w[j] = (float) (v[j] * factor);
            }
            out.add(w);
        }
        return withValues(out);
    }

    /** Element-wise sum; the shapes must match. Keeps this update's metadata. */
    public Update plus(Update other) {
        requireSameShapes(other);
        List<float[]> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            float[] a = values.get(i);
            float[] b = other.values.get(i);
            float[] w = new float[a.length];
            for (int j = 0; j < a.length; j++) {
                w[j] = a[j] + b[j];
            }
            out.add(w);
        }
        return withValues(out);
    }

    public void requireSameShapes(Update other) {
        boolean same = other.shapes.size() == shapes.size();
        for (int i = 0; same && i < shapes.size(); i++) {
            same = Arrays.equals(shapes.get(i), other.shapes.get(i));
        }
        if (!same) {
            throw new IllegalArgumentException(
                    "update shapes differ: " + shapesStr(shapes) + " vs " + shapesStr(other.shapes));
        }
    }

    static String shapesStr(List<int[]> shapes) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < shapes.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(Shape.str(shapes.get(i)));
        }
        return b.append(']').toString();
    }
}
