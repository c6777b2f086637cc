package org.leakbench.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds and loads a data set in the CIFAR binary format from a directory: the directory given by the caller,
 * then the one in the layout's environment variable; in each, the archive's own sub-folder
 * ({@code cifar-10-batches-bin}) first, then the directory itself. The first one holding every data file wins.
 */
public final class CifarSources {
    private final CifarLayout layout;

    public CifarSources(CifarLayout layout) {
        this.layout = layout;
    }

    /** The directories looked in, in order, each with how it was chosen. */
    List<String[]> candidates(Path dataDir, Function<String, String> environment) {
        List<String[]> out = new ArrayList<>();
        if (dataDir != null) {
            addBoth(out, dataDir, "data directory argument");
        }
        String fromEnvironment = environment.apply(layout.environmentVariable());
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            addBoth(out, Path.of(fromEnvironment), "$" + layout.environmentVariable());
        }
        return out;
    }

    private void addBoth(List<String[]> out, Path directory, String how) {
        out.add(new String[] {how, directory.resolve(layout.folder()).toString()});
        out.add(new String[] {how, directory.toString()});
    }

    public DatasetLocation locate(Path dataDir, Function<String, String> environment) {
        List<String[]> candidates = candidates(dataDir, environment);
        for (String[] candidate : candidates) {
            Path directory = Path.of(candidate[1]);
            if (hasFiles(directory)) {
                return new DatasetLocation(
                        layout.name(), directory.toAbsolutePath().normalize().toString(), true);
            }
        }
        return new DatasetLocation(layout.name(), "not found (looked in " + describe(candidates) + ")", false);
    }

    public DataSplit load(Path dataDir, Function<String, String> environment) {
        DatasetLocation location = locate(dataDir, environment);
        if (!location.available()) {
            throw new DatasetNotFoundException("data set " + layout.name() + " not found: looked for "
                    + String.join(", ", layout.dataFiles()) + " in " + describe(candidates(dataDir, environment))
                    + ". It is neither bundled nor downloaded: unpack the binary version of the archive and pass its"
                    + " folder with --data-dir, or set $" + layout.environmentVariable() + " to it.");
        }
        return fromDirectory(layout, Path.of(location.location()));
    }

    /** Reads every file of {@code layout} from {@code directory}, and its class-name file when present. */
    public static DataSplit fromDirectory(CifarLayout layout, Path directory) {
        Path meta = directory.resolve(layout.metaFile());
        DataFile names = Files.isRegularFile(meta) ? DataFile.of(meta) : null;
        return split(layout, name -> DataFile.of(directory.resolve(name)), names);
    }

    /** Reads every file of {@code layout} from a class-path folder, and its class-name file when present. */
    public static DataSplit fromResources(CifarLayout layout, String resourceFolder) {
        String meta = resourceFolder + "/" + layout.metaFile();
        boolean hasMeta = CifarSources.class.getClassLoader().getResource(meta) != null;
        return split(
                layout,
                name -> DataFile.ofResource(resourceFolder + "/" + name),
                hasMeta ? DataFile.ofResource(meta) : null);
    }

    private static DataSplit split(CifarLayout layout, Function<String, DataFile> open, DataFile names) {
        int numClasses = layout.classNames().size();
        List<String> classNames = names == null ? layout.classNames() : CifarReader.classNames(names, numClasses);
        Map<String, String> sha = new LinkedHashMap<>();
        if (names != null) {
            sha.put(names.name(), names.sha256());
        }
        Dataset train = dataset(layout, layout.trainFiles(), open, classNames, sha);
        Dataset test = dataset(layout, layout.testFiles(), open, classNames, sha);
        return new DataSplit(train, test);
    }

    private static Dataset dataset(
            CifarLayout layout,
            List<String> fileNames,
            Function<String, DataFile> open,
            List<String> classNames,
            Map<String, String> namesSha) {
        List<DataFile> files = new ArrayList<>();
        Map<String, String> sha = new LinkedHashMap<>();
        for (String name : fileNames) {
            DataFile f = open.apply(name);
            files.add(f);
            sha.put(f.name(), f.sha256());
        }
        sha.putAll(namesSha);
        CifarReader.Records r = CifarReader.read(files, layout, classNames.size());
        return new Dataset(
                layout.name(),
                new int[] {CifarLayout.CHANNELS, CifarLayout.SIDE, CifarLayout.SIDE},
                r.samples(),
                r.labels(),
                classNames.size(),
                classNames,
                sha);
    }

    private boolean hasFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        for (String name : layout.dataFiles()) {
            if (!Files.isRegularFile(directory.resolve(name))) {
                return false;
            }
        }
        return true;
    }

    private String describe(List<String[]> candidates) {
        if (candidates.isEmpty()) {
            return "no directory: none was given and $" + layout.environmentVariable() + " is not set";
        }
        List<String> parts = new ArrayList<>();
        for (String[] candidate : candidates) {
            parts.add(candidate[1] + " (" + candidate[0] + ")");
        }
        return String.join(", ", parts);
    }
}
