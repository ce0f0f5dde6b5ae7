package io.edgeloop.schemas;

import io.edgeloop.schemas.avro.ApprovalAction;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.AssetClass;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.ChangeDecision;
import io.edgeloop.schemas.avro.ChangeEvidence;
import io.edgeloop.schemas.avro.ChangeKind;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.Confidence;
import io.edgeloop.schemas.avro.ConfidenceLevel;
import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.Magnitude;
import io.edgeloop.schemas.avro.MarketRegime;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeAction;
import io.edgeloop.schemas.avro.OutcomeStatus;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.PatternMatch;
import io.edgeloop.schemas.avro.PatternOrigin;
import io.edgeloop.schemas.avro.PatternStats;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.avro.PhaseZone;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.PredictionTrigger;
import io.edgeloop.schemas.avro.RuleKind;
import io.edgeloop.schemas.avro.RuleNode;
import io.edgeloop.schemas.avro.RuleOp;
import io.edgeloop.schemas.avro.RuleValue;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.SessionCalendar;
import io.edgeloop.schemas.avro.Severity;
import io.edgeloop.schemas.avro.SignalLabel;
import io.edgeloop.schemas.avro.SignalLevel;
import io.edgeloop.schemas.avro.Stage;
import io.edgeloop.schemas.avro.StateQuadrant;
import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.avro.TimeframeProfile;
import io.edgeloop.schemas.avro.TimeframeState;
import io.edgeloop.schemas.avro.Trade;
import io.edgeloop.schemas.avro.TradeEvent;
import io.edgeloop.schemas.avro.TradeKind;
import io.edgeloop.schemas.avro.TradeSide;
import org.apache.avro.specific.SpecificRecord;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One filled-in record of every topic value type, small cases built by hand around a real bar
 * (SPY, 2025-03-26 daily: open 575.19, high 576.33, low 567.19, close 568.59). Every optional
 * part is set on some path, so a round trip exercises every nested type.
 */
public final class Samples {

    public static final Instant BAR = Instant.parse("2025-03-26T00:00:00Z");

    private Samples() {
    }

    public static List<SpecificRecord> all() {
        return List.of(candle(), tickerReference(), scoreSnapshot(), prediction(), trade(), outcome(),
                marketSignal(), patternDefinition(), modelChange(), approvalDecision(), deadLetter());
    }

    public static Candle candle() {
        return Candle.newBuilder().setTicker("SPY").setInterval("D").setOpenTime(BAR)
                .setOpen(575.19).setHigh(576.33).setLow(567.19).setClose(568.59).setVolume(52_228_898)
                .setSource("universe-daily").build();
    }

    public static TickerReference tickerReference() {
        return TickerReference.newBuilder().setTicker("NVDA").setSector("Information Technology")
                .setAssetClass(AssetClass.EQUITY).setCalendar(SessionCalendar.US_EQUITY).setSectorEtf("XLK").build();
    }

    public static PatternMatch match() {
        return PatternMatch.newBuilder().setPatternId("bull_state_dominance").setVersion(2)
                .setDirection(Direction.UP).setStatus(PatternStatus.ACTIVE).setConfidence(0.752).build();
    }

