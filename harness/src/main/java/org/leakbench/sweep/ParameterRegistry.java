package org.leakbench.sweep;

import static org.leakbench.sweep.ParameterSpec.ofDouble;
import static org.leakbench.sweep.ParameterSpec.ofEnum;
import static org.leakbench.sweep.ParameterSpec.ofInt;
import static org.leakbench.sweep.Range.above;
import static org.leakbench.sweep.Range.atLeast;
import static org.leakbench.sweep.Range.closed;
import static org.leakbench.sweep.Tier.CHEAP;
import static org.leakbench.sweep.Tier.EXPENSIVE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.leakbench.results.ResultColumns;
import org.leakbench.tensor.Backends;

/**
 * Every parameter a sweep file may set, in a fixed order (the order of CSV columns). The default registry is
 * {@link #defaults()}; to add a parameter, add one line there. Immutable.
 */
public final class ParameterRegistry {
    /** Attack names, shared with whoever implements them. */
    public static final List<String> ATTACKS = List.of("none", "dlg", "idlg", "ig", "analytic", "rtf", "oracle",
            "random", "mia-loss", "mia-gradnorm", "lira", "property");
    /** Defense names. */
    public static final List<String> DEFENSES = List.of("none", "dp-sgd", "noise", "laplace", "prune", "topk",
            "randomk", "quant", "sign", "secagg", "secagg+", "client-dp", "local-dp", "dp-fedavg");

    /** The value of the {@code backend} parameter that defers to the sweep's own {@code backend:} key. */
    public static final String SWEEP_BACKEND = "sweep";
    static final List<String> BACKENDS = Stream.concat(Stream.of(SWEEP_BACKEND), Backends.ACCEPTED.stream()).toList();

    private static final ParameterRegistry DEFAULTS = new ParameterRegistry(List.of(
            ofEnum("dataset", EXPENSIVE, List.of("fashion-mnist", "fashion-mnist-subset", "mnist", "breast-cancer"),
                    "fashion-mnist-subset", "data set the victim trains on"),
            ofEnum("model", EXPENSIVE, List.of("lenet", "mlp", "logistic"), "lenet", "victim model architecture"),
            ofDouble("model.width", EXPENSIVE, above(0), 1.0, "width multiplier of the model's layers"),
            ofInt("model.depth", EXPENSIVE, atLeast(1), 2, "number of hidden layers (mlp)"),
            ofEnum("model.activation", EXPENSIVE, List.of("sigmoid", "relu", "tanh"), "sigmoid",
                    "hidden-layer activation"),
            ofInt("batch", EXPENSIVE, atLeast(1), 1, "client batch size"),
            ofEnum("fl", EXPENSIVE, List.of("fedsgd", "fedavg"), "fedsgd", "federated protocol"),
            ofEnum("threat", EXPENSIVE, List.of("server", "curious-client"), "server",
                    "who attacks: the server (sees the victim's update) or a curious client (the others' aggregate)"),
            ofInt("fl.clients", EXPENSIVE, atLeast(1), 1, "number of clients"),
            ofInt("fl.rounds", EXPENSIVE, atLeast(1), 1, "training rounds for utility"),
            ofInt("fl.local-steps", EXPENSIVE, atLeast(1), 1, "local steps per round (fedavg)"),
            ofDouble("fl.lr", EXPENSIVE, above(0), 0.1, "client learning rate"),
            ofEnum("fl.partition", EXPENSIVE, List.of("iid", "dirichlet"), "iid", "how data is split over clients"),
            ofDouble("fl.alpha", EXPENSIVE, above(0), 0.5, "Dirichlet concentration for non-iid partitions"),
            ofInt("fl.local-batch", EXPENSIVE, atLeast(1), 32, "client minibatch size during training for utility"),
            ofInt("mia.members", EXPENSIVE, atLeast(1), 100, "training rows of a membership-inference target"),
            ofInt("mia.epochs", EXPENSIVE, atLeast(1), 100, "training epochs of a membership-inference target"),
            ofInt("image", EXPENSIVE, atLeast(0), 0, "index into the test set of the first attacked example"),
            ofEnum("attack", CHEAP, ATTACKS, "dlg", "attack run on the observed update"),
            ofInt("attack.iterations", CHEAP, atLeast(1), 300, "optimizer iterations of an inversion attack"),
            ofInt("attack.restarts", CHEAP, atLeast(1), 1, "random restarts of an inversion attack"),
            ofDouble("attack.tv", CHEAP, atLeast(0), 0.0, "total-variation prior weight"),
            ofDouble("attack.lr", CHEAP, above(0), 0.1, "attack optimizer step size"),
            ofEnum("defense", CHEAP, DEFENSES, "none", "defense applied to the update"),
            ofDouble("defense.param", CHEAP, atLeast(0), 0.0,
                    "defense strength: noise variance, prune/keep fraction, bits, epsilon (per defense)"),
            ofDouble("defense.clip", CHEAP, above(0), 1.0, "L2 clipping norm for DP defenses"),
            ofEnum("secagg.security", CHEAP, List.of("semi-honest", "active"), "semi-honest",
                    "server secagg/secagg+ defend against: semi-honest, or active (signatures, consistency check)"),
            ofEnum("dp.sampling", CHEAP, List.of("poisson", "shuffle"), "poisson",
                    "DP-SGD batches: poisson (what the accountant analyses) or shuffle (epsilon only approximate)"),
            ofEnum("dp.noise", CHEAP, List.of("fast", "discrete-gaussian"), "fast",
                    "Gaussian noise of DP defenses: fast floating-point or exact discrete Gaussian"),
            ofEnum("backend", EXPENSIVE, BACKENDS, SWEEP_BACKEND,
                    "tensor backend of this point: 'sweep' (the file's backend: key) or one named backend"),
            ofInt("victims", CHEAP, atLeast(1), 1,
                    "victims attacked per point: 1 = the batch at image; N > 1 = N batches drawn from the test split"),
            ofDouble("success.psnr", CHEAP, atLeast(0), 20.0,
                    "PSNR (dB) at or above which a victim's reconstruction counts as a success (psnr_success)"),
            ofDouble("success.ssim", CHEAP, closed(0, 1), 0.5,
                    "SSIM at or above which a victim's reconstruction counts as a success (ssim_success)")));

