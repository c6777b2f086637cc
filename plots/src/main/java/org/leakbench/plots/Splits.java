package org.leakbench.plots;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rows split by the setting a reader compares figures across: data set and model. A sweep over two models
 * gets a frontier (and a gallery) for each, instead of one for the most common model with the other left out.
 */
final class Splits {
    static final List<String> COLUMNS = List.of("dataset", "model");

    private Splits() {}

    /**
     * Groups {@code rows} by the values of the {@link #COLUMNS} that vary among them; the key is a file-name
     * suffix such as {@code "-mlp"} (empty when nothing varies, so a single-model run keeps its plain names).
     */
    static Map<String, List<ResultRow>> bySetting(List<ResultRow> rows) {
        List<String> varying = COLUMNS.stream()
                .filter(c -> rows.stream().map(r -> r.param(c)).distinct().count() > 1)
                .toList();
        if (varying.isEmpty()) {
            Map<String, List<ResultRow>> one = new LinkedHashMap<>();
            one.put("", rows);
            return one;
        }
        return rows.stream()
                .collect(Collectors.groupingBy(
                        r -> varying.stream()
                                .map(c -> "-" + r.param(c).replaceAll("[^A-Za-z0-9_.]", "_"))
                                .collect(Collectors.joining()),
                        LinkedHashMap::new,
                        Collectors.toList()));
    }

    /** "model mlp" for the caption of a split figure; empty for the suffix of an unsplit one. */
    static String describe(String suffix, List<ResultRow> rows) {
        if (suffix.isEmpty() || rows.isEmpty()) {
            return "";
        }
        ResultRow r = rows.get(0);
        return COLUMNS.stream()
                .filter(c -> !r.param(c).isEmpty())
                .map(c -> c + " " + r.param(c))
                .collect(Collectors.joining(", "));
    }
}
