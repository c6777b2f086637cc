package org.leakbench.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a sweep: every parameter's value (registry order, defaults filled in) and a seed.
 *
 * @param index position in the sweep's full ordered point list
 * @param params parameter name to value (Integer, Double, String, Boolean or List)
 * @param seed the seed of this row
 * @param pointId stable short hash of the canonical parameters and seed
 * @param groupKey short hash of the EXPENSIVE parameters and seed; points sharing it are adjacent and may share
 *                 builds through {@link PointContext#shared}
 */
public record SweepPoint(int index, Map<String, Object> params, long seed, String pointId, String groupKey) {
    public SweepPoint {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The value of {@code name}, or an error naming the parameter. */
    public Object get(String name) {
        Object v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("point " + pointId + " has no parameter '" + name + "'");
        }
        return v;
    }

    /** The value of an enum or string parameter. */
    public String string(String name) {
        return String.valueOf(get(name));
    }

    /** The value of an int parameter. */
    public int intValue(String name) {
        return ((Number) get(name)).intValue();
    }

    /** The value of a numeric parameter. */
    public double doubleValue(String name) {
        return ((Number) get(name)).doubleValue();
    }

    /** The value of a bool parameter. */
    public boolean boolValue(String name) {
        return (Boolean) get(name);
    }

    @Override
    public String toString() {
        return pointId + " seed=" + seed + " " + params;
    }
}
