package org.leakbench.results;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The metric columns of {@code results.csv}, in the order they are written, each with a label, a unit, what it
 * measures and which direction is better for the defender. A leakage metric whose better direction is
 * {@link Better#LOWER} reads "higher is more leakage" (PSNR, AUC, epsilon); {@link #MSE} is the one leakage
 * metric where higher means less leakage. {@link Kind#UTILITY} metrics measure the trained model, accuracy higher
 * is better, {@link #TEST_LOSS} and {@link #PERPLEXITY} lower; {@link Kind#COST} metrics are what a point spent.
 */
public enum Metric {
    PSNR("psnr", "PSNR of reconstruction", "dB", Kind.LEAKAGE, Better.LOWER),
    SSIM("ssim", "SSIM of reconstruction", "", Kind.LEAKAGE, Better.LOWER),
    MSE("mse", "MSE of reconstruction", "", Kind.LEAKAGE, Better.HIGHER),
    LABEL_ACC("label_acc", "label accuracy of attack", "", Kind.LEAKAGE, Better.LOWER),
    RECOVERED_FRAC("recovered_frac", "fraction of batch recovered", "", Kind.LEAKAGE, Better.LOWER),
    MIA_AUC("mia_auc", "membership-inference AUC", "", Kind.LEAKAGE, Better.LOWER),
    MIA_TPR_1PCT_FPR("mia_tpr_1pct_fpr", "MIA TPR at 1% FPR", "", Kind.LEAKAGE, Better.LOWER),
    MIA_TPR_01PCT_FPR("mia_tpr_01pct_fpr", "MIA TPR at 0.1% FPR", "", Kind.LEAKAGE, Better.LOWER),
    PI_AUC("pi_auc", "property-inference AUC", "", Kind.LEAKAGE, Better.LOWER),
    EPSILON("epsilon", "privacy budget epsilon", "", Kind.LEAKAGE, Better.LOWER),
    DELTA("delta", "privacy parameter delta", "", Kind.LEAKAGE, Better.LOWER),
    ACCURACY("accuracy", "test accuracy", "", Kind.UTILITY, Better.HIGHER),
    /** 1 when {@link #EPSILON} is only the Poisson approximation of shuffled or fixed-size sampling, else 0. */
    EPSILON_APPROX(
            "epsilon_approx", "epsilon only Poisson-approximate (1) or exact (0)", "", Kind.LEAKAGE, Better.LOWER),
    TIME_MS("time_ms", "time per point", "ms", Kind.COST, Better.LOWER),
    ATTACK_MS("attack_ms", "attack time", "ms", Kind.COST, Better.LOWER),
    DEFENSE_MS("defense_ms", "defense time per update", "ms", Kind.COST, Better.LOWER),
    BYTES_UP("bytes_up", "upload per client and round", "bytes", Kind.COST, Better.LOWER),
    BYTES_DOWN("bytes_down", "download per client", "bytes", Kind.COST, Better.LOWER),
    PEAK_HEAP_MB("peak_heap_mb", "peak heap", "MB", Kind.COST, Better.LOWER),
    OFFHEAP_MB("offheap_mb", "off-heap memory", "MB", Kind.COST, Better.LOWER),
    PARAMS("params", "model parameters", "count", Kind.COST, Better.LOWER),
    // Over a point's victims (psnr, ssim, ... above are their means); per-victim values are in victims.csv.
    N_VICTIMS("n_victims", "victims attacked per point", "count", Kind.COST, Better.HIGHER),
    PSNR_MEDIAN("psnr_median", "median PSNR over victims", "dB", Kind.LEAKAGE, Better.LOWER),
    PSNR_CI_LOW("psnr_ci_low", "PSNR 95% CI lower end", "dB", Kind.LEAKAGE, Better.LOWER),
    PSNR_CI_HIGH("psnr_ci_high", "PSNR 95% CI upper end", "dB", Kind.LEAKAGE, Better.LOWER),
    SSIM_MEDIAN("ssim_median", "median SSIM over victims", "", Kind.LEAKAGE, Better.LOWER),
    SSIM_CI_LOW("ssim_ci_low", "SSIM 95% CI lower end", "", Kind.LEAKAGE, Better.LOWER),
    SSIM_CI_HIGH("ssim_ci_high", "SSIM 95% CI upper end", "", Kind.LEAKAGE, Better.LOWER),
    PSNR_SUCCESS("psnr_success", "share of victims above the PSNR threshold", "", Kind.LEAKAGE, Better.LOWER),
    SSIM_SUCCESS("ssim_success", "share of victims above the SSIM threshold", "", Kind.LEAKAGE, Better.LOWER),
    LABEL_EXACT("label_exact", "share of victims with every label recovered", "", Kind.LEAKAGE, Better.LOWER),
    // Text reconstructions (token windows), where psnr, ssim and mse stay empty.
    /** Share of tokens recovered at their position, after matching the batch's samples (Hungarian). */
    TOKEN_ACC("token_acc", "share of tokens recovered", "", Kind.LEAKAGE, Better.LOWER),
    /** Unigram F1 of the recovered tokens against the true ones, ROUGE-1-like, as LAMP and TAG report it. */
    TOKEN_F1("token_f1", "unigram F1 of recovered tokens", "", Kind.LEAKAGE, Better.LOWER),
    // Utility as a loss, from the same final evaluation as accuracy.
    /** Mean cross-entropy of the test labels under the trained model, in nats. */
    TEST_LOSS("test_loss", "test cross-entropy", "nats", Kind.UTILITY, Better.LOWER),
    /** exp of {@link #TEST_LOSS}, on token data sets only: a language model's held-out perplexity. */
    PERPLEXITY("perplexity", "test perplexity", "", Kind.UTILITY, Better.LOWER),
    // Privacy audits (dp-audit rows), next to the accountant's epsilon of the audited setting.
    /** ε̂: an attack's lower bound on the ε the mechanism spends, holding with {@link #EPSILON_AUDIT_CONFIDENCE}. */
    EPSILON_AUDIT("epsilon_audit", "audited epsilon (lower bound)", "", Kind.LEAKAGE, Better.LOWER),
    /** The confidence 1 − α with which {@link #EPSILON_AUDIT} is a lower bound. */
    EPSILON_AUDIT_CONFIDENCE(
            "epsilon_audit_confidence", "confidence of the audited epsilon", "", Kind.LEAKAGE, Better.HIGHER),
    // Distributed DP (ddp-secagg): what the integer encoding costs.
    /** Bits a client sends per element of its update: the modulus bits times the padding's overhead. */
    BITS_PER_COORD("bits_per_coord", "bits sent per update element", "bits", Kind.COST, Better.LOWER),
    /** One client's encoding time: clip, rotation, rounding and noise, before secure aggregation. */
    ENCODE_MS("encode_ms", "client encoding time per update", "ms", Kind.COST, Better.LOWER),
    // More text reconstruction scores, each after its own best matching of the batch's windows.
    /** ROUGE-1 F-measure on token ids: the same number as {@link #TOKEN_F1}, under the name text papers use. */
    ROUGE_1("rouge1", "ROUGE-1 F of recovered tokens", "", Kind.LEAKAGE, Better.LOWER),
    /** ROUGE-2 F-measure on token ids: bigrams, so it also rewards the order of the tokens. */
    ROUGE_2("rouge2", "ROUGE-2 F of recovered tokens", "", Kind.LEAKAGE, Better.LOWER),
    /** Share of the batch's windows recovered token for token (exact recovery, as DAGER reports it). */
    TOKEN_EXACT("token_exact", "share of sequences recovered exactly", "", Kind.LEAKAGE, Better.LOWER),
    // Bootstrap intervals of the membership metrics: the candidates resampled, 95% percentile intervals.
    MIA_AUC_CI_LOW("mia_auc_ci_low", "MIA AUC 95% CI lower end", "", Kind.LEAKAGE, Better.LOWER),
    MIA_AUC_CI_HIGH("mia_auc_ci_high", "MIA AUC 95% CI upper end", "", Kind.LEAKAGE, Better.LOWER),
    MIA_TPR_1PCT_CI_LOW("mia_tpr_1pct_ci_low", "MIA TPR at 1% FPR, CI lower end", "", Kind.LEAKAGE, Better.LOWER),
    MIA_TPR_1PCT_CI_HIGH("mia_tpr_1pct_ci_high", "MIA TPR at 1% FPR, CI upper end", "", Kind.LEAKAGE, Better.LOWER),
    MIA_TPR_01PCT_CI_LOW("mia_tpr_01pct_ci_low", "MIA TPR at 0.1% FPR, CI lower end", "", Kind.LEAKAGE, Better.LOWER),
    MIA_TPR_01PCT_CI_HIGH("mia_tpr_01pct_ci_high", "MIA TPR at 0.1% FPR, CI upper end", "", Kind.LEAKAGE, Better.LOWER),
    // How a DP row's clipping norm compares with the norms it clipped (per example for dp-sgd, per client update
    // for dp-fedavg), over the federated training. Diagnostics without a better direction, filed under cost.
    /** Median of the unclipped norms the training's clipping saw. */
    NORM_MEDIAN("norm_median", "median unclipped norm", "L2 norm", Kind.COST, Better.LOWER),
    /** 90th percentile of the unclipped norms the training's clipping saw. */
    NORM_P90("norm_p90", "90th percentile of unclipped norms", "L2 norm", Kind.COST, Better.LOWER),
    /** The clipping norm after the last round: C itself, or where adaptive clipping ended. */
    CLIP_FINAL("clip_final", "clipping norm after training", "L2 norm", Kind.COST, Better.LOWER),
    /** The median over the rounds of the clipping norm each used. */
    CLIP_MEDIAN("clip_median", "median clipping norm over rounds", "L2 norm", Kind.COST, Better.LOWER),
    // Malicious servers at large batch.
    /**
     * What the Robbing-the-Fed imprint is expected to recover, (1 − 1/bins)^(batch − 1) (Fowl et al., ICLR 2022),
     * next to {@link #RECOVERED_FRAC} as a check of the measurement; empty for other attacks.
     */
    RECOVERED_EXPECTED(
            "recovered_expected", "expected fraction recovered (imprint formula)", "", Kind.LEAKAGE, Better.LOWER);

    /** What a metric measures. */
    public enum Kind {
        LEAKAGE,
        UTILITY,
        COST
    }

    /** Which direction of a metric is the better one (for the defender). */
    public enum Better {
        LOWER,
        HIGHER
    }

    private static final List<String> COLUMNS =
            Arrays.stream(values()).map(Metric::column).toList();

    private final String column;
    private final String name;
    private final String unit;
    private final Kind kind;
    private final Better better;

    Metric(String column, String name, String unit, Kind kind, Better better) {
        this.column = column;
        this.name = name;
        this.unit = unit;
        this.kind = kind;
        this.better = better;
    }

    /** The column name in {@code results.csv}. */
    public String column() {
        return column;
    }

    /** The unit ("dB", "ms", "bytes", "MB", "count"), or the empty string for a ratio or a score. */
    public String unit() {
        return unit;
    }

    /** An axis label, with the unit in parentheses where there is one. */
    public String label() {
        return unit.isEmpty() ? name : name + " (" + unit + ")";
    }

    public Kind kind() {
        return kind;
    }

    public Better better() {
        return better;
    }

    /** Whether a larger value means the attacker learnt more (a leakage metric that is better lower). */
    public boolean higherIsMoreLeakage() {
        return kind == Kind.LEAKAGE && better == Better.LOWER;
    }

    /** The metric stored in {@code column}, if it is a known metric column. */
    public static Optional<Metric> byColumn(String column) {
        return Arrays.stream(values()).filter(m -> m.column.equals(column)).findFirst();
    }

    /** Every metric column, in the order {@code results.csv} holds them. */
    public static List<String> columns() {
        return COLUMNS;
    }

    @Override
    public String toString() {
        return column;
    }
}
