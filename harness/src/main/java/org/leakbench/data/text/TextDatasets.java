package org.leakbench.data.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.leakbench.data.DataFormatException;
import org.leakbench.data.DataSplit;
import org.leakbench.data.Dataset;
import org.leakbench.data.DatasetLocation;
import org.leakbench.data.DatasetNotFoundException;

/**
 * The text data sets: next-token windows ({@link TokenWindows}) of the bundled King James Version books
 * ({@code text-char}, {@code text-bpe}) or of a user's own UTF-8 files ({@code text-files-char},
 * {@code text-files-bpe}: a {@code .txt} file or a folder of them, from the data directory argument, else
 * {@code $LEAKBENCH_TEXT}). The first {@link #TRAIN_FRACTION} of the characters are the training part, the
 * rest the test part, so no window crosses the border; the tokenizer is trained on the training part only.
 */
public final class TextDatasets {
    public static final String CHAR = "text-char";
    public static final String BPE = "text-bpe";
    public static final String FILES_CHAR = "text-files-char";
    public static final String FILES_BPE = "text-files-bpe";
    public static final String ENV = "LEAKBENCH_TEXT";
    /** Share of the text, by position, in the training part. */
    public static final double TRAIN_FRACTION = 0.9;

    private TextDatasets() {}

    /** The names, in listing order. */
    public static List<String> names() {
        return List.of(CHAR, BPE, FILES_CHAR, FILES_BPE);
    }

    /** Whether {@code name} is a text data set. */
    public static boolean isText(String name) {
        return name != null && names().contains(name);
    }

    /** Loads a text data set; {@code dataDir} and {@code environment} are read by the user-file ones only. */
    public static DataSplit load(String name, Path dataDir, TextOptions options, Function<String, String> environment) {
        TextSource source = readsFiles(checked(name)) ? files(name, dataDir, environment) : TextSource.bundled();
        return split(name, source, options);
    }

    /** Where {@link #load} would read the text, without reading it. */
    public static DatasetLocation locate(String name, Path dataDir, Function<String, String> environment) {
        if (!readsFiles(checked(name))) {
            boolean present = TextDatasets.class.getClassLoader().getResource(TextSource.BUNDLED_RESOURCE) != null;
            return new DatasetLocation(name, "bundled: classpath:" + TextSource.BUNDLED_RESOURCE, present);
        }
        for (String[] candidate : candidates(dataDir, environment)) {
            Path path = Path.of(candidate[1]);
            if (!TextSource.textFiles(path).isEmpty()) {
                return new DatasetLocation(
                        name, path.toAbsolutePath().normalize().toString(), true);
            }
        }
        return new DatasetLocation(name, "not found (looked in " + describe(dataDir, environment) + ")", false);
    }

    /** The train/test split of {@code source} as the data set {@code name}. */
    static DataSplit split(String name, TextSource source, TextOptions options) {
        int cut = source.cut(TRAIN_FRACTION);
        String train = source.text().substring(0, cut);
        String test = source.text().substring(cut);
        Tokenizer tokenizer;
        try {
            tokenizer = usesBpe(name) ? BpeTokenizer.train(train, options.vocabulary()) : CharTokenizer.train(train);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source.origin() + ": " + e.getMessage() + "; raise text.vocab", e);
        }
        int[] trainIds = tokenizer.encode(train);
        int[] testIds = tokenizer.encode(test);
        requireOneWindow(source, "training", train, trainIds, options);
        requireOneWindow(source, "test", test, testIds, options);
        int stride = options.effectiveStride();
        Dataset trainSet = TokenWindows.of(name, trainIds, options.context(), stride, tokenizer, source.fileSha256());
        Dataset testSet = TokenWindows.of(name, testIds, options.context(), stride, tokenizer, source.fileSha256());
        return new DataSplit(trainSet, testSet);
    }

    private static void requireOneWindow(TextSource source, String part, String text, int[] ids, TextOptions o) {
        int needed = TokenWindows.minimumTokens(o.context());
        if (ids.length < needed) {
            throw new DataFormatException(source.origin() + ": too short: its " + part + " part ("
                    + text.length() + " of " + source.text().length() + " characters) holds "
                    + ids.length + " tokens, fewer than one window of " + needed + " (text.context " + o.context()
                    + " and the token after it)");
        }
    }

    private static TextSource files(String name, Path dataDir, Function<String, String> environment) {
        DatasetLocation location = locate(name, dataDir, environment);
        if (!location.available()) {
            throw new DatasetNotFoundException("data set " + name + " not found: looked for UTF-8 .txt files in "
                    + describe(dataDir, environment) + ". Pass --data-dir with a folder of .txt files, or set $"
                    + ENV + " to such a folder or to one text file; '" + (usesBpe(name) ? BPE : CHAR)
                    + "' is bundled and needs no files.");
        }
        return TextSource.fromPath(Path.of(location.location()));
    }

    private static List<String[]> candidates(Path dataDir, Function<String, String> environment) {
        List<String[]> out = new ArrayList<>();
        if (dataDir != null) {
            out.add(new String[] {"data directory argument", dataDir.toString()});
        }
        String fromEnvironment = environment.apply(ENV);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            out.add(new String[] {"$" + ENV, fromEnvironment});
        }
        return out;
    }

    private static String describe(Path dataDir, Function<String, String> environment) {
        List<String[]> candidates = candidates(dataDir, environment);
        if (candidates.isEmpty()) {
            return "no place: no data directory was given and $" + ENV + " is not set";
        }
        List<String> parts = new ArrayList<>();
        for (String[] c : candidates) {
            parts.add(c[1] + " (" + c[0] + ")");
        }
        return String.join(", ", parts);
    }

    private static boolean readsFiles(String name) {
        return name.equals(FILES_CHAR) || name.equals(FILES_BPE);
    }

    static boolean usesBpe(String name) {
        return name.equals(BPE) || name.equals(FILES_BPE);
    }

    private static String checked(String name) {
        if (!isText(name)) {
            throw new IllegalArgumentException("unknown text data set '" + name + "', known: " + names());
        }
        return name;
    }
}
