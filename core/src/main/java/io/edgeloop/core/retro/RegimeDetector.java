package io.edgeloop.core.retro;

import io.edgeloop.core.candle.SectorMap;
import io.edgeloop.core.mining.MoveDirection;
import io.edgeloop.core.mining.Move;
import io.edgeloop.core.mining.MoveFeatures;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Detects regime change (DESIGN "Learning statistics"): has the UP share of significant moves
 * in the recent window moved away from the prior window's? The original called a shift when the
 * shares differed by more than 15 points with n >= 5 a side; edgeloop uses the two-window test
 * ({@link TwoWindowTester}) with a minimum n per window and a significance level. Moves are
 * clustered by the ISO week of their start date: a market-wide week moves many tickers
 * together, and the design effect turns those moves into the evidence of one event. A sector
 * is a subset of the market: its design effect is Kish's, from the market's intraclass
 * correlation and the sector's mean moves per week (its own few clusters would give an unstable
 * estimate). The market is one test; sectors and patterns are families whose p-values are adjusted with
 * Benjamini-Hochberg before comparing with alpha, so among a dozen sectors one does not shift by
 * chance every week. A move belongs to the window of its start date.
 */
public final class RegimeDetector {

    private final RetroConfig config;
    private final TwoWindowTester tester;

    public RegimeDetector(RetroConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.tester = new TwoWindowTester(config);
    }

    /**
     * @param moves    the moves each window counts (only those starting in a window count; see
     *                 {@code Retrospective.windowMoves}: both windows cut alike)
     * @param windows  the windows
     * @param sample   the lookback's moves with lead-up features (the sample of {@code patterns}),
     *                 those of {@code moves} ({@code Retrospective.windowSample})
     * @param patterns each pattern's matches over {@code sample}
     */
    public RegimeReport detect(List<Move> moves, RetroWindows windows, List<MoveFeatures> sample,
                               List<CandidateDiscovery.PatternCoverage> patterns) {
        Counts market = new Counts();
        Map<String, Counts> sectors = new TreeMap<>();
        for (Move m : moves) {
            market.add(windows, m);
            if (windows.contains(m.startDate()) && classified(m.sector())) {
                sectors.computeIfAbsent(m.sector(), s -> new Counts()).add(windows, m);
            }
        }
        WindowTest marketTest = market.test(tester);
        RegimeRow marketRow = new RegimeRow(RegimeRow.Scope.MARKET, "market", marketTest, marketTest.pValue(),
                marketTest.pValue() <= config.alpha() && marketTest.difference() != 0);
        List<String> sectorKeys = new ArrayList<>(sectors.keySet());
        double rho = ClusteredCounts.intraclassCorrelation(market.recent, market.prior);
        List<WindowTest> sectorTests = sectorKeys.stream().map(k -> sectors.get(k).test(tester, rho)).toList();
        List<String> patternKeys = new ArrayList<>();
        List<WindowTest> patternTests = new ArrayList<>();
        for (CandidateDiscovery.PatternCoverage p : patterns) {
            Counts c = new Counts();
            BitSet matches = p.matches();
            for (int i = matches.nextSetBit(0); i >= 0; i = matches.nextSetBit(i + 1)) {
                c.add(windows, sample.get(i).move());
            }
            patternKeys.add(p.patternId());
            patternTests.add(c.test(tester));
        }
        return new RegimeReport(marketRow, family(RegimeRow.Scope.SECTOR, sectorKeys, sectorTests),
                family(RegimeRow.Scope.PATTERN, patternKeys, patternTests));
    }

    /**
     * False for the pool of tickers without a sector (the service's {@link Move#UNKNOWN_SECTOR},
     * the files' {@link SectorMap#UNCLASSIFIED}): not a sector, so never tested or alerted as one;
     * its moves count in the market.
     */
    static boolean classified(String sector) {
        return !Move.UNKNOWN_SECTOR.equals(sector) && !SectorMap.UNCLASSIFIED.equals(sector);
    }

    private List<RegimeRow> family(RegimeRow.Scope scope, List<String> keys, List<WindowTest> tests) {
        double[] q = PatternRescorer.adjust(tests);
        List<RegimeRow> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            WindowTest t = tests.get(i);
            rows.add(new RegimeRow(scope, keys.get(i), t, q[i], q[i] <= config.alpha() && t.difference() != 0));
        }
        return rows;
    }

    /** UP moves per window, clustered by start week. */
    private static final class Counts {
        private final ClusteredCounts recent = new ClusteredCounts();
        private final ClusteredCounts prior = new ClusteredCounts();

        void add(RetroWindows windows, Move m) {
            RetroWindows.Window w = windows.of(m.startDate());
            if (w != RetroWindows.Window.OUTSIDE) {
                (w == RetroWindows.Window.RECENT ? recent : prior)
                        .add(ClusteredCounts.week(m.startDate().toEpochDay()), m.direction() == MoveDirection.UP);
            }
        }

        WindowTest test(TwoWindowTester tester) {
            return tester.test(recent, prior);
        }

        /** The test of a subset of the market, with Kish's design effect from the market's correlation. */
        WindowTest test(TwoWindowTester tester, double rho) {
            return tester.test(recent, prior, ClusteredCounts.kishDesignEffect(rho, recent, prior));
        }
    }
}
