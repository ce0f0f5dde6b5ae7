package io.edgeloop.core.retro;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Deterministic change ids: {@code retro-<as-of date>-<kind>-<subject>}, lower case, the
 * subject being a pattern id, {@code market} or {@code sector-<name>} (non-alphanumerics as
 * {@code _}). For example {@code retro-2020-03-31-degrade-bull_state_dominance} and
 * {@code retro-2020-03-31-regime_alert-sector-information_technology}. Ids do not depend on
 * the wall clock, so a replay proposes the same ids.
 */
public final class ProposalIds {

    private ProposalIds() {
    }

    /** The id of a proposal about a pattern (DEGRADE, PROMOTE, ADD_PATTERN). */
    public static String forPattern(LocalDate asOf, ProposalKind kind, String patternId) {
        return prefix(asOf, kind) + slug(patternId);
    }

    /**
     * The id of a seeding proposal about a pattern (PROMOTE, DEGRADE):
     * {@code seed-<as-of date>-<kind>-<pattern>}, apart from the weekly retrospective's ids.
     */
    public static String forSeed(LocalDate asOf, ProposalKind kind, String patternId) {
        return "seed-" + asOf + "-" + kind.name().toLowerCase(Locale.ROOT) + "-" + slug(patternId);
    }

    /** The id of the market's regime alert. */
    public static String forMarket(LocalDate asOf) {
        return prefix(asOf, ProposalKind.REGIME_ALERT) + "market";
    }

    /** The id of a sector's regime alert. */
    public static String forSector(LocalDate asOf, String sector) {
        return prefix(asOf, ProposalKind.REGIME_ALERT) + "sector-" + slug(sector);
    }

    private static String prefix(LocalDate asOf, ProposalKind kind) {
        return "retro-" + asOf + "-" + kind.name().toLowerCase(Locale.ROOT) + "-";
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }
}
