package org.leakbench.defense.secagg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShamirTest {
    private final SecureRandom random = new SecureRandom(new byte[] {1});

    @Test
    void primeIsPrimeAndAbove256Bits() {
        assertTrue(Shamir.PRIME.isProbablePrime(128));
        assertEquals(257, Shamir.PRIME.bitLength());
        // smallest prime above 2^256
        assertEquals(Shamir.PRIME, BigInteger.ONE.shiftLeft(256).nextProbablePrime());
    }

    @Test
    void anyTSharesReconstructAndTMinusOneFail() {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 0xff); // the largest 32-byte secret still fits the field
        int n = 9;
        int t = 5;
        Shamir shamir = new Shamir(t);
        int[] xs = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        List<Shamir.Share> all = List.of(shamir.split(secret, xs, random));
        Random pick = new Random(7); // test-only shuffling of share subsets
        for (int trial = 0; trial < 30; trial++) {
            List<Shamir.Share> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, pick);
            assertArrayEquals(secret, shamir.reconstruct(shuffled.subList(0, t), 32));
            List<Shamir.Share> tooFew = shuffled.subList(0, t - 1);
            assertThrows(SecAggException.class, () -> shamir.reconstruct(tooFew, 32));
        }
        assertEquals(n, all.size());
    }

    @Test
    void tMinusOneSharesWithALowerThresholdGiveAWrongSecret() {
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        Shamir.Share[] shares = new Shamir(4).split(secret, new int[] {3, 5, 8, 13, 21}, random);
        byte[] guess = new Shamir(3).reconstruct(List.of(shares[0], shares[1], shares[2]), 32);
        assertFalse(Arrays.equals(Arrays.copyOfRange(guess, 16, 32), secret));
    }

    @Test
    void duplicateSharesCountOnce() {
        Shamir shamir = new Shamir(3);
        Shamir.Share[] s = shamir.split(new byte[] {42}, new int[] {1, 2, 3}, random);
        assertThrows(SecAggException.class, () -> shamir.reconstruct(List.of(s[0], s[0], s[1]), 1));
        assertArrayEquals(new byte[] {42}, shamir.reconstruct(List.of(s[2], s[0], s[0], s[1]), 1));
    }

    @Test
    void encodingRoundTripsAndRejectsBadInput() {
        Shamir.Share s = new Shamir(2).split(new byte[] {1, 2, 3}, new int[] {4, 9}, random)[1];
        assertEquals(s, Shamir.Share.decode(9, s.encodeValue()));
        assertThrows(IllegalArgumentException.class, () -> Shamir.Share.decode(9, new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> new Shamir(2).split(new byte[33], new int[] {1, 2}, random));
        assertThrows(IllegalArgumentException.class, () -> new Shamir(3).split(new byte[1], new int[] {1, 2}, random));
    }

    /** The textbook formula, one inversion per coefficient: what the batch-inverted coefficients must equal. */
    private static BigInteger[] naiveLagrangeAtZero(List<Integer> xs) {
        BigInteger p = Shamir.PRIME;
        BigInteger[] lambda = new BigInteger[xs.size()];
        for (int i = 0; i < xs.size(); i++) {
            BigInteger num = BigInteger.ONE;
            BigInteger den = BigInteger.ONE;
            for (int j = 0; j < xs.size(); j++) {
                if (j != i) {
                    num = num.multiply(BigInteger.valueOf(xs.get(j))).mod(p);
                    den = den.multiply(BigInteger.valueOf((long) xs.get(j) - xs.get(i)))
                            .mod(p);
                }
            }
            lambda[i] = num.multiply(den.modInverse(p)).mod(p);
        }
        return lambda;
    }

    @Test
    void batchInvertedLagrangeCoefficientsEqualTheNaiveFormula() {
        Random pick = new Random(11);
        for (int t : new int[] {1, 2, 3, 21, 200}) {
            for (int trial = 0; trial < 3; trial++) {
                List<Integer> xs = new ArrayList<>();
                for (int x = 1; x <= 3 * t + 5; x++) {
                    xs.add(x);
                }
                Collections.shuffle(xs, pick); // holder sets in any order, as SecAgg+ neighbourhoods give them
                List<Integer> holders = xs.subList(0, t);
                assertArrayEquals(naiveLagrangeAtZero(holders), Shamir.lagrangeAtZero(holders), "t = " + t);
            }
        }
    }

    @Test
    void batchInverseInvertsEveryElement() {
        BigInteger[] values = {
            BigInteger.ONE,
            BigInteger.valueOf(-3).mod(Shamir.PRIME),
            Shamir.PRIME.subtract(BigInteger.ONE),
            BigInteger.TWO.pow(255).add(BigInteger.valueOf(12345)),
            BigInteger.valueOf(7)
        };
        BigInteger[] inverse = Shamir.batchInverse(values);
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i].modInverse(Shamir.PRIME), inverse[i], "element " + i);
        }
        assertEquals(0, Shamir.batchInverse(new BigInteger[0]).length);
    }

    @Test
    void reconstructionAndValueAtMatchNaiveInterpolationOnLargeHolderSets() {
        int t = 150;
        Shamir shamir = new Shamir(t);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        int[] xs = new int[2 * t];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 3 * i + 2;
        }
        List<Shamir.Share> shares = new ArrayList<>(List.of(shamir.split(secret, xs, random)));
        Collections.shuffle(shares, new Random(5));
        List<Shamir.Share> basis = shares.subList(0, t);
        BigInteger[] lambda =
                naiveLagrangeAtZero(basis.stream().map(Shamir.Share::x).toList());
        BigInteger naive = BigInteger.ZERO;
        for (int i = 0; i < t; i++) {
            naive = naive.add(lambda[i].multiply(basis.get(i).y()));
        }
        assertArrayEquals(Shamir.toFixed(naive.mod(Shamir.PRIME), 32), shamir.reconstruct(basis, 32));
        assertArrayEquals(secret, shamir.reconstruct(basis, 32));
        for (Shamir.Share other : shares.subList(t, t + 5)) {
            assertEquals(other.y(), shamir.valueAt(basis, other.x()), "share at x = " + other.x());
        }
    }
}
