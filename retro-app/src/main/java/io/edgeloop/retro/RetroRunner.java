package io.edgeloop.retro;

import io.edgeloop.core.report.RetroFiles;
import io.edgeloop.core.retro.Proposal;
import io.edgeloop.core.retro.RetroResult;
import io.edgeloop.core.retro.RetroSchedule;
import io.edgeloop.core.retro.Retrospective;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.schemas.avro.ModelChange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One scheduled run of the service: the retrospective on what the topics delivered, as of the
 * scheduled instant's date, with its reports in {@code reportsDir/<as-of date>/} and the
 * changelog records of the proposals whose ids the changelog does not hold yet (a decided or
 * earlier proposal is never overwritten).
 *
 * <p>The run's {@value ProposalFiles#PROPOSALS} is written last, by {@link #finish}, once its
 * proposals are published: it marks the week done ({@link #done}). A restarted service reads its
 * topics from their oldest record again, so its first weeks are ones it ran before, with less
 * history now (candles are kept for 30 days); it skips each done week instead of running it again
 * and writing poorer reports over the ones operators have read.
 */
final class RetroRunner {

    private final Retrospective retrospective;
    private final Path reportsDir;
    private final int studyEveryWeeks;

    /**
     * @param studyEveryWeeks the study's files go with the runs of one week in this many (1: every
     *                        run), weeks counted from Friday 1970-01-02 (epoch day 1)
     */
    RetroRunner(Retrospective retrospective, Path reportsDir, int studyEveryWeeks) {
        this.retrospective = Objects.requireNonNull(retrospective, "retrospective");
        this.reportsDir = Objects.requireNonNull(reportsDir, "reportsDir");
        if (studyEveryWeeks < 1) {
            throw new IllegalArgumentException("retro.study.every.weeks must be at least 1, got " + studyEveryWeeks);
        }
        this.studyEveryWeeks = studyEveryWeeks;
    }

    /** Whether the run as of this date writes the study's files. */
    boolean writesStudy(LocalDate asOf) {
        return Math.floorMod(Math.floorDiv(asOf.toEpochDay() - 1, 7), studyEveryWeeks) == 0;
    }

    /** What one run produced. */
    record Outcome(RetroResult result, Path reports, List<ModelChange> toPublish) {
    }

    /** The folder of the run scheduled at this instant. */
    Path reports(Instant scheduled) {
        return reportsDir.resolve(RetroSchedule.asOf(scheduled).toString());
    }

    /** True when the run scheduled at this instant has finished before: its proposals are published. */
    boolean done(Instant scheduled) {
        return Files.exists(reports(scheduled).resolve(ProposalFiles.PROPOSALS));
    }

    /**
     * Marks a run done, once its proposals are published: writes its {@value ProposalFiles#PROPOSALS}
     * beside it first and moves it into place in one step, so a crash or a full disk mid-write
     * leaves the week not done (it runs again) rather than done with a cut file.
     */
    void finish(Outcome outcome, Instant scheduled) throws IOException {
        String partial = ProposalFiles.PROPOSALS + ".partial";
        ProposalFiles.write(outcome.result().proposals(), scheduled, outcome.reports(), partial);
        Files.move(outcome.reports().resolve(partial), outcome.reports().resolve(ProposalFiles.PROPOSALS),
                StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    Outcome run(Instant scheduled, TopicState state) throws IOException {
        List<PatternDefinition> library = state.library();
        RetroResult result = retrospective.run(state.book().dailyBars(), state::sectorOf, state.book(),
                library.isEmpty() ? SeedPatterns.all() : library, Optional.of(RetroSchedule.asOf(scheduled)));
        Path dir = reports(scheduled);
        String description = "Daily bars and scores read from the topics (" + state.book().tickers()
                + " tickers), as of " + result.windows().asOf();
        if (writesStudy(result.windows().asOf())) {
            RetroFiles.writeAll(result, description, dir);
        } else {
            RetroFiles.writeRetro(result, description, false, dir);
        }
        List<ModelChange> toPublish = new ArrayList<>();
        for (Proposal p : result.proposals()) {
            if (!state.known(p.id())) {
                toPublish.add(ChangeRecords.toAvro(p, scheduled, BetaPrior.UNIFORM));
            }
        }
        return new Outcome(result, dir, toPublish);
    }
}
