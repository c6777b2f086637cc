package org.leakbench.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leakbench.attack.AttackContractFixture.Subject;
import org.leakbench.attack.AttackContractFixture.Victim;
import org.leakbench.model.Model;
import org.leakbench.pipeline.AttackFactory;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/**
 * What every reconstruction {@link Attack} must do, written once and run against each of them (the list in
 * {@link AttackContractFixture#subjects()} must name every attack the pipeline can build):
 * <ol>
 *   <li>the same seed gives a bit-identical result, another seed a different one exactly when the attack
 *       uses randomness;</li>
 *   <li>it never reads the private batch: the API hands it nothing but the observation, and poisoning the
 *       victim's data after the observation was taken changes nothing (the oracle is the one, declared
 *       exception); nor does it change the observation, which other attacks of the same point share;</li>
 *   <li>a cancelled or interrupted run stops promptly with status {@code cancelled}, and a run whose time
 *       budget ran out stops with status {@code timeout}; neither claims {@code ok};</li>
 *   <li>a NaN or infinity in the observed update gives {@code diverged} for every attack that reads the
 *       update, and no attack ever returns non-finite samples (or a non-finite objective) as {@code ok}.</li>
 * </ol>
 */
class AttackContractTest {
    /** Iterations that would take minutes: the stopping tests must end long before. */
    static final int ENDLESS = 1_000_000;
    /** Generous bound on "promptly" for a machine shared with other builds; a full endless run takes minutes. */
    static final long PROMPT_MS = 3_000;

    static Stream<Subject> attacks() {
        return AttackContractFixture.subjects().stream();
    }

    @Test
    void everyAttackThePipelineBuildsIsUnderContract() {
        Set<String> built = new TreeSet<>(AttackFactory.RECONSTRUCTION);
        built.remove("none");
        Set<String> tested = AttackContractFixture.subjects().stream()
                .map(s -> s.build(AttackContractFixture.victim(1), 1).name())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(built, tested);
    }

