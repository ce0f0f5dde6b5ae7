package io.edgeloop.admin.seed;

/** One seed per test JVM: reading and normalising the real files once is enough. */
public final class Seeds {

    private static RealSeed seed;

    private Seeds() {
    }

    /** 24 tickers of universe-daily, their last 260 daily bars. */
    public static synchronized RealSeed standard() {
        if (seed == null) {
            seed = RealSeed.build(24, 260);
        }
        return seed;
    }
}
