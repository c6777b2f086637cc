package org.leakbench.defense.dp;

/** How a Rényi-DP guarantee of order α is converted to an (ε, δ) guarantee. */
public enum Conversion {
    /**
     * Balle, Barthe, Gaboardi, Hsu, Sato 2020, Theorem 21:
     * ε = rdp − (log δ + log α)/(α − 1) + log((α − 1)/α). Tighter; what Opacus reports.
     */
    IMPROVED {
        @Override
        public double epsilon(double rdp, double order, double delta) {
            return rdp - (Math.log(delta) + Math.log(order)) / (order - 1) + Math.log((order - 1) / order);
        }

        @Override
        public double logDelta(double rdp, double order, double epsilon) {
            return (order - 1) * (rdp - epsilon + Math.log1p(-1 / order)) - Math.log(order);
        }
    },
    /** Mironov 2017, Proposition 3: ε = rdp − log δ/(α − 1). What older papers and tutorials quote. */
    CLASSIC {
        @Override
        public double epsilon(double rdp, double order, double delta) {
            return rdp - Math.log(delta) / (order - 1);
        }

        @Override
        public double logDelta(double rdp, double order, double epsilon) {
            return (order - 1) * (rdp - epsilon);
        }
    };

    /** ε for an RDP value {@code rdp} at order {@code order} &gt; 1 and the given δ (unclamped, may be negative). */
    public abstract double epsilon(double rdp, double order, double delta);

    /** log δ for an RDP value at an order and a given ε: the conversion solved for δ (unclamped). */
    public abstract double logDelta(double rdp, double order, double epsilon);
}
