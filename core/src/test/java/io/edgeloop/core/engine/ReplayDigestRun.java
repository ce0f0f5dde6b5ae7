package io.edgeloop.core.engine;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.indicators.TimeframeBundle;
import io.edgeloop.core.model.ModelInput;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SHA-256 over everything the engine emits on the real history files (the hourly and daily
 * feeds; a weekly feed has no scoring profile): per candle whether it was accepted, and per
 * accepted bar its snapshot, matches, stage, state and position event, every frame view's open
 * time and closed flag and every public numeric accessor of the view (the peeks included), and
 * every 97th bar the engine's serialized state. Speed work must leave the digest unchanged;
 * compare the printed value before and after:
 * {@code mvn -B -q -pl core test -Dtest=ReplayDigestRun -Dedgeloop.digest=true}. Only run on
 * demand (the value changes with every intended model change, so it is not pinned in a test).
 */
@EnabledIfSystemProperty(named = "edgeloop.digest", matches = "true")
class ReplayDigestRun {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayDigestRun.class);

    @Test
    void shouldPrintTheDigestOfEveryReplayedBar() throws Exception {
        List<Method> accessors = Arrays.stream(TimeframeBundle.class.getMethods())
                .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getReturnType() == double.class || m.getReturnType() == long.class
                        || m.getReturnType() == boolean.class)
                .sorted(Comparator.comparing(Method::getName))
                .toList();
        List<Path> files;
        try (Stream<Path> s = Files.list(HistoryData.dataDir().resolve("history"))) {
            files = s.filter(p -> p.getFileName().toString().matches(".*_(60|D)\\.json")).sorted().toList();
        }
        MessageDigest all = sha256();
        long bars = 0;
        for (Path file : files) {
            MessageDigest one = sha256();
            List<Candle> candles = HistoryData.file(file);
            TickerEngine engine = EngineRuns.engineFor(candles);
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            int accepted = 0;
            for (Candle candle : candles) {
                EngineResult r = engine.update(candle);
                buffer.clear();
                buffer.put((byte) (r.accepted() ? 1 : 0));
                if (r.accepted()) {
                    accepted++;
                    put(buffer, r, accessors);
                    if (accepted % 97 == 0) {
                        engine.write(buffer);
                    }
                }
                buffer.flip();
                one.update(buffer.duplicate());
                all.update(buffer);
            }
            bars += accepted;
            LOG.info("{}: {} bars, sha256 {}", file.getFileName(), accepted, HexFormat.of().formatHex(one.digest()));
        }
        String digest = HexFormat.of().formatHex(all.digest());
        LOG.info("replay digest over {} files, {} bars: sha256 {}", files.size(), bars, digest);
        assertThat(bars).isPositive();
    }

    private static void put(ByteBuffer buffer, EngineResult r, List<Method> accessors)
            throws IllegalAccessException, InvocationTargetException {
        buffer.putLong(r.time());
        Snapshot snapshot = r.snapshot();
        for (int i = 0; i < Fields.count(); i++) {
            buffer.putLong(Double.doubleToRawLongBits(snapshot.get(i)));
        }
        buffer.putInt(r.matches().size());
        for (int i = 0; i < r.matches().size(); i++) {
            buffer.putInt(r.matches().position(i));
        }
        buffer.putInt(r.stage().ordinal());
        buffer.putInt(r.previousStage() == null ? -1 : r.previousStage().ordinal());
        buffer.putInt(r.state() == null ? -1 : r.state().ordinal());
        buffer.put((byte) (r.stateFlipped() ? 1 : 0));
        buffer.putInt(r.positionEvent().ordinal());
        ModelInput input = r.input();
        for (Timeframe tf : r.profile().frames()) {
            buffer.putLong(input.openTime(tf));
            buffer.put((byte) (input.viewClosed(tf) ? 1 : 0));
            TimeframeBundle view = input.view(tf);
            for (Method m : accessors) {
                Object v = m.invoke(view);
                if (v instanceof Double x) {
                    buffer.putLong(Double.doubleToRawLongBits(x));
                } else if (v instanceof Long x) {
                    buffer.putLong(x);
                } else {
                    buffer.put((byte) (Boolean.TRUE.equals(v) ? 1 : 0));
                }
            }
        }
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }
}
