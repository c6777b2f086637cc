package org.leakbench.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.leakbench.component.ParameterView;

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
public record SweepPoint(int index, Map<String, Object> params, long seed, String pointId, String groupKey)
        implements ParameterView {
    public SweepPoint {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The value of {@code name}, or an error naming the parameter. */
    @Override
    public Object get(String name) {
        Object v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("point " + pointId + " has no parameter '" + name + "'");
        }
        return v;
    }

    @Override
    public String toString() {
        return pointId + " seed=" + seed + " " + params;
    }
}
