package org.leakbench.sweep;

import static org.leakbench.component.ParameterSpec.ofDouble;
import static org.leakbench.component.ParameterSpec.ofEnum;
import static org.leakbench.component.ParameterSpec.ofInt;
import static org.leakbench.component.ParameterSpec.ofText;
import static org.leakbench.component.Range.above;
import static org.leakbench.component.Range.atLeast;
import static org.leakbench.component.Range.closed;
import static org.leakbench.component.Tier.CHEAP;
import static org.leakbench.component.Tier.EXPENSIVE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.ComponentRegistry;
import org.leakbench.component.ParameterSpec;
import org.leakbench.results.ResultColumns;
import org.leakbench.tensor.Backends;

/**
 * Every parameter a sweep file may set, in a fixed order (the order of CSV columns). The default registry is
 * {@link #defaults()}: the global parameters declared here (data, federation, victims, success thresholds, the
 * names of the chosen components and the two defense slots) and the shared parameters the registered
 * components declare ({@link ComponentRegistry}). A component's main parameter and clip ({@code prune.fraction},
 * {@code dp.clip}) are not columns: they are stored in {@code defense.param} and {@code defense.clip}, which
 * keeps old sweep files and results readable. To add a global parameter, add one line to {@code globals}.
 * Immutable.
 */
public final class ParameterRegistry {
    /** The value of the {@code backend} parameter that defers to the sweep's own {@code backend:} key. */
    public static final String SWEEP_BACKEND = "sweep";

    static final List<String> BACKENDS =
            Stream.concat(Stream.of(SWEEP_BACKEND), Backends.ACCEPTED.stream()).toList();

    /**
     * The column order of results files: a parameter keeps its column when it moves between this class and
     * a component. Parameters not listed follow, in the order the components declare them.
     */
    private static final List<String> COLUMN_ORDER = List.of(
            "dataset",
            "data.channels",
            "data.size",
            "model",
            "model.width",
            "model.depth",
            "model.activation",
            "model.heads",
            "model.init",
            "batch",
            "fl",
            "threat",
            "fl.clients",
            "fl.rounds",
            "fl.local-steps",
            "fl.lr",
            "fl.partition",
            "fl.alpha",
            "fl.local-batch",
            "mia.members",
            "mia.epochs",
            "image",
            "attack",
            "attack.iterations",
            "attack.restarts",
            "attack.tv",
            "attack.lr",
            "defense",
            "defense.param",
            "defense.clip",
            "secagg.security",
            "dp.sampling",
            "dp.noise",
            "dp.accountant",
            "backend",
            "victims",
            "success.psnr",
            "success.ssim");

    /** Parameters that belong to no component; the component names come from the registry. */
    private static List<ParameterSpec> globals(ComponentRegistry components) {
        return List.of(
                ofEnum(
                        "dataset",
                        EXPENSIVE,
                        components.names(ComponentKind.DATASET),
                        "fashion-mnist-subset",
                        "data set the victim trains on"),
                ofInt(
                        "data.channels",
                        EXPENSIVE,
                        closed(0, 3),
                        0,
                        "image channels: 0 = as the data set has them; 3 replicates a grey channel (never drops any)"),
                ofInt(
                        "data.size",
                        EXPENSIVE,
                        atLeast(0),
                        0,
                        "image side: 0 = as the data set has it; larger zero-pads each image at its centre"),
                ofEnum("model", EXPENSIVE, components.names(ComponentKind.MODEL), "lenet", "victim model architecture"),
                ofText(
                        "model.init",
                        EXPENSIVE,
                        "",
                        "the victim's starting weights: a .safetensors state_dict (relative to the sweep file); "
                                + "empty = LeakBench's seeded initialisation"),
                ofInt("batch", EXPENSIVE, atLeast(1), 1, "client batch size"),
                ofEnum("fl", EXPENSIVE, List.of("fedsgd", "fedavg"), "fedsgd", "federated protocol"),
                ofEnum(
                        "threat",
                        EXPENSIVE,
                        List.of("server", "curious-client", "malicious-server"),
                        "server",
                        "who attacks: the honest-but-curious server (sees the victim's update), a curious client (the "
                                + "others' aggregate) or a malicious server (also chooses the model it sends)"),
                ofInt("fl.clients", EXPENSIVE, atLeast(1), 1, "number of clients"),
                ofInt(
                        "fl.rounds",
                        EXPENSIVE,
                        atLeast(0),
                        1,
                        "training rounds for utility (0: no utility figure, the attack alone)"),
                ofInt("fl.local-steps", EXPENSIVE, atLeast(1), 1, "local steps per round (fedavg)"),
                ofDouble("fl.lr", EXPENSIVE, above(0), 0.1, "client learning rate"),
                ofEnum("fl.partition", EXPENSIVE, List.of("iid", "dirichlet"), "iid", "how data is split over clients"),
                ofDouble("fl.alpha", EXPENSIVE, above(0), 0.5, "Dirichlet concentration for non-iid partitions"),
                ofInt("fl.local-batch", EXPENSIVE, atLeast(1), 32, "client minibatch size during training for utility"),
                ofInt("image", EXPENSIVE, atLeast(0), 0, "index into the test set of the first attacked example"),
                ofEnum(
                        "attack",
                        CHEAP,
                        components.names(ComponentKind.ATTACK),
                        "dlg",
                        "attack run on the observed update"),
                ofEnum(
                        "defense",
                        CHEAP,
                        components.names(ComponentKind.DEFENSE),
                        "none",
                        "defense applied to the update"),
                ofDouble(
                        "defense.param",
                        CHEAP,
                        atLeast(0),
                        0.0,
                        "the chosen defense's main parameter (noise.variance, prune.fraction, quant.bits, dp.sigma, ...)"),
                ofDouble("defense.clip", CHEAP, above(0), 1.0, "the chosen defense's clipping norm (dp.clip)"),
                ofEnum(
                        "backend",
                        EXPENSIVE,
                        BACKENDS,
                        SWEEP_BACKEND,
                        "tensor backend of this point: 'sweep' (the file's backend: key) or one named backend"),
                ofInt(
                        "victims",
                        CHEAP,
                        atLeast(1),
                        1,
                        "victims attacked per point: 1 = the batch at image; N > 1 = N batches drawn from the test split"),
                ofDouble(
                        "success.psnr",
                        CHEAP,
                        atLeast(0),
                        20.0,
                        "PSNR (dB) at or above which a victim's reconstruction counts as a success (psnr_success)"),
                ofDouble(
                        "success.ssim",
                        CHEAP,
                        closed(0, 1),
                        0.5,
                        "SSIM at or above which a victim's reconstruction counts as a success (ssim_success)"));
    }

