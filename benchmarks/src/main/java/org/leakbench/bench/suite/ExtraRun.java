package org.leakbench.bench.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A further JMH invocation of one benchmark class after its main one, for parameter values whose operations take
 * too long for the setting's iteration counts: a ResNet's inversion step at batch 32 takes seconds, and since a
 * JMH iteration always completes at least one operation, each iteration then costs a whole operation however
 * short the iteration time. Its parameter values replace the class's overrides key by key (the others keep the
 * override or annotated values), and it has its own warm-up and measured iteration counts.
 *
 * @param params     parameter values replacing the class's, by name
 * @param warmups    warm-up iterations (at least one: the first operations run interpreted)
 * @param iterations measured iterations (at least two, so that a median is not a single operation)
 * @param methods    the benchmark methods this run is for (empty: every selected one), for a class whose methods
 *                   take their parameters from different states
 */
public record ExtraRun(Map<String, List<String>> params, int warmups, int iterations, List<String> methods) {
    /** A run of every selected method of the class. */
    public ExtraRun(Map<String, List<String>> params, int warmups, int iterations) {
        this(params, warmups, iterations, List.of());
    }

    public ExtraRun {
        methods = List.copyOf(methods);
        if (params.isEmpty()) {
            throw new IllegalArgumentException("an extra JMH run needs at least one parameter value to set");
        }
        if (warmups < 1 || iterations < 2) {
            throw new IllegalArgumentException("an extra JMH run needs >= 1 warm-up and >= 2 measured iterations, got "
                    + warmups + " and " + iterations + " for " + params);
        }
        params = Collections.unmodifiableMap(new TreeMap<>(params)); // by name: the same text every run
    }

    /** The methods of {@code selected} this run measures. */
    List<String> of(List<String> selected) {
        return methods.isEmpty()
                ? selected
                : selected.stream().filter(methods::contains).toList();
    }

    /** The class's {@code overrides} with this run's values put over them. */
    Map<String, List<String>> over(Map<String, List<String>> overrides) {
        Map<String, List<String>> merged = new LinkedHashMap<>(overrides);
        merged.putAll(params);
        return merged;
    }

    /** How settings.properties and the log describe the run, e.g. "model=[resnet20] batch=[1]: 1 + 2 iterations". */
    String describe() {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) ->
                sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        String only = methods.isEmpty() ? "" : " " + methods + " only";
        return sb + only + ": " + warmups + " + " + iterations + " iterations";
    }
}