    public static ScoreSnapshot scoreSnapshot() {
        TimeframeState daily = TimeframeState.newBuilder().setTf("D").setOpenTime(BAR).setClosed(true)
                .setClose(568.59).setEma21(571.2).setEma48(580.4).setEma200(575.9).setAtr14(7.31).setRsi14(44.8)
                .setStDir(-1).setStLine(583.1).setSqueezeOn(false).setSqueezeRelease(0).setStFlip(0).setEmaCross(-1)
                .setCompressed(true).setMom(-3.2).setMomStd(4.1).setScore(-12.5).build();
        TimeframeState weekly = TimeframeState.newBuilder().setTf("W").setOpenTime(Instant.parse("2025-03-24T00:00:00Z"))
                .setClosed(false).setClose(568.59).build();
        return ScoreSnapshot.newBuilder().setTicker("SPY").setBarTime(BAR).setInterval("D")
                .setProfile(new TimeframeProfile(List.of("D"), List.of("W", "M")))
                .setHtfScore(8.5).setLtfScore(-12.5).setHtfChange(-6.0).setLtfChange(null)
                .setState(StateQuadrant.HTF_BULL_LTF_PULLBACK).setPrevState(StateQuadrant.HTF_BULL_LTF_BULL)
                .setStage(Stage.SETUP).setPrevStage(Stage.WATCH).setPhase(-41.7).setPhaseZone(PhaseZone.MEDIUM)
                .setCompletion(0.35).setRank(62.0).setMomentumElite(false).setSignalCount(2).setClose(568.59)
                .setRsi(44.8).setVolumeRatio(1.12).setAtrRatio(0.97).setPnlPct(null)
                .setTimeframes(List.of(daily, weekly)).setMatchedPatterns(List.of(match())).setLibraryVersion(7)
                .build();
    }

    public static Prediction prediction() {
        return Prediction.newBuilder().setId("SPY:1742947200000:STAGE_ENTER").setTicker("SPY").setBarTime(BAR)
                .setTrigger(PredictionTrigger.STAGE_ENTER).setFromValue("SETUP").setToValue("ENTER")
                .setDirection(Direction.UP).setHorizonDays(5).setEntryPrice(568.59)
                .setConfidence(Confidence.newBuilder().setLevel(ConfidenceLevel.HIGH).setPosteriorMean(0.74)
                        .setLower(0.67).setUpper(0.80).setN(165).setPatternId("bull_state_dominance").build())
                .setSnapshot(scoreSnapshot()).setMatchedPatterns(List.of(match())).setLibraryVersion(7).build();
    }

    public static Trade trade() {
        return Trade.newBuilder().setId("paper:SPY:1742947200000:OPEN").setPositionId("paper:SPY:1742947200000:OPEN")
                .setTicker("SPY").setPredictionId("SPY:1742947200000:STAGE_ENTER").setKind(TradeKind.PAPER)
                .setSide(TradeSide.LONG).setEvent(TradeEvent.OPEN).setTime(BAR).setPrice(568.59)
                .setQuantityFraction(1.0).build();
    }

    public static Outcome outcome() {
        return Outcome.newBuilder().setPredictionId("SPY:1742947200000:STAGE_ENTER").setTicker("SPY")
                .setDirection(Direction.UP).setHorizonDays(5).setPredictionTime(BAR)
                .setResolvedTime(Instant.parse("2025-04-02T00:00:00Z")).setStatus(OutcomeStatus.RESOLVED)
                .setEntryPrice(568.59).setExitPrice(564.52).setReturnPct(-0.716).setMfePct(0.21).setMaePct(-2.05)
                .setTimeToPeakDays(1).setHit(false).setMagnitude(Magnitude.SMALL).setAction(OutcomeAction.TRADED)
                .setTradeId("paper:SPY:1742947200000:OPEN").setMatchedPatterns(List.of(match())).setLibraryVersion(7)
                .build();
    }

    public static MarketSignal marketSignal() {
        return MarketSignal.newBuilder().setLevel(SignalLevel.MARKET).setKey("ALL").setTime(BAR).setNet(0.18)
                .setLabel(SignalLabel.BULLISH).setRegime(MarketRegime.MILD_BULL).setBullish(131).setBearish(72)
                .setNeutral(35).setBreadthPct(55.04).setRiskFlags(List.of()).build();
    }

    public static RuleNode condition(String field, RuleOp op, RuleValue value) {
        return RuleNode.newBuilder().setKind(RuleKind.CONDITION).setField(field).setOp(op).setValue(value).build();
    }

