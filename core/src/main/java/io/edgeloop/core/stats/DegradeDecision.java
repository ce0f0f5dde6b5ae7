package io.edgeloop.core.stats;

/**
 * An auto-degrade decision with the evidence it rests on, for the changelog.
 *
 * @param degrade           whether to degrade the pattern
 * @param n                 outcomes seen
 * @param hits              hits among them
 * @param posteriorMean     posterior mean hit rate
 * @param probabilityBelow  posterior P(rate &lt; policy floor)
 * @param policy            the thresholds applied
 * @param reason            one line a human can read
 */
public record DegradeDecision(boolean degrade, long n, long hits, double posteriorMean, double probabilityBelow,
                              AutoDegrade policy, String reason) {
}
