package io.edgeloop.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.edgeloop.core.mining.ArchetypeScore;
import io.edgeloop.core.mining.CompoundScore;
import io.edgeloop.core.mining.FeatureLift;
import io.edgeloop.core.mining.FlagCounts;
import io.edgeloop.core.mining.GroupStats;
import io.edgeloop.core.mining.LeadUpFeatures;
import io.edgeloop.core.mining.Move;
import io.edgeloop.core.mining.MoveFeatures;
import io.edgeloop.core.mining.PatternScores;
import io.edgeloop.core.mining.StudyResult;
import io.edgeloop.core.mining.Trajectory;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The study's machine-readable outputs, written with Jackson's streaming generator:
 * {@code moves.jsonl}, {@code pattern_features.jsonl} (one JSON object a line) and
 * {@code pattern_scores.json}. Percentages are rounded to 4 decimals; undefined values are null.
 */
public final class StudyJson {

    private static final JsonFactory JSON = new JsonFactoryBuilder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).rootValueSeparator("\n").build();

    private StudyJson() {
    }

    /**
     * One move a line: {@code ticker, sector, direction, windowDays, startDate, peakDate,
     * magnitudePct, startClose, peakPrice}.
     */
    public static void writeMoves(List<Move> moves, Writer out) throws IOException {
        try (JsonGenerator g = lines(out)) {
            for (Move m : moves) {
                g.writeStartObject();
                moveFields(g, m);
                g.writeEndObject();
            }
        }
        endLines(moves.isEmpty(), out);
    }

    /** One covered move a line: the move, its lead-up features, its peak, and matched archetypes. */
    public static void writeFeatures(StudyResult study, Writer out) throws IOException {
        try (JsonGenerator g = lines(out)) {
            for (MoveFeatures mf : study.features()) {
                LeadUpFeatures f = mf.features();
                g.writeStartObject();
                moveFields(g, mf.move());
                g.writeObjectFieldStart("leadUp");
                g.writeNumberField("days", f.days());
                trajectory(g, "htf", f.htf());
                trajectory(g, "ltf", f.ltf());
                g.writeArrayFieldStart("states");
                for (String s : f.states()) {
                    g.writeString(s);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("transitions");
                for (String t : f.transitions()) {
                    g.writeString(t);
                }
                g.writeEndArray();
                g.writeStringField("startState", f.startState());
                g.writeStringField("dominantState", f.dominantState());
                flags(g, "flags", f.leadUpFlags());
                flags(g, "startFlags", f.startFlags());
                number(g, "completion", f.completion());
                number(g, "phasePct", f.phasePct());
                g.writeStringField("phaseZone", f.phaseZone());
                number(g, "rank", f.rank());
                g.writeEndObject();
                g.writeObjectFieldStart("peak");
                g.writeStringField("state", f.peak().state());
                number(g, "htfScore", f.peak().htfScore());
                number(g, "ltfScore", f.peak().ltfScore());
                g.writeStringField("phaseZone", f.peak().phaseZone());
                number(g, "completion", f.peak().completion());
                flags(g, "flags", f.peak().flags());
                g.writeEndObject();
                g.writeArrayFieldStart("archetypes");
                for (String id : study.matchedArchetypes(f)) {
                    g.writeString(id);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }
        endLines(study.features().isEmpty(), out);
    }

    /** The archetype study as one pretty-printed JSON object. */
    public static void writeScores(PatternScores scores, Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeObjectFieldStart("config");
            g.writeNumberField("compoundMinN", scores.config().compoundMinN());
            number(g, "compoundMinBiasPct", scores.config().compoundMinBiasPct());
            number(g, "confidence", scores.config().confidence());
            g.writeStringField("interval", "Wilson score interval of the UP share");
            g.writeEndObject();
            stats(g, "baseline", scores.baseline());
            g.writeArrayFieldStart("archetypes");
            for (ArchetypeScore a : scores.archetypes()) {
                g.writeStartObject();
                g.writeStringField("id", a.id());
                g.writeStringField("name", a.name());
                g.writeStringField("bias", a.bias().name());
                g.writeStringField("rule", a.rule());
                stats(g, "stats", a.stats());
                number(g, "directionalAccuracyPct", a.directionalAccuracyPct());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("pairsTested", scores.pairsTested());
            g.writeArrayFieldStart("compounds");
            for (CompoundScore c : scores.compounds()) {
                g.writeStartObject();
                g.writeStringField("first", c.first());
                g.writeStringField("second", c.second());
                g.writeStringField("bias", c.bias().name());
                number(g, "biasPct", c.biasPct());
                stats(g, "stats", c.stats());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("featureLift");
            for (FeatureLift l : scores.lift()) {
                g.writeStartObject();
                g.writeStringField("feature", l.feature());
                g.writeStringField("description", l.description());
                stats(g, "present", l.present());
                g.writeNumberField("absentN", l.absentN());
                number(g, "absentUpPct", l.absentUpPct());
                number(g, "baseUpPct", l.baseUpPct());
                number(g, "liftPts", l.liftPts());
                number(g, "vsAbsentPts", l.vsAbsentPts());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    /** A generator writing one root value a line (the separator goes between values). */
    private static JsonGenerator lines(Writer out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    private static void endLines(boolean empty, Writer out) throws IOException {
        if (!empty) {
            out.write('\n');
        }
    }

    private static void moveFields(JsonGenerator g, Move m) throws IOException {
        g.writeStringField("ticker", m.ticker());
        g.writeStringField("sector", m.sector());
        g.writeStringField("direction", m.direction().name());
        g.writeNumberField("windowDays", m.windowDays());
        g.writeStringField("startDate", m.startDate().toString());
        g.writeStringField("peakDate", m.peakDate().toString());
        number(g, "magnitudePct", m.magnitudePct());
        g.writeNumberField("startClose", m.startClose());
        g.writeNumberField("peakPrice", m.peakPrice());
    }

    private static void trajectory(JsonGenerator g, String name, Trajectory t) throws IOException {
        g.writeObjectFieldStart(name);
        number(g, "start", t.start());
        number(g, "end", t.end());
        number(g, "delta", t.delta());
        number(g, "mean", t.mean());
        number(g, "min", t.min());
        number(g, "max", t.max());
        g.writeStringField("trend", t.trend().name());
        g.writeEndObject();
    }

    private static void flags(JsonGenerator g, String name, FlagCounts f) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("sqReleaseBull", f.sqReleaseBull());
        g.writeNumberField("sqReleaseBear", f.sqReleaseBear());
        g.writeNumberField("stFlipBull", f.stFlipBull());
        g.writeNumberField("stFlipBear", f.stFlipBear());
        g.writeNumberField("emaCrossUp", f.emaCrossUp());
        g.writeNumberField("emaCrossDown", f.emaCrossDown());
        g.writeNumberField("momentumElite", f.momentumElite());
        g.writeNumberField("compressed", f.compressed());
        g.writeNumberField("kinds", f.kinds());
        g.writeEndObject();
    }

    private static void stats(JsonGenerator g, String name, GroupStats s) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("n", s.n());
        g.writeNumberField("up", s.up());
        g.writeNumberField("down", s.down());
        number(g, "upPct", s.upPct());
        number(g, "upLowPct", s.upLowPct());
        number(g, "upHighPct", s.upHighPct());
        number(g, "avgUpPct", s.avgUpPct());
        number(g, "avgDownPct", s.avgDownPct());
        number(g, "avgReturnPct", s.avgReturnPct());
        number(g, "expectedValue", s.expectedValue());
        g.writeEndObject();
    }

    /** A number rounded half-up to 4 decimals, or null when NaN or infinite. */
    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, Decimals.round4(v));
        } else {
            g.writeNullField(name);
        }
    }
}
