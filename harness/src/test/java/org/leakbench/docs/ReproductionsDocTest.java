package org.leakbench.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's Reproductions table stands on the repository alone: every reference number it shows links to an
 * entry of {@code docs/reproductions.md} that holds the same numbers, names a source and a test that exists, and
 * each value the entry marks as asserted appears in that test with the tolerance the entry states.
 */
class ReproductionsDocTest {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?(?:e-?\\d+)?");
    private static final Pattern LINK = Pattern.compile("\\[([^]]+)]\\(docs/reproductions\\.md#([a-z0-9-]+)\\)");
    private static final Pattern WITHIN = Pattern.compile("(\\S+) ± (\\S+)");
    private static final Pattern BOUND = Pattern.compile("(>=?) (\\S+)");

    private static Path root;
    private static List<List<String>> table;
    private static Map<String, Map<String, String>> entries;

    @BeforeAll
    static void read() throws IOException {
        root = repositoryRoot();
        table = reproductionsTable(Files.readString(root.resolve("README.md")));
        Path doc = root.resolve("docs/reproductions.md");
        assertTrue(Files.isRegularFile(doc), "docs/reproductions.md is missing");
        entries = entries(Files.readString(doc));
    }

    @Test
    void everyReferenceInTheReadmeLinksToAnEntryWithTheSameNumbers() {
        assertFalse(table.isEmpty(), "README has no Reproductions table");
        int linked = 0;
        for (List<String> row : table) {
            String reference = row.get(2);
            if (reference.isBlank()) {
                continue;
            }
            Matcher m = LINK.matcher(reference);
            assertTrue(m.find(), "README reference '" + reference + "' does not link to docs/reproductions.md");
            linked++;
            Map<String, String> e = entries.get(m.group(2));
            assertNotNull(e, "README links to docs/reproductions.md#" + m.group(2) + ", which has no entry");
            assertEquals(
                    numbers(m.group(1)),
                    numbers(e.get("reference")),
                    "numbers of README reference '" + m.group(1) + "' and of entry " + m.group(2));
            assertFalse(
                    reference.replace(m.group(0), "").matches(".*\\d.*"),
                    "a number outside the link is not checked: " + reference);
        }
        assertEquals(entries.size(), linked, "every entry is used by the README");
    }

    @Test
    void everyEntryNamesItsSourceAndAnExistingTest() throws IOException {
        for (Map.Entry<String, Map<String, String>> e : entries.entrySet()) {
            for (String field : List.of("what", "reference", "source", "test", "asserted")) {
                String v = e.getValue().get(field);
                assertTrue(v != null && !v.isBlank(), e.getKey() + ": field '" + field + "' is missing");
            }
            testSource(e.getValue().get("test"));
        }
        String doc = Files.readString(root.resolve("docs/reproductions.md"));
        Matcher absolute = Pattern.compile("(?<![\\w.\\])])/[A-Za-z]+/").matcher(doc);
        assertFalse(absolute.find(), "an absolute path in the doc: the repository must stand alone");
    }

    @Test
    void assertedValuesAppearInTheirTestWithTheStatedTolerance() throws IOException {
        int checked = 0;
        for (Map.Entry<String, Map<String, String>> e : entries.entrySet()) {
            String asserted = e.getValue().get("asserted").trim();
            if (asserted.equals("compared")) {
                continue;
            }
            List<String> lines = Files.readAllLines(testSource(e.getValue().get("test")));
            List<Double> values = new ArrayList<>();
            for (String part : asserted.split(";", -1)) {
                String claim = part.trim();
                Matcher within = WITHIN.matcher(claim);
                Matcher bound = BOUND.matcher(claim);
                if (within.matches()) {
                    String v = within.group(1);
                    String tol = within.group(2);
                    assertTrue(
                            lines.stream().anyMatch(l -> literal(l, v) && literal(l, tol)),
                            e.getKey() + ": " + e.getValue().get("test") + " has no line asserting " + v + " within "
                                    + tol);
                    values.add(Double.parseDouble(v));
                } else if (bound.matches()) {
                    assertTrue(
                            lines.stream().anyMatch(l -> l.contains(claim)),
                            e.getKey() + ": " + e.getValue().get("test") + " has no line with '" + claim + "'");
                    values.add(Double.parseDouble(bound.group(2)));
                } else {
                    fail(e.getKey() + ": cannot read asserted claim '" + claim + "' (value ± tolerance, > value or "
                            + ">= value)");
                }
                checked++;
            }
            boolean percent = e.getValue().get("reference").contains("%");
            for (String n : numbers(e.getValue().get("reference"))) {
                double x = Double.parseDouble(n);
                assertTrue(
                        values.stream().anyMatch(v -> v == x || (percent && Math.abs(v * 100 - x) < 1e-9)),
                        e.getKey() + ": reference number " + n + " is not among the asserted values " + values);
            }
        }
        assertTrue(checked >= 5, "only " + checked + " asserted values");
    }

    /** Whether {@code line} holds {@code number} as a whole literal (not as part of a longer number). */
    private static boolean literal(String line, String number) {
        return Pattern.compile("(?<![\\d.])" + Pattern.quote(number) + "(?![\\d])")
                .matcher(line)
                .find();
    }

    private static Set<String> numbers(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Path testSource(String name) throws IOException {
        String cls = name.replace("`", "").trim();
        for (String module : List.of("harness", "plots", "benchmarks")) {
            Path tests = root.resolve(module).resolve("src/test/java");
            if (!Files.isDirectory(tests)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(tests)) {
                Optional<Path> found = files.filter(
                                p -> p.getFileName().toString().equals(cls + ".java"))
                        .findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new AssertionError("no test class " + cls + " in the repository");
    }

    /** The rows (cells trimmed) of the table under "## Reproductions". */
    static List<List<String>> reproductionsTable(String readme) {
        List<List<String>> rows = new ArrayList<>();
        boolean in = false;
        for (String line : readme.split("\n", -1)) {
            if (line.startsWith("## ")) {
                in = line.equals("## Reproductions");
                continue;
            }
            if (!in || !line.startsWith("|") || line.startsWith("| ---") || line.startsWith("| what |")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String c : line.substring(1, line.length() - 1).split("\\|", -1)) {
                cells.add(c.trim());
            }
            assertEquals(4, cells.size(), "README Reproductions row: " + line);
            rows.add(cells);
        }
        return rows;
    }

    /** Entries of the doc: heading id to its fields ("- name: value", continued on indented lines). */
    static Map<String, Map<String, String>> entries(String doc) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> current = null;
        String field = null;
        for (String line : doc.split("\n", -1)) {
            if (line.startsWith("### ")) {
                current = new LinkedHashMap<>();
                out.put(line.substring(4).trim(), current);
                field = null;
            } else if (current != null && line.startsWith("- ") && line.indexOf(':') > 2) {
                field = line.substring(2, line.indexOf(':')).trim();
                current.put(field, line.substring(line.indexOf(':') + 1).trim());
            } else if (current != null && field != null && line.startsWith("  ")) {
                current.merge(field, " " + line.trim(), String::concat);
            }
        }
        return out;
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("harness"))) {
                return p;
            }
        }
        throw new AssertionError("cannot find the repository root (README.md beside harness/) above "
                + Path.of("").toAbsolutePath());
    }
}
