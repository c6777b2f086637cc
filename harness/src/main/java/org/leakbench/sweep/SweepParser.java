package org.leakbench.sweep;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leakbench.tensor.Backends;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a sweep file through SnakeYAML's node API (so every value keeps its line) and checks it against a
 * {@link ParameterRegistry}. All errors are collected and thrown together as a {@link SweepValidationException}.
 */
public final class SweepParser {
    static final List<String> TOP_LEVEL_KEYS =
            List.of("name", "description", "seeds", "backend", "timeout", "grid", "grids");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private final ParameterRegistry registry;

    public SweepParser(ParameterRegistry registry) {
        this.registry = registry;
    }

    /** Parses a sweep file; relative file names in it resolve against its folder. */
    public Sweep parse(Path file) throws IOException {
        return parse(
                        Files.readString(file, StandardCharsets.UTF_8),
                        file.getFileName().toString())
                .withDirectory(file.toAbsolutePath().getParent());
    }

    /**
     * Parses sweep text.
     *
     * @param text YAML text
     * @param origin file name used in error messages and as the default sweep name
     * @throws SweepValidationException listing every problem
     */
    public Sweep parse(String text, String origin) {
        Run run = new Run(origin);
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // reported by us, with the line
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            String why = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            throw new SweepValidationException(List.of(new SweepError(origin, line, "(yaml)", "invalid YAML: " + why)));
        } catch (YAMLException e) {
            throw new SweepValidationException(
                    List.of(new SweepError(origin, 0, "(yaml)", "invalid YAML: " + e.getMessage())));
        }
        if (!(root instanceof MappingNode map)) {
            run.error(root, "(top)", "a sweep file must be a mapping with keys " + TOP_LEVEL_KEYS);
            throw new SweepValidationException(run.errors);
        }
        String name = baseName(origin);
        String description = "";
        List<Long> seeds = List.of(1L);
        String backend = Backends.defaultBackend().name();
        Duration timeout = Duration.ofHours(1);
        List<Map<String, List<Object>>> blocks = List.of();
        boolean sawGrid = false;
        for (NodeTuple t : run.entries(map, "")) {
            String key = run.keyOf(t);
            Node v = t.getValueNode();
            switch (key) {
                case "name" -> name = run.scalar(v, key, name);
                case "description" -> description = run.scalar(v, key, "");
                case "seeds" -> seeds = run.seeds(v);
                case "backend" -> backend = run.backend(v, backend);
                case "timeout" -> timeout = run.duration(v, timeout);
                case "grid" -> {
                    if (sawGrid) {
                        run.error(t.getKeyNode(), key, "give either grid: or grids:, not both");
                    }
                    sawGrid = true;
                    blocks = new GridReader(registry, run).read(v);
                }
                case "grids" -> {
                    if (sawGrid) {
                        run.error(t.getKeyNode(), key, "give either grid: or grids:, not both");
                    }
                    sawGrid = true;
                    blocks = grids(v, run);
                }
                default -> {
                    String guess = Values.closest(key, TOP_LEVEL_KEYS);
                    String hint = registry.find(key).isPresent()
                            ? " (parameters go under grid:)"
                            : guess != null ? " (did you mean '" + guess + "'?)" : "";
                    run.error(t.getKeyNode(), key, "unknown key" + hint + "; known keys: " + TOP_LEVEL_KEYS);
                }
            }
        }
        if (!sawGrid) {
            run.error(map, "grid", "missing grid: a sweep needs at least one parameter list under grid:");
        }
        if (name != null && !name.matches("[A-Za-z0-9._-]+")) {
            run.error(map, "name", "'" + name + "' must use only letters, digits, '.', '_', '-'");
        }
        if (!run.errors.isEmpty()) {
            throw new SweepValidationException(run.errors);
        }
        return new Sweep(name, description, seeds, backend, timeout, blocks, registry, origin, text);
    }

    /** Several grids in one sweep: the points are the union of each grid's points (duplicates kept once). */
    private List<Map<String, List<Object>>> grids(Node v, Run run) {
        if (!(v instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            run.error(v, "grids", "grids: must be a non-empty list of grids, each a mapping like grid:");
            return List.of();
        }
        List<Map<String, List<Object>>> all = new ArrayList<>();
        for (Node g : seq.getValue()) {
            all.addAll(new GridReader(registry, run).read(g));
        }
        return all;
    }

    private static String baseName(String origin) {
        String n = Path.of(origin).getFileName().toString();
        n = n.replaceFirst("\\.ya?ml$", "");
        return n.matches("[A-Za-z0-9._-]+") ? n : "sweep";
    }

    /** Error collection and small typed readers shared with {@link GridReader}. */
    static final class Run {
        final String origin;
        final List<SweepError> errors = new ArrayList<>();

        Run(String origin) {
            this.origin = origin;
        }

        void error(Node node, String key, String message) {
            int line = node == null ? 0 : node.getStartMark().getLine() + 1;
            errors.add(new SweepError(origin, line, key, message));
        }

        /** The tuples of a mapping, reporting duplicate and non-scalar keys. */
        List<NodeTuple> entries(MappingNode map, String prefix) {
            List<NodeTuple> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode)) {
                    error(t.getKeyNode(), prefix + "(key)", "keys must be plain names");
                    continue;
                }
                String key = keyOf(t);
                if (!seen.add(key)) {
                    error(t.getKeyNode(), prefix + key, "duplicate key");
                    continue;
                }
                out.add(t);
            }
            return out;
        }

        String keyOf(NodeTuple t) {
            return ((ScalarNode) t.getKeyNode()).getValue().trim();
        }

        String scalar(Node v, String key, String fallback) {
            if (v instanceof ScalarNode s && !s.getValue().isBlank()) {
                return s.getValue().trim();
            }
            error(v, key, "expected a single value");
            return fallback;
        }

        /** Items of a sequence, or the node itself as a one-item list when it is a scalar. */
        List<Node> items(Node v) {
            if (v instanceof SequenceNode seq) {
                return seq.getValue();
            }
            return List.of(v);
        }

        List<Long> seeds(Node v) {
            List<Long> out = new ArrayList<>();
            for (Node item : items(v)) {
                if (item instanceof ScalarNode s) {
                    try {
                        out.add(Long.parseLong(s.getValue().trim()));
                        continue;
                    } catch (NumberFormatException ignored) {
                        // reported below
                    }
                }
                error(item, "seeds", "expected whole-number seeds such as [1, 2, 3]");
            }
            if (out.isEmpty() && v instanceof SequenceNode) {
                error(v, "seeds", "must list at least one seed");
            }
            return out.isEmpty() ? List.of(1L) : out;
        }

        String backend(Node v, String fallback) {
            String b = scalar(v, "backend", fallback).toLowerCase(Locale.ROOT);
            if (!Backends.isKnown(b)) {
                error(v, "backend", "unknown backend '" + b + "'; allowed: " + String.join(", ", Backends.ACCEPTED));
                return fallback;
            }
            return Backends.canonicalName(b); // a former name (ejml) runs, and is recorded, as the backend's own
        }

        Duration duration(Node v, Duration fallback) {
            String text = scalar(v, "timeout", "");
            Duration d = parseDuration(text);
            if (d == null) {
                error(v, "timeout", "expected a positive duration such as 500ms, 30s, 10m or 2h, got '" + text + "'");
                return fallback;
            }
            return d;
        }
    }

    /** "500ms", "30s", "10m", "2h" (or null when malformed or zero). */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        return d.isZero() ? null : d;
    }
}
