package io.edgeloop.core.stats;

/** False-discovery-rate procedures of {@link MultipleTesting}. */
public enum FdrMethod {
    /**
     * Benjamini and Hochberg (1995), "Controlling the false discovery rate", JRSS B 57: FDR &lt;= q
     * for independent or positively dependent tests. R: {@code p.adjust(p, "BH")}.
     */
    BENJAMINI_HOCHBERG,
    /**
     * Benjamini and Yekutieli (2001), "The control of the false discovery rate in multiple testing
     * under dependency", Ann. Stat. 29: FDR &lt;= q under any dependency, at the price of the factor
     * c(m) = 1 + 1/2 + ... + 1/m. R: {@code p.adjust(p, "BY")}.
     */
    BENJAMINI_YEKUTIELI
}
