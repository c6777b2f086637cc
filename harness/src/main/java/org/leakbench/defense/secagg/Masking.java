package org.leakbench.defense.secagg;

import java.util.Map;

/**
 * The client's masking step of round 2 (Bonawitz et al., CCS 2017):
 * y_u = x_u + PRG(b_u) + sum over peers v of sign(u, v) * PRG(s_uv) mod 2^b, where s_uv comes from the X25519
 * agreement of the mask keys through HKDF, and sign(u, v) = +1 if u > v, -1 if u < v.
 */
public final class Masking {
    private Masking() {}

    /**
     * Client u's masked input y_u.
     *
     * @param input          x_u (not modified)
     * @param self           u
     * @param selfMaskSeed   b_u, 16 bytes
     * @param maskScalar     u's mask private key, the raw 32-byte X25519 scalar
     * @param peerMaskKeys   encoded mask public keys of the peers u masks with (excluding u), by id
     * @return the masked vector, every element in [0, 2^b)
     */
    public static int[] maskInput(
            int[] input,
            int self,
            byte[] selfMaskSeed,
            byte[] maskScalar,
            Map<Integer, byte[]> peerMaskKeys,
            SessionParams params,
            MaskPrg prg) {
        int[] y = input.clone();
        prg.addMask(selfMaskSeed, y, 1);
        X25519.Agreement agreement = X25519.agreement(maskScalar);
        for (Map.Entry<Integer, byte[]> peer : peerMaskKeys.entrySet()) {
            int v = peer.getKey();
            if (v == self) {
                throw new IllegalArgumentException("client " + self + " cannot mask with itself");
            }
            byte[] shared = agreement.agree(peer.getValue());
            prg.addMask(MaskPrg.pairwiseSeed(shared, params.session()), y, self > v ? 1 : -1);
        }
        int mask = params.modulusMask();
        for (int i = 0; i < y.length; i++) {
            y[i] &= mask;
        }
        return y;
    }
}
