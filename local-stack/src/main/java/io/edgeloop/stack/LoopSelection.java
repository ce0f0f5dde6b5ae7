package io.edgeloop.stack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

    /** The tickers, stripped; a usage error for an empty one. */
    List<String> tickers() {
        if (tickers.stream().anyMatch(String::isBlank)) {
            throw new ParameterException(spec.commandLine(), "--tickers: an empty ticker in " + tickers);
        }
        return tickers.stream().map(String::strip).toList();
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
