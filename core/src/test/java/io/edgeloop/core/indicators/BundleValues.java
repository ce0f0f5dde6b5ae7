package io.edgeloop.core.indicators;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Every accessor of a {@link TimeframeBundle}, by name, for exhaustive comparisons in tests. */
final class BundleValues {

    record Accessor(String name, ToDoubleFunction<TimeframeBundle> get) {
    }

    static final List<Accessor> ALL = List.of(
            new Accessor("close", TimeframeBundle::close),
            new Accessor("ema3", TimeframeBundle::ema3),
            new Accessor("ema5", TimeframeBundle::ema5),
            new Accessor("ema8", TimeframeBundle::ema8),
            new Accessor("ema13", TimeframeBundle::ema13),
            new Accessor("ema21", TimeframeBundle::ema21),
            new Accessor("ema34", TimeframeBundle::ema34),
            new Accessor("ema48", TimeframeBundle::ema48),
            new Accessor("ema89", TimeframeBundle::ema89),
            new Accessor("ema200", TimeframeBundle::ema200),
            new Accessor("ema48Slope", TimeframeBundle::ema48Slope),
            new Accessor("rsi14", TimeframeBundle::rsi14),
            new Accessor("atr14", TimeframeBundle::atr14),
            new Accessor("atrRatio", TimeframeBundle::atrRatio),
            new Accessor("stDir", TimeframeBundle::stDir),
            new Accessor("stLine", TimeframeBundle::stLine),
            new Accessor("stFlip", TimeframeBundle::stFlip),
            new Accessor("stLineSlope", TimeframeBundle::stLineSlope),
            new Accessor("sqOn", TimeframeBundle::sqOn),
            new Accessor("sqRelease", TimeframeBundle::sqRelease),
            new Accessor("sqReleaseDir", TimeframeBundle::sqReleaseDir),
            new Accessor("basis20", TimeframeBundle::basis20),
            new Accessor("bbUpper", TimeframeBundle::bbUpper),
            new Accessor("bbLower", TimeframeBundle::bbLower),
            new Accessor("kcUpper", TimeframeBundle::kcUpper),
            new Accessor("kcLower", TimeframeBundle::kcLower),
            new Accessor("mom", TimeframeBundle::mom),
            new Accessor("momStd", TimeframeBundle::momStd),
            new Accessor("volumeRatio", TimeframeBundle::volumeRatio),
            new Accessor("compressed", TimeframeBundle::compressed),
            new Accessor("emaCross", TimeframeBundle::emaCross),
            new Accessor("phase", TimeframeBundle::phase));

    private BundleValues() {
    }

    /** The raw bits of every accessor, so NaN compares equal to NaN and 0.0 differs from -0.0. */
    static long[] bits(TimeframeBundle bundle) {
        long[] out = new long[ALL.size() + 1];
        for (int i = 0; i < ALL.size(); i++) {
            out[i] = Double.doubleToRawLongBits(ALL.get(i).get().applyAsDouble(bundle));
        }
        out[ALL.size()] = bundle.bars();
        return out;
    }
}
