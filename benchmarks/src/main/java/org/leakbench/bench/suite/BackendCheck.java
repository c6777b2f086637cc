package org.leakbench.bench.suite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.leakbench.tensor.BackendUnavailableException;
import org.leakbench.tensor.Backends;

/**
 * Which tensor backends start on this machine. A backend that cannot (the CUDA build without a GPU, a missing
 * native library) is dropped from the {@code backend} parameter before JMH forks, so its benchmarks are skipped
 * with the backend's one-sentence reason instead of a stack trace per fork.
 */
final class BackendCheck {
    private final Map<String, Optional<String>> known = new LinkedHashMap<>();

    /** Empty when {@code name} starts; otherwise the sentence saying why it does not. */
    Optional<String> problem(String name) {
        return known.computeIfAbsent(name, BackendCheck::probe);
    }

    private static Optional<String> probe(String name) {
        try {
            Backends.get(name).description();
            return Optional.empty();
        } catch (BackendUnavailableException e) {
            return Optional.of(e.getMessage());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** One line per backend that was checked: its description or why it is unavailable. */
    Map<String, String> descriptions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Optional<String>> e : known.entrySet()) {
            out.put(
                    e.getKey(),
                    e.getValue()
                            .map(p -> "unavailable: " + p)
                            .orElseGet(() -> Backends.get(e.getKey()).description()));
        }
        return out;
    }
}
