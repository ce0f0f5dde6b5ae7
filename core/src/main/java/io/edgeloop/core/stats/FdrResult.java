package io.edgeloop.core.stats;

import java.util.stream.IntStream;

/** Adjusted p-values and rejections of one FDR procedure, indexed like the input p-values. */
public final class FdrResult {

    private final FdrMethod method;
    private final double q;
    private final double[] adjusted;

    FdrResult(FdrMethod method, double q, double[] adjusted) {
        this.method = method;
        this.q = q;
        this.adjusted = adjusted.clone();
    }

    public FdrMethod method() {
        return method;
    }

    /** The FDR level. */
    public double q() {
        return q;
    }

    public int size() {
        return adjusted.length;
    }

    /** Adjusted p-value (q-value) of hypothesis i. */
    public double adjusted(int i) {
        return adjusted[i];
    }

    /** True when hypothesis i is rejected (a discovery): adjusted p &lt;= q. */
    public boolean rejected(int i) {
        return adjusted[i] <= q;
    }

    public int rejectedCount() {
        return rejectedIndices().length;
    }

    /** Indices of the rejected hypotheses, ascending. */
    public int[] rejectedIndices() {
        return IntStream.range(0, adjusted.length).filter(this::rejected).toArray();
    }

    public double[] adjusted() {
        return adjusted.clone();
    }
}
