package org.leakbench.cli;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.leakbench.attack.audit.AuditMethod;
import org.leakbench.attack.audit.AuditOutcome;
import org.leakbench.attack.audit.CanaryAudit;
import org.leakbench.attack.audit.DpAuditComponent;
import org.leakbench.tensor.Backends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code leakbench dp-audit}: audits a DP mechanism with canaries and prints the empirical ε̂ with its confidence
 * next to the accountant's ε. Exits 1 when ε̂ exceeds ε (the mechanism or its accounting is broken), so a training
 * pipeline can run it as a check.
 */
@Command(
        name = "dp-audit",
        mixinStandardHelpOptions = true,
        description = {
            "Audit a DP mechanism with canaries: an empirical lower bound on epsilon (with its confidence) next to "
                    + "the accountant's epsilon.",
            "Exit code: 0 the audit is consistent with the accountant, 1 epsilon_audit > epsilon (a broken "
                    + "mechanism or accounting), 2 bad input."
        })
final class DpAuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--mechanism",
            defaultValue = "dp-sgd",
            description =
                    "dp-sgd (example level), dp-fedavg (client level, central) or local-dp. Default: ${DEFAULT-VALUE}.")
    String mechanism;

    @Option(
            names = "--canary",
            defaultValue = "gradient",
            description = "gradient (Dirac gradients, white-box) or input (mislabelled examples in a logistic "
                    + "regression, black-box; dp-sgd only). Default: ${DEFAULT-VALUE}.")
    String canary;

    @Option(
            names = "--method",
            defaultValue = "many-run",
            description = "many-run (Clopper-Pearson over independent trials) or one-run (Steinke et al. 2023). "
                    + "Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--sigma", required = true, description = "Noise multiplier sigma, > 0.")
    double sigma;

    @Option(names = "--clip", defaultValue = "1", description = "Clipping norm C. Default: ${DEFAULT-VALUE}.")
    double clip;

    @Option(
            names = "--sample-rate",
            defaultValue = "0.1",
            description = "Poisson rate q of examples (or clients) per step; local-dp needs 1. Default: "
                    + "${DEFAULT-VALUE}.")
    double sampleRate;

    @Option(names = "--steps", defaultValue = "100", description = "Noisy releases. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(
            names = "--runs",
            description = "Runs of a many-run audit (default 10 with gradient canaries, 200 with input canaries).")
    Integer runs;

    @Option(
            names = "--canaries",
            description = "Canaries per run (default 500; 1 for a many-run audit with input canaries).")
    Integer canaries;

    @Option(
            names = "--confidence",
            defaultValue = "0.95",
            description = "Confidence of the lower bound. Default: ${DEFAULT-VALUE}.")
    double confidence;

    @Option(names = "--delta", defaultValue = "1e-5", description = "delta. Default: ${DEFAULT-VALUE}.")
    double delta;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the audit. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        AuditOutcome[] outcome = new AuditOutcome[1];
        int code = DpCommandSupport.report(spec, () -> {
            outcome[0] = audit();
            AuditOutcome o = outcome[0];
            return String.format(
                    Locale.ROOT,
                    "epsilon_audit = %.4g (lower bound, confidence %s) vs accountant epsilon = %.4g at delta = %s%s%n"
                            + "  %s%n  %s",
                    o.bound().epsilon(),
                    o.bound().confidence(),
                    o.accountantEpsilon(),
                    delta,
                    o.violates() ? "  VIOLATION: the mechanism spends more than its accountant says" : "",
                    o.mechanism(),
                    o.bound().detail());
        });
        return code == 0 && outcome[0].violates() ? 1 : code;
    }

    private AuditOutcome audit() {
        AuditMethod m = AuditMethod.parse(method);
        boolean input = switch (canary) {
            case "gradient" -> false;
            case "input" -> true;
            default -> throw new IllegalArgumentException("--canary must be gradient or input, got '" + canary + "'");
        };
        DpAuditComponent.Level level = switch (mechanism) {
            case "dp-sgd" -> DpAuditComponent.Level.EXAMPLE;
            case "dp-fedavg" -> DpAuditComponent.Level.CLIENT;
            case "local-dp" -> DpAuditComponent.Level.LOCAL;
            default ->
                throw new IllegalArgumentException(
                        "--mechanism must be dp-sgd, dp-fedavg or local-dp, got '" + mechanism + "'");
        };
        if (level == DpAuditComponent.Level.LOCAL && sampleRate != 1) {
            throw new IllegalArgumentException(
                    "local-dp is not amplified by sampling: --sample-rate must be 1, got " + sampleRate);
        }
        int r = runs != null ? runs : input ? 200 : 10;
        int c = canaries != null ? canaries : input && m == AuditMethod.MANY_RUN ? 1 : 500;
        DpAuditComponent.Plan plan = new DpAuditComponent.Plan(m, input, r, c, confidence, steps, sampleRate);
        return CanaryAudit.run(
                DpAuditComponent.mechanism(plan, level, sigma, clip, Backends.defaultBackend()),
                m,
                r,
                c,
                confidence,
                delta,
                new SplittableRandom(seed));
    }
}
