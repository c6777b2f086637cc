package org.leakbench.defense.compress;

/**
 * The residual one client keeps for error feedback (Seide et al. 2014; Karimireddy et al. 2019; DGC, Lin
 * et al. 2018): what compression dropped is added to the next update, so nothing is lost, only delayed.
 * One instance per client; not thread-safe (a client compresses one update at a time).
 */
public final class ErrorFeedback {
    private float[] residual;

    /** The update plus the stored residual (a new array). */
    public float[] corrected(float[] update) {
        float[] out = update.clone();
        if (residual != null) {
            if (residual.length != update.length) {
                throw new IllegalArgumentException("error feedback: update has " + update.length
                        + " entries but the stored residual has " + residual.length);
            }
            for (int i = 0; i < out.length; i++) {
                out[i] += residual[i];
            }
        }
        return out;
    }

    /** Stores corrected − sent as the residual for the next round. */
    public void remember(float[] corrected, float[] sent) {
        float[] r = new float[corrected.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = corrected[i] - sent[i];
        }
        residual = r;
    }

    /** A copy of the residual, or an empty array before the first update. */
    public float[] residual() {
        return residual == null ? new float[0] : residual.clone();
    }
}
