package io.fluentdl.search;

/** The arithmetic behind {@link Hp}'s scales, in one place. */
final class Scales {

    private Scales() {
    }

    /** {@code 10^(log10 a + u (log10 b - log10 a))}: log-linear interpolation from a (u=0) to b (u=1). */
    static double log10Interp(double a, double b, double u) {
        double la = Math.log10(a);
        return Math.pow(10, la + u * (Math.log10(b) - la));
    }

    /** Inverse of {@link #log10Interp}: where x lies between a and b on a log scale. */
    static double log10Fraction(double a, double b, double x) {
        double la = Math.log10(a);
        return (Math.log10(x) - la) / (Math.log10(b) - la);
    }

    /** The index of u's share when [0, 1] is cut into n equal shares; u = 1 belongs to the last. */
    static int index(double u, int n) {
        return Math.min((int) Math.floor(u * n), n - 1);
    }

    static double clamp(double u) {
        return Math.max(0, Math.min(1, u));
    }
}
