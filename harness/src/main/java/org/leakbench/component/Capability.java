package org.leakbench.component;

/**
 * What a component does that decides how the pipeline wires it, instead of tests on its name. A defense may
 * act in the client's update, inside the client's local training, or at the server; each DP defense names the
 * level of its guarantee so the accountant matching it is chosen.
 */
public enum Capability {
    /** Attack: reconstructs the victim's inputs from one observed update. */
    RECONSTRUCTS_INPUTS,
    /** Attack: tells members of a trained target's training set from non-members. */
    INFERS_MEMBERSHIP,
    /** Membership attack that trains its own shadow models, so it runs on its own target. */
    TRAINS_SHADOW_MODELS,
    /** Attack or defense that does nothing (a baseline row); defense {@code none}. */
    IDENTITY,
    /** Defense: transforms the update the client sends. */
    TRANSFORMS_UPDATE,
    /** Defense: clips per example and adds noise inside the client's local training (DP-SGD). */
    CLIPS_PER_EXAMPLE_IN_CLIENT,
    /** Defense: the server clips each update and noises the sum (central client-level DP, DP-FedAvg). */
    NOISES_AT_SERVER,
    /** Defense: the server learns only the sum of the clients' updates (secure aggregation). */
    AGGREGATES_SECURELY,
    /** Defense: example-level DP, accounted by the RDP of the sampled Gaussian over local steps. */
    EXAMPLE_LEVEL_DP,
    /** Defense: local DP of each client's whole update (no amplification by sampling). */
    LOCAL_DP,
    /** Defense: user-level DP of the aggregate, amplified by client sampling. */
    CLIENT_LEVEL_DP,
    /**
     * Defense: each client adds a share of integer noise to its encoded update and secure aggregation sums the
     * encodings; the server decodes a noisy sum (distributed DP, user-level).
     */
    DISTRIBUTED_DP,
    /** Model: its first layer is linear with a bias (what {@link Requirement#LINEAR_FIRST_LAYER} asks for). */
    LINEAR_FIRST_LAYER,
    /** Data set: its samples are images (what {@link Requirement#IMAGE_DATA} asks for). */
    IMAGE_SAMPLES,
    /** Data set: its samples are windows of token ids (what {@link Requirement#TOKEN_DATA} asks for). */
    TOKEN_SAMPLES,
    /** Attack: audits a DP defense with canaries, an empirical lower bound on its ε next to the accountant's. */
    AUDITS_DP,
    /**
     * Defense: changes how the client computes its update from its batch (transforms or mixes the batch, or
     * perturbs a layer's gradient using the batch), inside its local training.
     */
    TRANSFORMS_CLIENT_BATCH,
    /**
     * Defense: changes the victim model's architecture (PRECODE's bottleneck), so the pipeline builds every model
     * of the point with the defense's model option, for the attacked victim and the utility training alike.
     */
    EXTENDS_MODEL
}
