package org.leakbench.model.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakbench.model.Model;
import org.leakbench.model.ParamShape;
import org.leakbench.model.TorchParam;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * A model's parameters to and from PyTorch's {@code state_dict()} names and layouts, as given by {@link
 * Model#torchParameters()}. Loading checks the whole file first and reports every missing tensor, every
 * extra one and every shape that does not fit, by name. BatchNorm's {@code num_batches_tracked} counters
 * and the model's buffers (running statistics, {@link Model#bufferShapes()}) carry no parameter and are ignored.
 */
public final class TorchWeights {
    private static final String IGNORED_SUFFIX = "num_batches_tracked";

    private TorchWeights() {}

    /**
     * The parameters of {@code model} from the PyTorch weight file at {@code path}: what a victim that starts
     * from trained or reference weights needs. Refuses a file that does not fit, listing every problem.
     */
    public static List<Tensor> load(Model model, Path path, Backend backend, DType dtype) {
        return parameters(model, SafetensorsReader.read(path), backend, dtype);
    }

    /** Writes {@code params} under PyTorch's names and layouts, for {@code safetensors.torch.load_file}. */
    public static void save(Model model, List<Tensor> params, Path path, Map<String, String> metadata) {
        SafetensorsWriter.write(path, stateDict(model, params), metadata);
    }

    /** The model's parameters read from {@code file}, in {@link Model#parameterShapes()} order. */
    public static List<Tensor> parameters(Model model, WeightFile file, Backend backend, DType dtype) {
        return parameters(model, file.source(), file.tensors(), backend, dtype);
    }

    /** As {@link #parameters(Model, WeightFile, Backend, DType)} for tensors that came from {@code source}. */
    public static List<Tensor> parameters(
            Model model, Path source, Map<String, StoredTensor> tensors, Backend backend, DType dtype) {
        check(model, source, tensors);
        List<ParamShape> shapes = model.parameterShapes();
        List<TorchParam> torch = model.torchParameters();
        List<Tensor> out = new ArrayList<>(shapes.size());
        for (int i = 0; i < shapes.size(); i++) {
            StoredTensor t = tensors.get(torch.get(i).name());
            double[] v = torch.get(i).transposed() ? transpose(t.values(), t.shape()) : t.values();
            out.add(backend.fromArray(v, dtype, shapes.get(i).shape()));
        }
        return out;
    }

    /** Refuses, with one message listing every problem, tensors that do not fit the model's parameters. */
    public static void check(Model model, Path source, Map<String, StoredTensor> tensors) {
        List<ParamShape> shapes = model.parameterShapes();
        List<TorchParam> torch = model.torchParameters();
        if (torch.size() != shapes.size()) {
            throw new IllegalStateException(model.spec().label() + " names " + torch.size() + " PyTorch parameters for "
                    + shapes.size() + " parameters");
        }
        List<String> problems = new ArrayList<>();
        String first = null;
        Set<String> extra = new LinkedHashSet<>(tensors.keySet());
        for (int i = 0; i < shapes.size(); i++) {
            String name = torch.get(i).name();
            int[] want = torchShape(shapes.get(i), torch.get(i));
            StoredTensor t = tensors.get(name);
            extra.remove(name);
            String problem = t == null
                    ? "missing tensor '" + name + "' " + Arrays.toString(want)
                    : Arrays.equals(t.shape(), want)
                            ? null
                            : "tensor '" + name + "' has shape " + Arrays.toString(t.shape()) + ", the model needs "
                                    + Arrays.toString(want);
            if (problem != null) {
                problems.add(problem);
                first = first == null ? name : first;
            }
        }
        extra.removeIf(n -> n.endsWith(IGNORED_SUFFIX));
        model.bufferShapes().forEach(b -> extra.remove(b.name())); // running statistics are no parameters
        for (String name : extra) {
            problems.add("extra tensor '" + name + "'");
            first = first == null ? name : first;
        }
        if (!problems.isEmpty()) {
            throw new WeightFileException(
                    source, first, "does not fit model " + model.spec().label() + ": " + String.join("; ", problems));
        }
    }

    /** The parameters under PyTorch's names and in its layouts, ready for {@link SafetensorsWriter}. */
    public static List<StoredTensor> stateDict(Model model, List<Tensor> params) {
        List<TorchParam> torch = model.torchParameters();
        List<ParamShape> shapes = model.parameterShapes();
        if (params.size() != shapes.size()) {
            throw new IllegalArgumentException(
                    model.spec().label() + " has " + shapes.size() + " parameters, got " + params.size() + " tensors");
        }
        List<StoredTensor> out = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            TorchParam tp = torch.get(i);
            double[] v = tp.transposed() ? transpose(p.toDoubleArray(), p.shape()) : p.toDoubleArray();
            StoredDType dt = p.dtype() == DType.F64 ? StoredDType.F64 : StoredDType.F32;
            out.add(new StoredTensor(tp.name(), dt, torchShape(shapes.get(i), tp), v));
        }
        return out;
    }

    /** The tensors of {@code tensors} keyed by name, for {@link #parameters}. */
    public static Map<String, StoredTensor> byName(List<StoredTensor> tensors) {
        Map<String, StoredTensor> out = new LinkedHashMap<>();
        for (StoredTensor t : tensors) {
            out.put(t.name(), t);
        }
        return out;
    }

    /** The shape PyTorch stores parameter {@code p} in. */
    static int[] torchShape(ParamShape p, TorchParam t) {
        int[] s = p.shape();
        if (!t.transposed()) {
            return s;
        }
        if (s.length != 2) {
            throw new IllegalStateException("parameter " + p.name() + " of shape " + Arrays.toString(s)
                    + " is marked transposed but is not a matrix");
        }
        return new int[] {s[1], s[0]};
    }

    /** The row-major values of the transpose of a [rows, cols] matrix. */
    static double[] transpose(double[] v, int[] shape) {
        int rows = shape[0];
        int cols = shape[1];
        double[] out = new double[v.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = v[r * cols + c];
            }
        }
        return out;
    }
}
