package org.leakbench.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds the directory of an IDX data set (MNIST, Fashion-MNIST): the directory given by the caller, then an
 * environment variable, then an optional system directory, first one holding all four files wins.
 */
final class IdxSources {
    private final String name;
    private final String environmentVariable;
    private final Path systemDirectory;
    private final String howToGet;

    /**
     * @param systemDirectory a package's install directory, or null when there is none
     * @param howToGet        a sentence for the error message when nothing is found
     */
    IdxSources(String name, String environmentVariable, Path systemDirectory, String howToGet) {
        this.name = name;
        this.environmentVariable = environmentVariable;
        this.systemDirectory = systemDirectory;
        this.howToGet = howToGet;
    }

    /** The candidate directories in search order, each with how it was chosen. */
    List<String[]> candidates(Path dataDir, Function<String, String> environment) {
        List<String[]> out = new ArrayList<>();
        if (dataDir != null) {
            out.add(new String[] {"data directory argument", dataDir.toString()});
        }
        String fromEnvironment = environment.apply(environmentVariable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            out.add(new String[] {"$" + environmentVariable, fromEnvironment});
        }
        if (systemDirectory != null) {
            out.add(new String[] {"system directory", systemDirectory.toString()});
        }
        return out;
    }

    DatasetLocation locate(Path dataDir, Function<String, String> environment) {
        List<String[]> candidates = candidates(dataDir, environment);
        for (String[] candidate : candidates) {
            Path directory = Path.of(candidate[1]);
            if (IdxDatasetLoader.hasFiles(directory)) {
                return new DatasetLocation(
                        name, directory.toAbsolutePath().normalize().toString(), true);
            }
        }
        return new DatasetLocation(name, "not found (looked in " + describe(candidates) + ")", false);
    }

    DataSplit load(Path dataDir, Function<String, String> environment, List<String> classNames) {
        DatasetLocation location = locate(dataDir, environment);
        if (!location.available()) {
            throw new DatasetNotFoundException("data set " + name + " not found: looked for the four IDX files ("
                    + String.join(", ", IdxDatasetLoader.FILE_NAMES) + ", plain or .gz) in "
                    + describe(candidates(dataDir, environment)) + ". " + howToGet);
        }
        return IdxDatasetLoader.fromDirectory(name, Path.of(location.location()), classNames);
    }

    private String describe(List<String[]> candidates) {
        if (candidates.isEmpty()) {
            return "no directory: none was given and $" + environmentVariable + " is not set";
        }
        List<String> parts = new ArrayList<>();
        for (String[] candidate : candidates) {
            parts.add(candidate[1] + " (" + candidate[0] + ")");
        }
        return String.join(", ", parts);
    }
}
