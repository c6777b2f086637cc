package org.leakbench.attack.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.ComponentRegistry;
import org.leakbench.component.ParameterView;
import org.leakbench.data.DataDirectory;
import org.leakbench.data.Dataset;
import org.leakbench.data.DatasetComponent;

/**
 * The bigram prior of a point's text data set, fitted on its training part (the victims come from the test
 * part): public text of the victim's language, as LAMP's attacker has GPT-2. Fitted once per data set and
 * tokenizer setting (the data set's load key) and shared by every point that reads them.
 */
final class CorpusPriors {
    private static final Map<String, BigramPrior> CACHE = new ConcurrentHashMap<>();

    private CorpusPriors() {}

    static BigramPrior of(ParameterView point) {
        String name = point.string("dataset");
        DatasetComponent dataset =
                ComponentRegistry.installed().get(ComponentKind.DATASET, name, DatasetComponent.class);
        return CACHE.computeIfAbsent(dataset.loadKey(point), key -> {
            Dataset train = dataset.load(DataDirectory.get(), point).train();
            return BigramPrior.fit(train.numClasses(), train.samples(), train.labels());
        });
    }
}