    private static final ParameterRegistry DEFAULTS = of(ComponentRegistry.installed());

    private final Map<String, ParameterSpec> specs;
    private final ComponentRegistry components;

    /** A registry holding {@code specs} in the given order; names must be unique. */
    public ParameterRegistry(List<ParameterSpec> specs) {
        this(specs, ComponentRegistry.installed());
    }

    /** A registry holding {@code specs}, whose per-component defaults come from {@code components}. */
    public ParameterRegistry(List<ParameterSpec> specs, ComponentRegistry components) {
        this.components = components;
        Map<String, ParameterSpec> map = new LinkedHashMap<>();
        java.util.Set<String> columns = new java.util.HashSet<>(ResultColumns.METRICS);
        columns.addAll(ResultColumns.FIXED);
        for (ParameterSpec s : specs) {
            if (map.put(s.name(), s) != null) {
                throw new IllegalArgumentException("parameter " + s.name() + " is declared twice");
            }
            if (!columns.add(s.column())) {
                throw new IllegalArgumentException(
                        "parameter " + s.name() + ": CSV column " + s.column() + " is already taken");
            }
        }
        this.specs = java.util.Collections.unmodifiableMap(map);
    }

    /** The registry every LeakBench sweep uses. */
    public static ParameterRegistry defaults() {
        return DEFAULTS;
    }

    /** The globals and the shared parameters of {@code components}, in {@link #COLUMN_ORDER}. */
    public static ParameterRegistry of(ComponentRegistry components) {
        Map<String, ParameterSpec> all = new LinkedHashMap<>();
        for (ParameterSpec s : globals(components)) {
            all.put(s.name(), s);
        }
        for (ParameterSpec s : components.sharedParameters().values()) {
            if (all.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException(
                        "parameter " + s.name() + " is global; a component may read it " + "but not declare it");
            }
        }
        List<ParameterSpec> ordered = new ArrayList<>();
        for (String name : COLUMN_ORDER) {
            ParameterSpec s = all.remove(name);
            if (s != null) {
                ordered.add(s);
            }
        }
        ordered.addAll(all.values());
        return new ParameterRegistry(ordered, components);
    }

    /** The components whose names and defaults this registry knows. */
    public ComponentRegistry components() {
        return components;
    }

    /**
     * The default of {@code name} in a point whose other values are {@code point}: the chosen components' own
     * default ({@code attack.iterations} of ig, {@code defense.param} of prune), else the spec's.
     */
    public Object defaultFor(String name, Map<String, ?> point) {
        return components.defaultFor(name, point).orElseGet(() -> get(name).defaultValue());
    }

    /** A copy with {@code extra} appended (for tests and experiments). */
    public ParameterRegistry with(ParameterSpec... extra) {
        List<ParameterSpec> all = new ArrayList<>(specs.values());
        all.addAll(List.of(extra));
        return new ParameterRegistry(all, components);
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
