package io.edgeloop.core.retro;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Market regime detection on the long daily histories (SPY, QQQ, IWM and the other history
 * files, and the 36 sector ETFs), as the weekly retrospective would have run on Fridays.
 * <ul>
 *   <li>The 2020 crash: the runs of Friday 2020-02-28, 03-06 and 03-13, whose recent window
 *       holds the fall, call a market shift down; so does 2022-01-28, the start of the 2022 bear
 *       market.</li>
 *   <li>The run of 2020-03-31, whose recent window is March 2020 itself, does not: its prior
 *       window (2020-01-02..03-01) already holds the first leg of the crash, and March mixed
 *       new lows with the sharpest rebounds, so the UP share of moves hardly differs (44% vs
 *       38%).</li>
 *   <li>Quiet periods (2019-12-27, 2021-06-04) call nothing.</li>
 * </ul>
 */
class RegimeRealDataTest {

    private static RetroResult run(String asOf) {
        return Retrospective.defaults(RetroConfig.defaults()).run(RetroData.longHistories(), RetroData.all()::sectorOf,
                TrailSource.NONE, List.of(), Optional.of(LocalDate.parse(asOf)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-02-28", "2020-03-06", "2020-03-13", "2022-01-28"})
    void shouldCallAMarketShiftDownWhenTheRecentWindowHoldsTheFall(String asOf) {
        RetroResult r = run(asOf);
        RegimeRow market = r.regime().market();

        assertThat(market.shifted()).isTrue();
        assertThat(market.test().difference()).isLessThan(-0.25);
        assertThat(market.test().pValue()).isLessThan(0.05);
        assertThat(market.test().designEffect()).as("weeks move together").isGreaterThan(2);
        Proposal alert = r.proposals().stream().filter(p -> p.id().equals("retro-" + asOf + "-regime_alert-market"))
                .findFirst().orElseThrow();
        assertThat(alert.kind()).isEqualTo(ProposalKind.REGIME_ALERT);
        assertThat(alert.patternId()).isNull();
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.summary()).startsWith("Market regime shift down: UP share of moves");
        assertThat(alert.evidence().recentN()).isEqualTo((int) market.test().recentN());
        assertThat(alert.evidence().details()).containsKeys("priorWindow", "recentWindow", "test");
    }

    @Test
    void shouldNotCallMarch2020AShiftAgainstAPriorWindowThatAlreadyHoldsTheCrash() {
        RegimeRow market = run("2020-03-31").regime().market();

        assertThat(market.test().recentN()).isGreaterThan(200);
        assertThat(market.test().recentRate()).isBetween(0.40, 0.48);
        assertThat(market.test().priorRate()).isBetween(0.35, 0.41);
        assertThat(market.shifted()).isFalse();
    }

    @Test
    void shouldCallTheReboundAShiftUp() {
        RegimeRow market = run("2020-04-10").regime().market();

        assertThat(market.shifted()).isTrue();
        assertThat(market.test().difference()).isGreaterThan(0.25);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-12-27", "2021-06-04"})
    void shouldCallNothingInAQuietPeriod(String asOf) {
        RetroResult r = run(asOf);

        assertThat(r.regime().market().test().recentN()).isGreaterThan(30);
        assertThat(r.regime().market().shifted()).isFalse();
        assertThat(r.regime().market().test().pValue()).isGreaterThan(0.5);
        assertThat(r.regime().sectors()).noneMatch(RegimeRow::shifted);
        assertThat(r.proposals()).isEmpty();
    }

    @Test
    void shouldSayWhatItCouldNotDoWithoutATrail() {
        RetroResult r = run("2021-06-04");

        assertThat(r.trails()).isZero();
        assertThat(r.sample()).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.startsWith("No score trail"));
        assertThat(r.study().mining().moves()).isNotEmpty()
                .allMatch(m -> !m.peakDate().isAfter(LocalDate.of(2021, 6, 4)));
    }
}
