package org.leakbench.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.leakbench.results.ResultColumns;

/**
 * One sweep parameter: its dotted name, value type, allowed values or range, default, one-line description and
 * tier. Use the factories ({@link #ofInt}, {@link #ofDouble}, {@link #ofEnum}, {@link #ofBool}, {@link #ofList},
 * {@link #ofText})
 * so that a registry reads one line per parameter.
 *
 * @param name dotted name as written in sweep files, e.g. {@code attack.iterations}
 * @param type value type
 * @param allowed allowed names for {@link ParamType#ENUM}, empty otherwise
 * @param range allowed interval for numbers (and for the elements of a numeric list)
 * @param defaultValue value used when a sweep file does not mention the parameter
 * @param description one line for documentation and {@code --help}
 * @param tier whether changing it needs a new expensive build
 * @param unit what a number counts or measures (e.g. {@code dB}, {@code iterations}, {@code fraction of
 *             entries}); empty for names and flags
 */
public record ParameterSpec(
        String name,
        ParamType type,
        List<String> allowed,
        Range range,
        Object defaultValue,
        String description,
        Tier tier,
        String unit) {

    public ParameterSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(range, "range");
        if (name == null || !name.matches("[a-z][a-z0-9+-]*(\\.[a-z][a-z0-9+-]*)*")) {
            throw new IllegalArgumentException(
                    "parameter name '" + name + "' must be lower-case words separated by dots");
        }
        allowed = List.copyOf(allowed);
        if (type == ParamType.ENUM && allowed.isEmpty()) {
            throw new IllegalArgumentException("parameter " + name + ": an enum needs allowed values");
        }
        if (description == null || description.isBlank() || description.contains("\n")) {
            throw new IllegalArgumentException("parameter " + name + ": description must be one non-blank line");
        }
        defaultValue = checkValue(name, type, allowed, range, defaultValue);
        unit = unit == null ? "" : unit.strip();
    }

    /** A spec without a unit. */
    public ParameterSpec(
            String name,
            ParamType type,
            List<String> allowed,
            Range range,
            Object defaultValue,
            String description,
            Tier tier) {
        this(name, type, allowed, range, defaultValue, description, tier, "");
    }

    /** The same spec measured in {@code newUnit}. */
    public ParameterSpec withUnit(String newUnit) {
        return new ParameterSpec(name, type, allowed, range, defaultValue, description, tier, newUnit);
    }

    /** The same spec under another name (a component's own name for a shared slot). */
    public ParameterSpec named(String newName) {
        return new ParameterSpec(newName, type, allowed, range, defaultValue, description, tier, unit);
    }

    /** The same spec with another default, checked against the type and range. */
    public ParameterSpec withDefault(Object newDefault) {
        return new ParameterSpec(name, type, allowed, range, newDefault, description, tier, unit);
    }

    /** An int parameter within {@code range}. */
    public static ParameterSpec ofInt(String name, Tier tier, Range range, int def, String description) {
        return new ParameterSpec(name, ParamType.INT, List.of(), range, def, description, tier);
    }

    /** A double parameter within {@code range}. */
    public static ParameterSpec ofDouble(String name, Tier tier, Range range, double def, String description) {
        return new ParameterSpec(name, ParamType.DOUBLE, List.of(), range, def, description, tier);
    }

    /** A parameter taking one of {@code allowed}. */
    public static ParameterSpec ofEnum(String name, Tier tier, List<String> allowed, String def, String description) {
        return new ParameterSpec(name, ParamType.ENUM, allowed, Range.ANY, def, description, tier);
    }

    /** A true/false parameter. */
    public static ParameterSpec ofBool(String name, Tier tier, boolean def, String description) {
        return new ParameterSpec(name, ParamType.BOOL, List.of(), Range.ANY, def, description, tier);
    }

    /** A list-valued parameter; numeric elements must lie in {@code elementRange}. */
    public static ParameterSpec ofList(String name, Tier tier, Range elementRange, List<?> def, String description) {
        return new ParameterSpec(name, ParamType.LIST, List.of(), elementRange, def, description, tier);
    }

    /** A free-text parameter (a file name); {@code def} is usually empty, meaning "not set". */
    public static ParameterSpec ofText(String name, Tier tier, String def, String description) {
        return new ParameterSpec(name, ParamType.TEXT, List.of(), Range.ANY, def, description, tier);
    }

    /** The CSV column name: dots and hyphens replaced by underscores ({@code fl.local-steps} is fl_local_steps). */
    public String column() {
        return ResultColumns.parameterColumn(name);
    }

    /**
     * Parses a value written in a sweep file: a scalar's text, or for {@link ParamType#LIST} a list of scalar texts.
     *
     * @throws IllegalArgumentException with a message naming the expected type, range or allowed values
     */
    public Object parse(Object raw) {
        if (type == ParamType.LIST) {
            if (!(raw instanceof List<?> items)) {
                throw new IllegalArgumentException("expected a list such as [64, 32], got '" + raw + "'");
            }
            List<Object> out = new ArrayList<>();
            for (Object item : items) {
                out.add(parseListElement(String.valueOf(item)));
            }
            return checkValue(name, type, allowed, range, out);
        }
        if (raw instanceof List<?>) {
            throw new IllegalArgumentException("expected a single " + type.label() + ", got a list");
        }
        String text = String.valueOf(raw).trim();
        Object value = switch (type) {
            case INT -> parseInt(text);
            case DOUBLE -> parseDouble(text);
            case BOOL -> parseBool(text);
            default -> text;
        };
        return checkValue(name, type, allowed, range, value);
    }

    private Object parseListElement(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException notInt) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException notNumber) {
                return text.trim();
            }
        }
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected an int, got '" + text + "'");
        }
    }

    private static Double parseDouble(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, got '" + text + "'");
        }
    }

    private static Boolean parseBool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Boolean.TRUE;
            case "false", "no", "off" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("expected true or false, got '" + text + "'");
        };
    }

    /** Checks a typed value against the type, range and allowed names; returns it normalized. */
    private static Object checkValue(String name, ParamType type, List<String> allowed, Range range, Object v) {
        if (v == null) {
            throw new IllegalArgumentException("parameter " + name + ": missing value");
        }
        switch (type) {
            case INT -> {
                if (!(v instanceof Integer i)) {
                    throw new IllegalArgumentException("expected an int, got '" + v + "'");
                }
                requireInRange(range, i);
                return i;
            }
            case DOUBLE -> {
                if (!(v instanceof Number n)) {
                    throw new IllegalArgumentException("expected a number, got '" + v + "'");
                }
                requireInRange(range, n.doubleValue());
                return n.doubleValue();
            }
            case BOOL -> {
                if (!(v instanceof Boolean)) {
                    throw new IllegalArgumentException("expected true or false, got '" + v + "'");
                }
                return v;
            }
            case ENUM -> {
                String s = String.valueOf(v);
                if (!allowed.contains(s)) {
                    String guess = ValueText.closest(s, allowed);
                    throw new IllegalArgumentException("unknown value '" + s + "'"
                            + (guess == null ? "" : " (did you mean '" + guess + "'?)")
                            + "; allowed: " + String.join(", ", allowed));
                }
                return s;
            }
            case TEXT -> {
                if (!(v instanceof String text) || text.contains("\n")) {
                    throw new IllegalArgumentException("expected one line of text, got '" + v + "'");
                }
                return text;
            }
            case LIST -> {
                if (!(v instanceof List<?> list) || list.isEmpty()) {
                    throw new IllegalArgumentException("expected a non-empty list, got '" + v + "'");
                }
                for (Object e : list) {
                    if (e instanceof Number n) {
                        requireInRange(range, n.doubleValue());
                    }
                }
                return List.copyOf(list);
            }
            default -> throw new AssertionError(type);
        }
    }

    private static void requireInRange(Range range, double v) {
        if (!range.contains(v)) {
            throw new IllegalArgumentException("value " + ValueText.format(v) + " is out of range " + range);
        }
    }
}
