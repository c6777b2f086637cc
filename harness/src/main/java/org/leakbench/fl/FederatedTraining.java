package org.leakbench.fl;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.leakbench.defense.DefendedUpdate;
import org.leakbench.defense.DefenseChain;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.model.HeldOutScore;
import org.leakbench.model.Model;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.LocalResult;
import org.leakbench.update.LocalTraining;
import org.leakbench.update.ObservedRound;
import org.leakbench.update.Update;

/**
 * The server loop of federated learning: per round it samples clients, sends them the global model, lets
 * each compute its update and apply its defense (in parallel), aggregates, takes the server step and
 * measures test accuracy and loss, time and bytes.
 *
 * <p>A model with BatchNorm also carries its running statistics through the rounds, as PyTorch's FedAvg
 * implementations carry the {@code state_dict}'s buffers: the server sends them with the parameters, each client
 * updates them during its local training (momentum 0.1), and the server replaces them by the plain mean of the
 * participants' statistics, like the mean aggregation of the weights. They are sent in the clear, outside the
 * defense chain (secure aggregation would reveal their mean just the same; DP-SGD refuses BatchNorm). Evaluation
 * then normalises with them instead of each test chunk's batch statistics. When a client's local training does not
 * return statistics, none are carried and evaluation falls back to batch statistics.
 *
 * <p>Deterministic for a seed whatever the thread count: the seed is split into independent streams for
 * initialisation, client sampling and training; each round's training stream is split once per
 * participant in ascending id order before any work is submitted, and results are reduced in that order.
 */
public final class FederatedTraining {
    private static final int EVAL_CHUNK = 500;

    private final Model model;
    private final Backend backend;
    private final DType dtype;
    private final FlOptions options;
    private final FlData data;
    private final DefenseChain defense;
    private final Aggregator aggregator;
    private final int evaluateEvery;
    private final LocalTraining training;

    public FederatedTraining(
            Model model,
            Backend backend,
            DType dtype,
            FlOptions options,
            FlData data,
            UpdateDefense defense,
            Aggregator aggregator) {
        if (model == null || backend == null || dtype == null || options == null || data == null) {
            throw new IllegalArgumentException(
                    "federated training: model, backend, dtype, options and data must be given");
        }
        if (data.clients() != options.clients()) {
            throw new IllegalArgumentException("federated training: fl.clients=" + options.clients()
                    + " but the partition has " + data.clients() + " clients");
        }
        this.model = model;
        this.backend = backend;
        this.dtype = dtype;
        this.options = options;
        this.data = data;
        UpdateDefense d = defense == null ? UpdateDefense.none() : defense;
        this.defense = d instanceof DefenseChain c ? c : DefenseChain.of(d);
        this.aggregator = aggregator == null ? new MeanAggregator() : aggregator;
        this.evaluateEvery = 1;
        this.training = new SgdTraining();
    }

    private FederatedTraining(FederatedTraining base, int evaluateEvery, LocalTraining training) {
        this.model = base.model;
        this.backend = base.backend;
        this.dtype = base.dtype;
        this.options = base.options;
        this.data = base.data;
        this.defense = base.defense;
        this.aggregator = base.aggregator;
        this.evaluateEvery = evaluateEvery;
        this.training = training;
    }

