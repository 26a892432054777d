package io.fluentdl.internal.arbiter;

/** The seed of trial k's own random stream: a hash of (seed, k), so trial k's draw never depends on other trials. */
public final class RandomStreams {

    private RandomStreams() {
    }

    /** The stream seed of trial {@code k} under sampler seed {@code seed}. */
    public static long of(long seed, int k) {
        return mix64(seed ^ mix64(0x9E3779B97F4A7C15L * (k + 1L)));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser, as in SplittableRandom. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
