package org.leakbench.model.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * A victim's starting point taken from a PyTorch {@code state_dict} saved with safetensors: its parameters and
 * the running statistics of its BatchNorm layers ({@link Model#bufferShapes()}), in the model's element type.
 * The file must hold exactly the model's state: every parameter and running statistic, in a floating-point type
 * and PyTorch's shape; BatchNorm's {@code num_batches_tracked} counters may be present (a whole number each) or
 * absent. Anything else, such as an extra tensor, is refused, as {@code load_state_dict(strict=True)} would.
 *
 * @param params the parameters, in {@link Model#parameterShapes()} order
 * @param buffers the running statistics, in {@link Model#bufferShapes()} order (empty for most models)
 */
public record InitialWeights(List<Tensor> params, List<Tensor> buffers) {
    /** The suffix of BatchNorm's step counter, next to {@code running_mean} and {@code running_var}. */
    static final String COUNTER = "num_batches_tracked";

    private static final String RUNNING_MEAN = ".running_mean";
    private static final String RUNNING_VAR = ".running_var";
    private static final int SHOWN_PROBLEMS = 6;

    public InitialWeights {
        params = List.copyOf(params);
        buffers = List.copyOf(buffers);
    }

    /** The starting point of {@code model} read from the safetensors file at {@code path}. */
    public static InitialWeights read(Model model, Path path, Backend backend, DType dtype) {
        return of(model, SafetensorsReader.read(path), backend, dtype);
    }

    /** The starting point of {@code model} held by {@code file}, converted to {@code dtype}. */
    public static InitialWeights of(Model model, WeightFile file, Backend backend, DType dtype) {
        check(model, file);
        List<Tensor> params = TorchWeights.parameters(model, file, backend, dtype);
        List<Tensor> buffers = new ArrayList<>();
        for (ParamShape b : model.bufferShapes()) {
            buffers.add(backend.fromArray(file.tensors().get(b.name()).values(), dtype, b.shape()));
        }
        return new InitialWeights(params, buffers);
    }

    /**
     * Refuses a file that is not exactly {@code model}'s state, with one line naming the file, the first tensor at
     * fault and every problem (missing, extra, wrong shape, wrong element type).
     */
    public static void check(Model model, WeightFile file) {
        Map<String, StoredTensor> tensors = file.tensors();
        List<ParamShape> shapes = model.parameterShapes();
        List<TorchParam> torch = model.torchParameters();
        List<String> problems = new ArrayList<>();
        List<String> culprits = new ArrayList<>();
        Set<String> extra = new LinkedHashSet<>(tensors.keySet());
        for (int i = 0; i < shapes.size(); i++) {
            String name = torch.get(i).name();
            extra.remove(name);
            fit(tensors.get(name), name, TorchWeights.torchShape(shapes.get(i), torch.get(i)), problems, culprits);
        }
        for (ParamShape b : model.bufferShapes()) {
            extra.remove(b.name());
            fit(tensors.get(b.name()), b.name(), b.shape(), problems, culprits);
            if (b.name().endsWith(RUNNING_MEAN)) {
                String counter = b.name().substring(0, b.name().length() - RUNNING_MEAN.length() + 1) + COUNTER;
                StoredTensor t = tensors.get(counter);
                extra.remove(counter);
                if (t != null && (t.shape().length != 0 || !(t.values()[0] >= 0 && t.values()[0] % 1 == 0))) {
                    problems.add("tensor '" + counter + "' must be one whole number >= 0, got " + t.dtype()
                            + Arrays.toString(t.shape()) + (t.values().length == 1 ? " = " + t.values()[0] : ""));
                    culprits.add(counter);
                }
            }
        }
        for (String name : extra) {
            problems.add("extra tensor '" + name + "' " + tensors.get(name).dtype()
                    + Arrays.toString(tensors.get(name).shape()));
            culprits.add(name);
        }
        if (!problems.isEmpty()) {
            List<String> shown = problems.subList(0, Math.min(SHOWN_PROBLEMS, problems.size()));
            String more = problems.size() > shown.size() ? "; and " + (problems.size() - shown.size()) + " more" : "";
            throw new WeightFileException(
                    file.source(),
                    culprits.get(0),
                    "does not fit model " + model.spec().label() + ": " + String.join("; ", shown) + more);
        }
    }

    private static void fit(StoredTensor t, String name, int[] want, List<String> problems, List<String> culprits) {
        String problem = null;
        if (t == null) {
            problem = "missing tensor '" + name + "' " + Arrays.toString(want);
        } else if (!Arrays.equals(t.shape(), want)) {
            problem = "tensor '" + name + "' has shape " + Arrays.toString(t.shape()) + ", the model needs "
                    + Arrays.toString(want);
        } else if (t.dtype() == StoredDType.I64) {
            problem = "tensor '" + name + "' is " + t.dtype() + ", the model needs a floating-point type (F32, F64)";
        }
        if (problem != null) {
            problems.add(problem);
            culprits.add(name);
        }
    }

    /**
     * The model's state as PyTorch's {@code state_dict()} holds it, ready for {@link SafetensorsWriter}: each
     * BatchNorm layer's running statistics and a zero step counter follow its bias, as in PyTorch.
     */
    public List<StoredTensor> stateDict(Model model) {
        List<StoredTensor> out = new ArrayList<>(TorchWeights.stateDict(model, params));
        List<ParamShape> shapes = model.bufferShapes();
        if (buffers.size() != shapes.size()) {
            throw new IllegalArgumentException(model.spec().label() + " has " + shapes.size()
                    + " running statistics, got " + buffers.size() + " tensors");
        }
        for (int i = 0; i < shapes.size(); i++) {
            String name = shapes.get(i).name();
            String layer = name.substring(0, name.lastIndexOf('.') + 1);
            int at = out.size();
            for (int j = 0; j < out.size(); j++) {
                if (out.get(j).name().startsWith(layer)) {
                    at = j + 1; // after the layer's last entry so far
                }
            }
            out.add(at, StoredTensor.of(name, buffers.get(i)));
            if (name.endsWith(RUNNING_VAR)) {
                out.add(at + 1, new StoredTensor(layer + COUNTER, StoredDType.I64, new int[0], new double[] {0}));
            }
        }
        return out;
    }

    /** Writes the state to {@code path} with {@code metadata}, for {@code safetensors.torch.load_file}. */
    public void save(Model model, Path path, Map<String, String> metadata) {
        SafetensorsWriter.write(path, stateDict(model), metadata);
    }
}
