package org.leakbench.attack.membership;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.tensor.Tensor;

/**
 * The shadow (reference) models of the online membership attacks, trained once per target and reused by every
 * attack and sweep point that scores it. Following Carlini et al. (IEEE S&amp;P 2022, Section IV-B) each model
 * is trained with the target's recipe on a random half of a pool made of the candidates (and, when the target
 * was trained on more rows than half the candidates, as many attacker population rows as make the halves the
 * target's size). Models come in complementary pairs: model 2j+1 is trained on exactly the rows model 2j left
 * out, so every even prefix of the pool puts each row IN for half of its models and OUT for the other half.
 * That lets an attack with 4 models and one with 16 share the first 4, and gives online LiRA its ≥ 2 IN and
 * ≥ 2 OUT models per example from 4 models on.
 *
 * <p>Models are trained lazily, on first request, and kept. Thread-safe.
 */
public final class ShadowPool {
    /** The rows shadow models train on: the candidates first, in order, then population rows. */
    record Pool(float[][] samples, int[] labels, int candidates) {}

    /** One trained shadow model and which pool rows it was trained on. */
    record Shadow(boolean[] in, List<Tensor> parameters) {}

    private final long seed;
    private final SplittableRandom pairs;
    private final List<Shadow> trained = new ArrayList<>();
    private int fingerprint;
    private String owner;

    /** An empty pool whose halves and shadow initialisations derive from {@code seed}. */
    public ShadowPool(long seed) {
        this.seed = seed;
        this.pairs = new SplittableRandom(seed);
    }

    public long seed() {
        return seed;
    }

    /** How many models have been trained so far. */
    public synchronized int size() {
        return trained.size();
    }

    /**
     * The pool for candidates ({@code samples}, {@code labels}): as many population rows are appended as bring
     * the pool to twice the target's training-set size, when the population has them.
     */
    static Pool pool(float[][] samples, int[] labels, MembershipTarget.AttackerKnowledge k) {
        int extra = Math.max(0, Math.min(k.population().length, 2 * k.trainingSetSize() - samples.length));
        float[][] x = Arrays.copyOf(samples, samples.length + extra);
        int[] y = Arrays.copyOf(labels, labels.length + extra);
        for (int i = 0; i < extra; i++) {
            x[samples.length + i] = k.population()[i];
            y[samples.length + i] = k.populationLabels()[i];
        }
        return new Pool(x, y, samples.length);
    }

    /**
     * The first {@code count} models (count even), training the missing ones.
     *
     * @throws IllegalStateException when the pool was started for other rows or another model: a shared pool
     *                               serves one target's candidates only
     */
    synchronized List<Shadow> models(
            MembershipTarget target, MembershipTarget.AttackerKnowledge k, Pool pool, int count) {
        if (count < 2 || count % 2 != 0) {
            throw new IllegalArgumentException("shadow pool: models come in complementary pairs, asked for " + count);
        }
        int print = 31 * Arrays.deepHashCode(pool.samples()) + Arrays.hashCode(pool.labels());
        String who = target.model().spec().label() + "/" + target.dtype() + "/" + k.recipe();
        if (owner == null) {
            owner = who;
            fingerprint = print;
        } else if (!owner.equals(who) || fingerprint != print) {
            throw new IllegalStateException("shadow pool: started for " + owner + " on other candidate rows, now asked "
                    + "for " + who + "; share a pool only between attacks on one target");
        }
        int n = pool.samples().length;
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        while (trained.size() < count) {
            SplittableRandom rng = pairs.split();
            int[] order = all.clone();
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int half = n / 2;
            int[] first = Arrays.copyOfRange(order, 0, half);
            int[] second = Arrays.copyOfRange(order, half, n);
            trained.add(train(target, k, pool, first, rng.split()));
            trained.add(train(target, k, pool, second, rng.split()));
        }
        return List.copyOf(trained.subList(0, count));
    }

    private static Shadow train(
            MembershipTarget target,
            MembershipTarget.AttackerKnowledge k,
            Pool pool,
            int[] rows,
            SplittableRandom rng) {
        boolean[] in = new boolean[pool.samples().length];
        for (int r : rows) {
            in[r] = true;
        }
        List<Tensor> params = k.recipe()
                .train(target.model(), target.backend(), target.dtype(), pool.samples(), pool.labels(), rows, rng);
        return new Shadow(in, params);
    }
}