    public static PatternDefinition patternDefinition() {
        RuleNode rule = RuleNode.newBuilder().setKind(RuleKind.ALL).setChildren(List.of(
                condition("state", RuleOp.EQ, RuleValue.newBuilder().setText("HTF_BULL_LTF_BULL").build()),
                condition("htf_score", RuleOp.BETWEEN, RuleValue.newBuilder().setNumbers(List.of(10.0, 50.0)).build()),
                RuleNode.newBuilder().setKind(RuleKind.NOT).setChildren(List.of(
                        RuleNode.newBuilder().setKind(RuleKind.ANY).setChildren(List.of(
                                condition("sq_on_D", RuleOp.TRUTHY, null),
                                condition("phase_zone", RuleOp.IN,
                                        RuleValue.newBuilder().setTexts(List.of("HIGH", "EXTREME")).build()))).build()))
                        .build())).build();
        PatternStats stats = PatternStats.newBuilder().setN(165).setHits(124).setAlpha(125).setBeta(42)
                .setHitRate(124 / 165.0).setPosteriorMean(125 / 167.0).setLower(0.68).setUpper(0.80)
                .setAvgReturnPct(2.4).setAvgMfePct(4.1).setAvgMaePct(-1.9).setExpectedValue(1.7)
                .setUpdatedAt(BAR).build();
        return PatternDefinition.newBuilder().setId("bull_state_dominance").setName("Bull state dominance")
                .setDescription("Both HTF and LTF bullish with a strong HTF and no squeeze or stretched phase.")
                .setDirection(Direction.UP).setStatus(PatternStatus.ACTIVE).setVersion(2).setLibraryVersion(7)
                .setOrigin(PatternOrigin.SEED).setRule(rule).setStats(stats).build();
    }

    public static ModelChange modelChange() {
        PatternDefinition before = patternDefinition();
        PatternDefinition after = PatternDefinition.newBuilder(before).setStatus(PatternStatus.DEGRADED).setVersion(3)
                .setLibraryVersion(8).build();
        return ModelChange.newBuilder().setId("chg-0008").setKind(ChangeKind.DEGRADE)
                .setPatternId("bull_state_dominance").setProposedBy("resolver-fast-loop").setProposedAt(BAR)
                .setSummary("Posterior P(hit rate < 0.40) = 0.93 with n = 14: degrade.")
                .setEvidence(ChangeEvidence.newBuilder().setN(14).setHitRate(0.29).setLower(0.12).setUpper(0.52)
                        .setRecentRate(0.29).setPriorRate(0.71).setRecentN(14).setPriorN(31)
                        .setDetails(Map.of("threshold", "0.40", "probability", "0.93")).build())
                .setProposed(after).setPrevious(before).setStatus(ChangeStatus.APPLIED)
                .setDecision(ChangeDecision.newBuilder().setActor("alice").setReason("evidence is clear")
                        .setDecidedAt(Instant.parse("2025-03-27T14:00:00Z")).setAction(ApprovalAction.APPROVE).build())
                .setLibraryVersionBefore(7L).setLibraryVersionAfter(8L).setSeverity(Severity.HIGH)
                .setUpdatedAt(Instant.parse("2025-03-27T14:00:00Z")).build();
    }

    public static ApprovalDecision approvalDecision() {
        return ApprovalDecision.newBuilder().setChangeId("chg-0009").setAction(ApprovalAction.ROLLBACK)
                .setActor("alice").setReason("v8 degraded too eagerly").setDecidedAt(Instant.parse("2025-03-28T09:30:00Z"))
                .setTargetLibraryVersion(7L).build();
    }

    public static DeadLetter deadLetter() {
        return DeadLetter.newBuilder().setSourceTopic("candles").setPartition(3).setOffset(42_017L)
                .setRecordTimestamp(BAR).setKey(ByteBuffer.wrap("SPY".getBytes(StandardCharsets.UTF_8)))
                .setValue(ByteBuffer.wrap(new byte[] {0x7b, 0x22, 0x74, 0x73}))
                .setReason("bad marker 0x7B 0x22").setErrorClass("io.edgeloop.schemas.serde.MalformedRecordException")
                .setFailedAt(Instant.parse("2025-03-26T21:00:00Z")).setApp("edgeloop-streams").build();
    }
}
