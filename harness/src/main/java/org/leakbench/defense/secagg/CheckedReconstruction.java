package org.leakbench.defense.secagg;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shamir reconstruction that checks the secret against public information (a commitment, a public key) and,
 * when the first t shares give a wrong secret, looks for t shares that give a right one by leaving out one or
 * two shares. The shares that disagree with the checked polynomial are reported so the server can name the
 * clients that sent them; without a valid t-subset the reconstruction fails rather than return a wrong secret.
 */
final class CheckedReconstruction {
    /** Largest number of t-subsets tried when two shares are left out. */
    private static final int PAIR_BUDGET = 5000;

    /** The secret and the x coordinates of the shares found not to lie on its polynomial. */
    record Result(byte[] secret, List<Integer> badShares) {}

    private CheckedReconstruction() {}

    /**
     * Reconstructs the secret from t of {@code shares} that {@code valid} accepts.
     *
     * @param shares shares with distinct x, at least t of them
     * @param valid  true for the right secret
     * @return the secret and the bad shares, or null if no t of the shares give a valid secret
     */
    static Result reconstruct(Shamir shamir, List<Shamir.Share> shares, int secretLength, Predicate<byte[]> valid) {
        int t = shamir.threshold();
        int k = shares.size();
        byte[] first = tryReconstruct(shamir, shares, secretLength);
        if (first != null && valid.test(first)) {
            return new Result(first, List.of());
        }
        for (int i = 0; i <= t && i < k; i++) {
            Result r = attempt(shamir, shares, secretLength, valid, i, -1);
            if (r != null) {
                return r;
            }
        }
        if ((long) (t + 2) * (t + 1) / 2 <= PAIR_BUDGET) {
            for (int i = 0; i <= t + 1 && i < k; i++) {
                for (int j = i + 1; j <= t + 1 && j < k; j++) {
                    Result r = attempt(shamir, shares, secretLength, valid, i, j);
                    if (r != null) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    private static Result attempt(
            Shamir shamir, List<Shamir.Share> shares, int secretLength, Predicate<byte[]> valid, int skipA, int skipB) {
        List<Shamir.Share> used = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            if (i != skipA && i != skipB) {
                used.add(shares.get(i));
            }
        }
        if (used.size() < shamir.threshold()) {
            return null;
        }
        byte[] secret = tryReconstruct(shamir, used, secretLength);
        if (secret == null || !valid.test(secret)) {
            return null;
        }
        List<Shamir.Share> basis = used.subList(0, shamir.threshold());
        List<Integer> bad = new ArrayList<>();
        for (Shamir.Share s : shares) {
            if (!basis.contains(s) && !shamir.valueAt(basis, s.x()).equals(s.y())) {
                bad.add(s.x());
            }
        }
        return new Result(secret, List.copyOf(bad));
    }

    /** Null when the shares interpolate to a value too long for the secret (so some share is wrong). */
    private static byte[] tryReconstruct(Shamir shamir, List<Shamir.Share> shares, int secretLength) {
        try {
            return shamir.reconstruct(shares, secretLength);
        } catch (SecAggException e) {
            return null;
        }
    }
}
