package org.leakbench.defense;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.update.Update;

/**
 * Several defenses applied in order (e.g. clip, noise, then top-k). Each stage gets its own random stream,
 * split from the caller's in stage order, so adding a stage at the end does not change the earlier ones.
 *
 * <p>Bytes sent: the smallest encoding any stage reports for the update it receives. This is exact for a
 * chain with at most one compressing stage; stacking compressors (top-k, then quantise) is reported as
 * the strongest one alone, an upper bound on the real size.
 */
public final class DefenseChain implements UpdateDefense {
    private final List<UpdateDefense> stages;

    public DefenseChain(List<UpdateDefense> stages) {
        if (stages == null || stages.stream().anyMatch(s -> s == null)) {
            throw new IllegalArgumentException("defense chain: stages must be a list without nulls, got " + stages);
        }
        this.stages = List.copyOf(stages);
    }

    public static DefenseChain of(UpdateDefense... stages) {
        return new DefenseChain(List.of(stages));
    }

    public List<UpdateDefense> stages() {
        return stages;
    }

    @Override
    public Update apply(Update update, SplittableRandom rng) {
        return applyMeasured(update, rng).update();
    }

    /** Applies every stage and reports bytes sent and the time spent. */
    public DefendedUpdate applyMeasured(Update update, SplittableRandom rng) {
        long start = System.nanoTime();
        long bytes = update.plainBytes();
        Update u = update;
        for (UpdateDefense stage : stages) {
            SplittableRandom stageRng = rng.split();
            bytes = Math.min(bytes, stage.bytesSent(u));
            u = stage.apply(u, stageRng);
        }
        return new DefendedUpdate(u, new DefenseCost(bytes, System.nanoTime() - start));
    }

    @Override
    public long bytesSent(Update input) {
        // Stages other than compressors keep the size, so the size seen by each stage equals the input's.
        long bytes = input.plainBytes();
        for (UpdateDefense stage : stages) {
            bytes = Math.min(bytes, stage.bytesSent(input));
        }
        return bytes;
    }

    @Override
    public DefenseChain forClient(int clientId) {
        List<UpdateDefense> own = new ArrayList<>(stages.size());
        for (UpdateDefense s : stages) {
            own.add(s.forClient(clientId));
        }
        return new DefenseChain(own);
    }

    @Override
    public String name() {
        if (stages.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        for (UpdateDefense s : stages) {
            b.append(b.length() == 0 ? "" : "+").append(s.name());
        }
        return b.toString();
    }
}
