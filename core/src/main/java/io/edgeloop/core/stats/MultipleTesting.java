package io.edgeloop.core.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * False-discovery-rate control over every hypothesis tested (e.g. every feature combination the
 * retrospective tried), as adjusted p-values (q-values in the sense of R's {@code p.adjust}).
 *
 * <p>Step-up adjustment, with p sorted ascending p(1) &lt;= ... &lt;= p(m):
 * <pre>
 *   adj(i) = min over j &gt;= i of min(1, c(m) * m / j * p(j))
 * </pre>
 * c(m) = 1 for Benjamini-Hochberg and c(m) = sum over k = 1..m of 1/k for Benjamini-Yekutieli.
 * Rejecting every hypothesis with adj &lt;= q is the BH (BY) step-up procedure at level q.
 */
public final class MultipleTesting {

    private MultipleTesting() {
    }

    /** Benjamini-Hochberg adjusted p-values, in the input order. */
    public static double[] benjaminiHochberg(double[] pValues) {
        return adjust(pValues, FdrMethod.BENJAMINI_HOCHBERG);
    }

    /** Benjamini-Yekutieli adjusted p-values, in the input order. */
    public static double[] benjaminiYekutieli(double[] pValues) {
        return adjust(pValues, FdrMethod.BENJAMINI_YEKUTIELI);
    }

    /** Adjusted p-values of the method, in the input order. */
    public static double[] adjust(double[] pValues, FdrMethod method) {
        int m = pValues.length;
        for (int i = 0; i < m; i++) {
            if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
                throw new IllegalArgumentException("p-value " + i + " must be in [0, 1], got " + pValues[i]);
            }
        }
        double c = 1;
        if (method == FdrMethod.BENJAMINI_YEKUTIELI) {
            c = 0;
            for (int k = 1; k <= m; k++) {
                c += 1.0 / k;
            }
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, Math.min(1, c * m / rank * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** Adjusts and rejects every hypothesis whose adjusted p-value is at most {@code q}. */
    public static FdrResult control(double[] pValues, double q, FdrMethod method) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("FDR level q must be in (0, 1), got " + q);
        }
        return new FdrResult(method, q, adjust(pValues, method));
    }
}
