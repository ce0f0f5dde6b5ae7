package io.edgeloop.retro;

import io.edgeloop.core.retro.RetroConfig;
import io.edgeloop.core.retro.Retrospective;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetroRunnerTest {

    private static RetroRunner everyWeeks(int weeks) {
        return new RetroRunner(Retrospective.defaults(RetroConfig.defaults()), Path.of("reports"), weeks);
    }

    @Test
    void shouldWriteTheStudyWithOneWeekInNCountedFromTheFirstFridayOf1970() {
        RetroRunner monthly = everyWeeks(4);
        LocalDate first = LocalDate.of(1970, 1, 2);

        assertThat(monthly.writesStudy(first)).isTrue();
        assertThat(monthly.writesStudy(first.plusWeeks(1))).isFalse();
        assertThat(monthly.writesStudy(first.plusWeeks(4))).isTrue();
        assertThat(monthly.writesStudy(first.minusWeeks(4))).as("before 1970").isTrue();
        LocalDate friday = LocalDate.of(2026, 7, 10);
        assertThat(IntStream.range(0, 52).filter(w -> monthly.writesStudy(friday.plusWeeks(w)))).hasSize(13);
        assertThat(IntStream.range(0, 52).allMatch(w -> everyWeeks(1).writesStudy(friday.plusWeeks(w)))).isTrue();
    }

    @Test
    void shouldRefuseACadenceBelowOneWeek() {
        assertThatThrownBy(() -> everyWeeks(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retro.study.every.weeks must be at least 1, got 0");
    }
}