    // (1) Determinism per seed.

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void theSameSeedGivesABitIdenticalResult(Subject s) {
        TwoRuns r = twoRuns(s, 11, 11);
        assertEquals(AttackResult.OK, r.a().status(), s + ": " + r.a().status());
        assertSameResult(s, r.a(), r.b());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void anotherSeedChangesTheResultExactlyWhenTheAttackIsRandomised(Subject s) {
        TwoRuns r = twoRuns(s, 11, 12);
        if (s.randomised()) {
            assertFalse(Arrays.deepEquals(r.a().samples(), r.b().samples()), s + " ignored its seed");
        } else {
            assertSameResult(s, r.a(), r.b());
        }
    }

    // (2) Never reads the private batch.

    @Test
    void theApiHandsAnAttackNoPrivateData() {
        // Only these may reach an attack: the model, tensors of parameters and update, public counts, its
        // randomness, its stop signals. A new component (say, the batch "for convenience") must come past here.
        assertEquals(
                List.of(
                        Model.class,
                        List.class,
                        List.class,
                        Observation.Kind.class,
                        int.class,
                        int.class,
                        double.class,
                        // BatchNorm statistics: those the server sent, and those the client disclosed, if any
                        List.class,
                        List.class),
                types(Observation.class));
        assertEquals(
                List.of(SplittableRandom.class, BooleanSupplier.class, long.class, long.class),
                types(AttackContext.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void poisoningThePrivateBatchAfterTheRoundChangesNothing(Subject s) {
        assumeFalse(s.holdsTruth(), "the oracle is built with the truth on purpose: it is the metrics' ceiling");
        Victim v = AttackContractFixture.victim(5);
        Observation obs = s.observation(v);
        Attack attack = s.build(v);
        AttackResult before = attack.run(obs, AttackContext.seeded(3));
        for (float[] row : v.images()) {
            Arrays.fill(row, Float.NaN);
        }
        Arrays.fill(v.labels(), -1);
        for (float[] row : v.windows()) {
            Arrays.fill(row, Float.NaN);
        }
        Arrays.fill(v.nextTokens(), -1);
        AttackResult after = s.build(v).run(obs, AttackContext.seeded(3));
        assertSameResult(s, before, after);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void leavesTheObservationAsItFoundIt(Subject s) {
        Victim v = AttackContractFixture.victim(5);
        Observation obs = s.observation(v);
        List<double[]> params = values(obs.parameters());
        List<double[]> update = values(obs.update());
        s.build(v).run(obs, AttackContext.seeded(3));
        assertTrue(same(params, values(obs.parameters())), s + " changed the parameters");
        assertTrue(same(update, values(obs.update())), s + " changed the update");
    }

    // (3) Cancellation and time budget.

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void aCancelledRunStopsAtOnceAndSaysSo(Subject s) {
        AttackContext cancelled = new AttackContext(new SplittableRandom(1), () -> true);
        assertEquals(AttackResult.CANCELLED, runEndless(s, cancelled).status(), s.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void aRunCancelledHalfwayStopsPromptly(Subject s) {
        assumeTrue(s.iterative(), "a closed-form attack finishes before anyone could cancel it");
        AtomicInteger polls = new AtomicInteger();
        AttackContext ctx = new AttackContext(new SplittableRandom(1), () -> polls.incrementAndGet() > 5);
        AttackResult r = runEndless(s, ctx);
        assertEquals(AttackResult.CANCELLED, r.status(), s.toString());
        assertTrue(r.iterations() > 0 && r.iterations() < ENDLESS, s + " ran " + r.iterations() + " iterations");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void anInterruptedThreadStopsTheRun(Subject s) {
        Victim v = AttackContractFixture.victim(5);
        Observation obs = s.observation(v);
        Attack attack = s.build(v, ENDLESS);
        Thread.currentThread().interrupt();
        try {
            AttackResult r = timed(s, () -> attack.run(obs, AttackContext.seeded(1)));
            assertEquals(AttackResult.CANCELLED, r.status(), s.toString());
        } finally {
            Thread.interrupted();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void aSpentTimeBudgetEndsTheRunWithTimeout(Subject s) {
        AttackContext spent = AttackContext.seeded(1).withBudget(Duration.ZERO);
        assertEquals(AttackResult.TIMEOUT, runEndless(s, spent).status(), s.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void aShortTimeBudgetEndsAnEndlessRunWithTimeout(Subject s) {
        assumeTrue(s.iterative(), "a closed-form attack is covered by the spent budget");
        long budgetMs = 100;
        AttackContext ctx = AttackContext.seeded(1).withBudget(Duration.ofMillis(budgetMs));
        AttackResult r = runEndless(s, ctx);
        assertTrue(r.iterations() < ENDLESS, s + " ran " + r.iterations() + " iterations");
        // It may claim ok only when it converged inside its budget (iDLG on this tiny model can).
        if (!AttackResult.TIMEOUT.equals(r.status())) {
            assertEquals(AttackResult.OK, r.status(), s.toString());
            assertTrue(
                    r.millis() < budgetMs,
                    s + " claims ok after " + r.millis() + " ms of a " + budgetMs + " ms budget");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void aBudgetLongEnoughChangesNothing(Subject s) {
        Victim v = AttackContractFixture.victim(5);
        AttackResult free = s.build(v).run(s.observation(v), AttackContext.seeded(11));
        AttackResult budgeted =
                s.build(v).run(s.observation(v), AttackContext.seeded(11).withBudget(Duration.ofMinutes(10)));
        assertSameResult(s, free, budgeted);
    }

    // (4) Divergence.

    static Stream<Arguments> attacksAndPoisons() {
        return attacks()
                .flatMap(s -> Stream.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY)
                        .map(p -> Arguments.of(s, p)));
    }

    @ParameterizedTest(name = "{0} with {1} in the update")
    @MethodSource("attacksAndPoisons")
    void aNonFiniteUpdateIsReportedDiverged(Subject s, float poison) {
        Victim v = AttackContractFixture.victim(5);
        Observation obs = AttackContractFixture.withUpdate(s.observation(v), t -> poisonFirst(t, poison));
        AttackResult r = timed(s, () -> s.build(v).run(obs, AttackContext.seeded(1)));
        if (s.readsUpdate()) {
            assertEquals(AttackResult.DIVERGED, r.status(), s.toString());
        }
        assertNeverNonFiniteOk(s, r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void anUpdateThatOverflowsTheObjectiveIsNeverScoredAsOk(Subject s) {
        // Finite, but its squared norm overflows float32: the optimisers meet infinity on the first step.
        Victim v = AttackContractFixture.victim(5);
        Observation obs = AttackContractFixture.withUpdate(
                s.observation(v), t -> Arrays.stream(t).map(x -> x * 1e30).toArray());
        AttackResult r = timed(s, () -> s.build(v).run(obs, AttackContext.seeded(1)));
        assertNeverNonFiniteOk(s, r);
        if (s.iterative() && !AttackContractFixture.FLOAT64_OBJECTIVE.contains(s.label())) {
            assertEquals(AttackResult.DIVERGED, r.status(), s.toString());
        }
    }

    static double[] poisonFirst(double[] values, float poison) {
        double[] out = values.clone();
        out[0] = poison;
        return out;
    }

    static void assertNeverNonFiniteOk(Subject s, AttackResult r) {
        if (r.ok()) {
            assertTrue(r.finiteSamples(), s + " returned non-finite samples as ok");
            assertTrue(
                    r.iterations() == 0 || Double.isFinite(r.objective()),
                    s + " returned objective " + r.objective() + " as ok");
        }
    }

    static void assertSameResult(Subject s, AttackResult a, AttackResult b) {
        assertEquals(a.status(), b.status(), s.toString());
        assertEquals(a.iterations(), b.iterations(), s + " iterations");
        assertEquals(
                Double.doubleToLongBits(a.objective()),
                Double.doubleToLongBits(b.objective()),
                s + " objective " + a.objective() + " vs " + b.objective());
        assertTrue(Arrays.deepEquals(a.samples(), b.samples()), s + " samples differ");
        assertArrayEquals(a.labels(), b.labels(), s + " labels");
    }

    /** Two results of {@code s} on one victim. */
    record TwoRuns(AttackResult a, AttackResult b) {}

    /** Runs {@code s} twice on victim 5, seeded {@code seedA} and then {@code seedB}. */
    static TwoRuns twoRuns(Subject s, long seedA, long seedB) {
        Victim v = AttackContractFixture.victim(5);
        AttackResult a = s.build(v).run(s.observation(v), AttackContext.seeded(seedA));
        AttackResult b = s.build(v).run(s.observation(v), AttackContext.seeded(seedB));
        return new TwoRuns(a, b);
    }

    /** Runs {@code s} for endless iterations on victim 5 under {@code ctx}, which must stop it promptly. */
    static AttackResult runEndless(Subject s, AttackContext ctx) {
        Victim v = AttackContractFixture.victim(5);
        return timed(s, () -> s.build(v, ENDLESS).run(s.observation(v), ctx));
    }

    static AttackResult timed(Subject s, java.util.function.Supplier<AttackResult> run) {
        long t0 = System.nanoTime();
        AttackResult r = run.get();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < PROMPT_MS, s + " took " + ms + " ms to stop");
        return r;
    }

    static List<Class<?>> types(Class<? extends Record> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getType)
                .collect(Collectors.toList());
    }

    static List<double[]> values(List<Tensor> tensors) {
        List<double[]> out = new ArrayList<>();
        tensors.forEach(t -> out.add(t.toDoubleArray()));
        return out;
    }

    static boolean same(List<double[]> a, List<double[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aNegativeBudgetIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> AttackContext.seeded(1).withBudget(Duration.ofMillis(-1)));
        assertTrue(e.getMessage().contains("budget"), e.getMessage());
    }
}
