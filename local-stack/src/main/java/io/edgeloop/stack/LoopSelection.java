package io.edgeloop.stack;

import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.Symbols;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What a run of the loop loads, the options {@code replay}, {@code demo} and {@code bench replay}
 * share: {@code --tickers}, {@code --from}, {@code --to} and {@code --no-retro}, checked the
 * same way everywhere (a bad combination is a usage error).
 */
final class LoopSelection {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--tickers", split = ",", paramLabel = "T,...", description = "Only these tickers (default: all).")
    List<String> tickers = new ArrayList<>();

    @Option(names = "--from", paramLabel = "DATE", description = "First bar date, YYYY-MM-DD (UTC open date).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last bar date, YYYY-MM-DD (UTC open date).")
    LocalDate to;

    @Option(names = "--no-retro", description = "Do not run the weekly retrospective.")
    boolean noRetro;

    /**
     * The tickers, normalised by the symbol rule the candle connector applies; a usage error for
     * an empty or malformed one, and for one no candle file under {@code data} names (a typo
     * would otherwise be left out of the run without a word).
     */
    List<String> tickers(Path data) {
        if (tickers.stream().anyMatch(String::isBlank)) {
            throw new ParameterException(spec.commandLine(), "--tickers: an empty ticker in " + tickers);
        }
        List<String> out = new ArrayList<>();
        for (String ticker : tickers) {
            try {
                out.add(Symbols.normalise(ticker.strip()));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--tickers: " + e.getMessage());
            }
        }
        if (!out.isEmpty()) {
            Set<String> inData = tickersIn(data);
            List<String> missing = out.stream().filter(t -> !inData.contains(t)).toList();
            if (!missing.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--tickers: no candle file under " + data + " names "
                        + String.join(", ", missing) + " (" + inData.size() + " tickers there)");
            }
        }
        return List.copyOf(out);
    }

    /** The tickers the candle files under {@code data} name (files that cannot be read name none). */
    private Set<String> tickersIn(Path data) {
        Set<String> found = new TreeSet<>();
        try {
            for (Path file : CandleFiles.list(data)) {
                try {
                    found.add(CandleFiles.ticker(file));
                } catch (IOException e) {
                    // the candle connector dead-letters such a file; it names no ticker here
                }
            }
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot list the candle files under " + data + ": " + e);
        }
        return found;
    }

    /** The first date; a usage error when it is after the last. */
    LocalDate from() {
        if (from != null && to != null && from.isAfter(to)) {
            throw new ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to);
        }
        return from;
    }

    LocalDate to() {
        return to;
    }

    boolean retro() {
        return !noRetro;
    }
}
