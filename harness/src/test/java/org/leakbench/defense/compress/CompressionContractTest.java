package org.leakbench.defense.compress;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.UpdateDefenseContractTest;

/** The {@link UpdateDefense} contract run against every compression defense, with and without error feedback. */
class CompressionContractTest {
    @TestFactory
    Stream<DynamicContainer> everyCompressionKeepsTheContract() {
        return Stream.of(
                contract("pruning 0.5", () -> new GradientPruning(new PruningOptions(0.5)), false),
                contract("one-bit quantization", () -> new StochasticQuantization(new QuantizationOptions(1)), true),
                contract("4-bit quantization", () -> new StochasticQuantization(new QuantizationOptions(4)), true),
                contract("random-k 0.2", () -> new RandomKCompression(new SparsificationOptions(0.2, false)), true),
                contract(
                        "random-k 0.2 with error feedback",
                        () -> new RandomKCompression(new SparsificationOptions(0.2, true)),
                        true),
                contract("top-k 0.1", () -> new TopKCompression(new SparsificationOptions(0.1, false)), true),
                contract(
                        "top-k 0.1 with error feedback",
                        () -> new TopKCompression(new SparsificationOptions(0.1, true)),
                        true),
                contract("sign", () -> new SignCompression(new SignOptions(false)), true),
                contract("sign with error feedback", () -> new SignCompression(new SignOptions(true)), true));
    }

    private static DynamicContainer contract(String name, Supplier<UpdateDefense> defense, boolean compresses) {
        return dynamicContainer(name, UpdateDefenseContractTest.contract(defense, compresses));
    }
}
