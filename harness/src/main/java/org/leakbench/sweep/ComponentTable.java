package org.leakbench.sweep;

import java.util.ArrayList;
import java.util.List;
import org.leakbench.component.Alias;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.ComponentRegistry;
import org.leakbench.component.ParameterSpec;

/**
 * Every registered component with the parameters it reads, one row per parameter (one row for a component
 * without any), as {@code leakbench sweep --list-parameters} prints it and {@code SWEEPS.md} shows it. A
 * parameter stored in a slot says so ({@code prune.fraction} in {@code defense.param}).
 */
public final class ComponentTable {
    /** Column titles of {@link #rows}. */
    public static final List<String> HEADER =
            List.of("kind", "component", "parameter", "column", "unit", "allowed", "default", "description");

    private ComponentTable() {}

    /** The rows, kind by kind in registry order. */
    public static List<List<String>> rows(ComponentRegistry components) {
        List<List<String>> rows = new ArrayList<>();
        for (ComponentKind kind : ComponentKind.values()) {
            for (Component c : components.all(kind)) {
                String name = c.name() + aliases(c);
                List<ParameterSpec> own = c.descriptor().ownParameters();
                if (own.isEmpty()) {
                    rows.add(List.of(
                            kind.parameter(),
                            name,
                            "-",
                            "-",
                            "-",
                            "-",
                            "-",
                            c.descriptor().summary()));
                }
                for (ParameterSpec s : own) {
                    rows.add(List.of(
                            kind.parameter(),
                            name,
                            s.name(),
                            column(c, s),
                            s.unit().isEmpty() ? "-" : s.unit(),
                            allowed(s),
                            Values.format(s.defaultValue()),
                            s.description()));
                }
            }
        }
        return rows;
    }

    /** The allowed values of {@code s}: its names, or its range ("any" when unbounded). */
    public static String allowed(ParameterSpec s) {
        return s.allowed().isEmpty()
                ? s.range().toString().replace("(-inf, inf)", "any")
                : String.join(" ", s.allowed());
    }

    private static String column(Component c, ParameterSpec s) {
        if (c.descriptor().mainParameter().filter(s::equals).isPresent()) {
            return c.kind().mainSlot();
        }
        if (c.descriptor().clipParameter().filter(s::equals).isPresent()) {
            return c.kind().clipSlot();
        }
        return s.name();
    }

    private static String aliases(Component c) {
        List<String> names = c.aliases().stream().map(Alias::name).toList();
        return names.isEmpty() ? "" : " (alias " + String.join(", ", names) + ")";
    }

    /** The rows as a Markdown table (parameter and column names as code). */
    public static String markdown(ComponentRegistry components) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        sb.append("|").append(" --- |".repeat(HEADER.size())).append('\n');
        for (List<String> row : rows(components)) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i).replace("|", "\\|");
                cells.add((i == 2 || i == 3) && !cell.equals("-") ? "`" + cell + "`" : cell);
            }
            sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        return sb.toString();
    }
}
