package org.leakbench.attack.audit;

import static org.leakbench.component.Range.atLeast;
import static org.leakbench.component.Tier.CHEAP;

import java.util.List;
import org.leakbench.component.Capability;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Range;
import org.leakbench.tensor.Backend;

/**
 * {@code dp-audit}: audits the point's DP defense with canaries and reports the empirical ε̂ with its confidence
 * next to the accountant's ε for the audited setting (the defense's σ and C, {@code audit.rate} and
 * {@code audit.steps}). Gradient canaries audit dp-sgd, dp-fedavg and local-dp white-box; input canaries audit
 * dp-sgd black-box. A point of this attack runs no inversion and no federated training.
 */
public final class DpAuditComponent extends Component {
    public static final ParameterSpec METHOD = ParameterSpec.ofEnum(
            "audit.method",
            CHEAP,
            List.of("many-run", "one-run"),
            "many-run",
            "many-run (Clopper-Pearson over independent trials) or one-run (Steinke et al. 2023)");
    public static final ParameterSpec CANARY = ParameterSpec.ofEnum(
            "audit.canary",
            CHEAP,
            List.of("gradient", "input"),
            "gradient",
            "gradient: Dirac gradient canaries, white-box; input: mislabelled examples, black-box (dp-sgd only)");
    public static final ParameterSpec RUNS = ParameterSpec.ofInt(
                    "audit.runs", CHEAP, atLeast(1), 10, "runs of the mechanism in a many-run audit")
            .withUnit("runs");
    public static final ParameterSpec CANARIES = ParameterSpec.ofInt(
                    "audit.canaries", CHEAP, atLeast(1), 500, "canaries per run (input canaries: 1 in many-run)")
            .withUnit("canaries");
    public static final ParameterSpec CONFIDENCE = ParameterSpec.ofDouble(
                    "audit.confidence",
                    CHEAP,
                    new Range(0, false, 1, false),
                    0.95,
                    "confidence with which epsilon_audit is a lower bound")
            .withUnit("probability");
    public static final ParameterSpec STEPS = ParameterSpec.ofInt(
                    "audit.steps", CHEAP, atLeast(1), 100, "noisy releases the auditor sees (steps or rounds)")
            .withUnit("steps");
    public static final ParameterSpec RATE = ParameterSpec.ofDouble(
                    "audit.rate",
                    CHEAP,
                    new Range(0, false, 1, true),
                    0.1,
                    "Poisson sampling rate per release (examples or clients; local-dp ignores it)")
            .withUnit("probability");

    /** The mechanisms a defense's DP guarantee is audited with. */
    public enum Level {
        EXAMPLE,
        CLIENT,
        LOCAL
    }

    public DpAuditComponent() {
        super(Descriptor.of(
                        ComponentKind.ATTACK,
                        "dp-audit",
                        "privacy audit: an empirical lower bound on the DP defense's epsilon from canaries, "
                                + "next to the accountant's")
                .cites("Jagielski, Ullman, Oprea, Auditing Differentially Private Machine Learning, NeurIPS 2020")
                .cites("Nasr, Hayes, Steinke, Balle, Tramer, Jagielski, Carlini, Terzis, Tight Auditing of "
                        + "Differentially Private Machine Learning, USENIX Security 2023")
                .cites("Steinke, Nasr, Jagielski, Privacy Auditing with One (1) Training Run, NeurIPS 2023")
                .parameters(METHOD, CANARY, RUNS, CANARIES, CONFIDENCE, STEPS, RATE)
                .does(Capability.AUDITS_DP)
                .build());
    }

    /** What a point asks the audit to do. */
    public record Plan(
            AuditMethod method,
            boolean inputCanaries,
            int runs,
            int canaries,
            double confidence,
            int steps,
            double rate) {}

    /** The plan of the point {@code point}. */
    public Plan plan(ParameterView point) {
        ParameterView p = view(point);
        return new Plan(
                AuditMethod.parse(p.string("audit.method")),
                "input".equals(p.string("audit.canary")),
                p.intValue("audit.runs"),
                p.intValue("audit.canaries"),
                p.doubleValue("audit.confidence"),
                p.intValue("audit.steps"),
                p.doubleValue("audit.rate"));
    }

    /** The canaries of {@code plan} against a defense of DP {@code level} with noise multiplier σ and clip C. */
    public static CanaryMechanism mechanism(Plan plan, Level level, double sigma, double clip, Backend backend) {
        AuditSetting setting = new AuditSetting(sigma, clip, level == Level.LOCAL ? 1 : plan.rate(), plan.steps());
        if (plan.inputCanaries() && level != Level.EXAMPLE) {
            throw new IllegalArgumentException("audit.canary input: mislabelled examples audit example-level DP "
                    + "(dp-sgd) only; use audit.canary gradient for "
                    + level.name().toLowerCase(java.util.Locale.ROOT)
                    + "-level DP");
        }
        return switch (level) {
            case EXAMPLE ->
                plan.inputCanaries()
                        ? new MislabelledCanaries(setting, backend)
                        : new DiracCanaries(DiracCanaries.Target.DP_SGD, setting, 1);
            case CLIENT -> new DiracCanaries(DiracCanaries.Target.CLIENT_DP, setting, 1);
            case LOCAL -> new LocalDpCanaries(setting, 1);
        };
    }
}