    private final Map<String, ParameterSpec> specs;

    /** A registry holding {@code specs} in the given order; names must be unique. */
    public ParameterRegistry(List<ParameterSpec> specs) {
        Map<String, ParameterSpec> map = new LinkedHashMap<>();
        java.util.Set<String> columns = new java.util.HashSet<>(ResultColumns.METRICS);
        columns.addAll(ResultColumns.FIXED);
        for (ParameterSpec s : specs) {
            if (map.put(s.name(), s) != null) {
                throw new IllegalArgumentException("parameter " + s.name() + " is declared twice");
            }
            if (!columns.add(s.column())) {
                throw new IllegalArgumentException("parameter " + s.name() + ": CSV column " + s.column()
                        + " is already taken");
            }
        }
        this.specs = java.util.Collections.unmodifiableMap(map);
    }

    /** The registry every LeakBench sweep uses. */
    public static ParameterRegistry defaults() {
        return DEFAULTS;
    }

    /** A copy with {@code extra} appended (for tests and experiments). */
    public ParameterRegistry with(ParameterSpec... extra) {
        List<ParameterSpec> all = new ArrayList<>(specs.values());
        all.addAll(List.of(extra));
        return new ParameterRegistry(all);
    }

    /** The spec called {@code name}, if declared. */
    public Optional<ParameterSpec> find(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    /** The spec called {@code name}, or an error naming the closest known parameter. */
    public ParameterSpec get(String name) {
        ParameterSpec s = specs.get(name);
        if (s == null) {
            throw new IllegalArgumentException(unknownMessage(name));
        }
        return s;
    }

    /** "unknown parameter 'x' (did you mean 'y'?)". */
    public String unknownMessage(String name) {
        String guess = Values.closest(name, specs.keySet());
        return "unknown parameter '" + name + "'" + (guess == null ? "" : " (did you mean '" + guess + "'?)");
    }

    /** All specs in declaration order. */
    public Collection<ParameterSpec> specs() {
        return specs.values();
    }

    /** All names in declaration order. */
    public List<String> names() {
        return List.copyOf(specs.keySet());
    }
}