    /**
     * The same training, measuring test accuracy only every {@code rounds} rounds and after the last one
     * (other rounds record NaN). Evaluating a LeNet on the test set costs more than a FedSGD round of a few
     * clients, so a sweep that needs only the final utility saves most of its time here.
     */
    public FederatedTraining evaluatingEvery(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("evaluation interval must be at least 1 round, got " + rounds);
        }
        return new FederatedTraining(this, rounds, training);
    }

    /**
     * The same training with every client computing its update by {@code training} (plain SGD by default;
     * DP-SGD comes from the defense layer); the defense chain still applies after.
     */
    public FederatedTraining withLocalTraining(LocalTraining training) {
        if (training == null) {
            throw new IllegalArgumentException("federated training: local training must be given");
        }
        return new FederatedTraining(this, evaluateEvery, training);
    }

    /** Plain mean aggregation. */
    public FederatedTraining(
            Model model, Backend backend, DType dtype, FlOptions options, FlData data, UpdateDefense defense) {
        this(model, backend, dtype, options, data, defense, new MeanAggregator());
    }

    public FlOptions options() {
        return options;
    }

    /** Trains from the model's own initialisation with an honest server. */
    public TrainingHistory run(long seed) {
        return run(seed, new HonestButCuriousServer(), r -> {});
    }

    /** Trains all rounds, letting {@code threat} choose what is sent and {@code listener} see every round. */
    public TrainingHistory run(long seed, ThreatModel threat, RoundListener listener) {
        return runRounds(seed, null, threat, listener, options.rounds() - 1);
    }

    /** Trains from the given initial parameters instead of the model's initialisation. */
    public TrainingHistory run(long seed, List<Tensor> initialParams, ThreatModel threat, RoundListener listener) {
        return runRounds(seed, initialParams, threat, listener, options.rounds() - 1);
    }

    /**
     * Trains up to and including {@code round} and returns what {@code threat}'s attacker observes of it for
     * {@code clientId} (the victim for a server, the curious client itself for {@link CuriousClient}).
     */
    public ObservedRound observe(long seed, int round, int clientId, ThreatModel threat) {
        if (round < 0 || round >= options.rounds()) {
            throw new IllegalArgumentException("observe: round must be in [0, " + options.rounds() + "), got " + round);
        }
        RoundRecord[] seen = new RoundRecord[1];
        runRounds(
                seed,
                null,
                threat,
                r -> {
                    if (r.round() == round) {
                        seen[0] = r;
                    }
                },
                round);
        return threat.observe(seen[0], clientId);
    }

    /** The clients sampled in {@code round} for {@code seed} (ascending), without training. */
    public int[] participants(long seed, int round) {
        SplittableRandom[] streams = streams(seed);
        int[] p = null;
        for (int r = 0; r <= round; r++) {
            p = ClientSampler.sample(options.clients(), options.clientsPerRound(), streams[1]);
        }
        return p;
    }

    /** Independent streams for initialisation, sampling and training, in a fixed order. */
    private static SplittableRandom[] streams(long seed) {
        SplittableRandom master = new SplittableRandom(seed);
        return new SplittableRandom[] {master.split(), master.split(), master.split()};
    }

    private TrainingHistory runRounds(
            long seed, List<Tensor> initial, ThreatModel threat, RoundListener listener, int lastRound) {
        SplittableRandom[] streams = streams(seed);
        List<Tensor> params =
                initial != null ? List.copyOf(initial) : model.initialParameters(backend, dtype, streams[0]);
        List<Tensor> buffers = model.initialBuffers(backend, dtype);
        DefenseChain[] clientDefense = new DefenseChain[options.clients()];
        Client[] clients = new Client[options.clients()];
        for (int c = 0; c < clients.length; c++) {
            clients[c] = new Client(data.client(c), backend, dtype, training);
            clientDefense[c] = defense.forClient(c);
        }
        int rounds = lastRound + 1;
        double[] acc = new double[rounds];
        double[] loss = new double[rounds];
        long[] nanos = new long[rounds];
        long[] up = new long[rounds];
        long[] down = new long[rounds];
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threadCount(), options.clientsPerRound()));
        try {
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                int[] participants = ClientSampler.sample(options.clients(), options.clientsPerRound(), streams[1]);
                SplittableRandom roundRng = streams[2].split();
                SentModel sent = threat.modelToSend(r, model, params);
                boolean tampered = sent.model() != model || !sameTensors(sent.params(), params);

                List<Future<ClientOutcome>> futures = new ArrayList<>(participants.length);
                for (int id : participants) {
                    SplittableRandom clientRng = roundRng.split();
                    Client client = clients[id];
                    DefenseChain d = clientDefense[id];
                    List<Tensor> sentBuffers = sent.model() == model ? buffers : List.of();
                    futures.add(pool.submit(() -> runClient(client, d, sent, sentBuffers, clientRng)));
                }
                List<Update> updates = new ArrayList<>(participants.length);
                int[] examples = new int[participants.length];
                long bytesUp = 0;
                List<List<Tensor>> clientBuffers = new ArrayList<>(participants.length);
                for (int i = 0; i < futures.size(); i++) {
                    ClientOutcome o = await(futures.get(i), participants[i], r);
                    clientBuffers.add(o.buffers());
                    updates.add(o.defended().update());
                    examples[i] = o.examples();
                    bytesUp += o.defended().cost().bytesSent();
                }
                Aggregate agg = aggregator.aggregate(updates, roundRng.split());
                List<Tensor> next = tampered ? params : serverStep(params, agg.mean());
                if (!tampered) {
                    buffers = meanBuffers(clientBuffers, buffers.size());
                }
                nanos[r] = System.nanoTime() - start;
                up[r] = agg.countsUploads() ? agg.bytesUp() : bytesUp + agg.bytesUp();
                down[r] = participants.length * 4L * sent.model().parameterCount() + agg.bytesDown();
                listener.onRound(new RoundRecord(
                        r,
                        options,
                        sent.model(),
                        sent.params(),
                        participants,
                        List.copyOf(updates),
                        examples,
                        agg,
                        aggregator.revealsIndividualUpdates(),
                        params,
                        next));
                params = next;
                boolean evaluate = (r + 1) % evaluateEvery == 0 || r == lastRound;
                HeldOutScore score = data.testSamples().length == 0 || !evaluate
                        ? new HeldOutScore(Double.NaN, Double.NaN)
                        : HeldOutScore.of(
                                model,
                                backend,
                                dtype,
                                params,
                                buffers,
                                data.testSamples(),
                                data.testLabels(),
                                EVAL_CHUNK);
                acc[r] = score.accuracy();
                loss[r] = score.meanLoss();
            }
        } finally {
            pool.shutdownNow();
        }
        return new TrainingHistory(acc, loss, nanos, up, down, params, buffers);
    }

    private record ClientOutcome(DefendedUpdate defended, int examples, List<Tensor> buffers) {}

    private ClientOutcome runClient(
            Client client, DefenseChain d, SentModel sent, List<Tensor> buffers, SplittableRandom rng) {
        SplittableRandom computeRng = rng.split();
        SplittableRandom defenseRng = rng.split();
        LocalResult local = client.computeUpdate(sent.model(), sent.params(), buffers, options, computeRng);
        DefendedUpdate defended = d.applyMeasured(local.update(), defenseRng);
        return new ClientOutcome(defended, local.examples(), local.buffers());
    }

    /**
     * The element-wise mean of the participants' running statistics (summed in double, in participant order), or
     * an empty list, carrying none from now on, when some participant returned none or the model has none.
     */
    private List<Tensor> meanBuffers(List<List<Tensor>> perClient, int expected) {
        if (expected == 0 || perClient.stream().anyMatch(b -> b.size() != expected)) {
            return List.of();
        }
        List<Tensor> out = new ArrayList<>(expected);
        for (int t = 0; t < expected; t++) {
            Tensor first = perClient.get(0).get(t);
            double[] acc = new double[first.size()];
            for (List<Tensor> b : perClient) {
                double[] v = b.get(t).toDoubleArray();
                for (int j = 0; j < acc.length; j++) {
                    acc[j] += v[j];
                }
            }
            for (int j = 0; j < acc.length; j++) {
                acc[j] /= perClient.size();
            }
            out.add(backend.fromArray(acc, dtype, first.shape()));
        }
        return out;
    }

    private static ClientOutcome await(Future<ClientOutcome> f, int clientId, int round) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while waiting for client " + clientId + " in round " + round, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("client " + clientId + " failed in round " + round + ": " + cause, cause);
        }
    }

    /** FedSGD: θ − serverLr·lr·mean gradient; FedAvg: θ − serverLr·mean update. */
    private List<Tensor> serverStep(List<Tensor> params, Update mean) {
        double step = options.algorithm() == Algorithm.FEDSGD ? options.serverLr() * options.lr() : options.serverLr();
        List<Tensor> m = mean.toTensors(backend, dtype);
        List<Tensor> out = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            out.add(backend.sub(params.get(i), backend.scale(m.get(i), step)));
        }
        return out;
    }

    private static boolean sameTensors(List<Tensor> a, List<Tensor> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
