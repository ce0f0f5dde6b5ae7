package io.edgeloop.retro;

import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.config.ConfigException;
import io.edgeloop.core.config.Option;
import io.edgeloop.core.retro.RetroConfig;
import io.edgeloop.core.retro.RetroSchedule;
import io.edgeloop.core.stats.FdrMethod;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetroOptionsTest {

    private static AppConfig resolve(Map<String, String> env, String... flags) {
        return AppConfig.resolve(RetroOptions.all(), new Properties(), env, List.of(flags));
    }

    @Test
    void shouldDefaultToTheDesignsRetrospective() {
        AppConfig c = resolve(Map.of());

        assertThat(RetroOptions.from(c).config()).isEqualTo(RetroConfig.defaults());
        assertThat(c.get(RetroOptions.SCHEDULE)).isEqualTo(RetroSchedule.DEFAULT);
        assertThat(c.get(RetroOptions.CLOCK)).isEqualTo("data");
        assertThat(RetroOptions.defaults().asOf()).isEmpty();
        assertThat(RetroOptions.all()).allSatisfy(o -> assertThat(o.doc()).isNotBlank());
    }

    @Test
    void shouldTakeSettingsFromTheEnvironmentAndFlags() {
        AppConfig c = resolve(Map.of("APP_RETRO_LOOKBACK", "120d", "APP_RETRO_FDR_METHOD", "by"),
                "retro.recent=40d", "retro.as.of=2020-03-31", "retro.schedule=sat 06:00", "retro.clock=wall");
        RetroOptions o = RetroOptions.from(c);

        assertThat(o.config().lookbackDays()).isEqualTo(120);
        assertThat(o.config().recentDays()).isEqualTo(40);
        assertThat(o.config().fdrMethod()).isEqualTo(FdrMethod.BENJAMINI_YEKUTIELI);
        assertThat(o.asOf()).contains(LocalDate.of(2020, 3, 31));
        assertThat(c.get(RetroOptions.SCHEDULE).day()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(o.withLookback(Duration.ofDays(60)).config().lookbackDays()).isEqualTo(60);
    }

    @Test
    void shouldRefuseBadValuesWithTheOptionsName() {
        assertThatThrownBy(() -> resolve(Map.of(), "retro.fdr.method=holm")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("retro.fdr.method: FDR method must be BH or BY");
        assertThatThrownBy(() -> resolve(Map.of(), "retro.clock=sundial")).hasMessageContaining("'data' or 'wall'");
        assertThatThrownBy(() -> RetroOptions.from(resolve(Map.of(), "retro.lookback=36h")))
                .hasMessageContaining("retro.lookback must be a positive number of whole days");
        assertThatThrownBy(() -> RetroOptions.from(resolve(Map.of(), "retro.as.of=31.03.2020")))
                .hasMessageContaining("retro.as.of must be a date YYYY-MM-DD");
        assertThatThrownBy(() -> RetroOptions.keepDays(resolve(Map.of(), "retro.keep.days=364"), 90))
                .hasMessageContaining("retro.keep.days is 364: keep at least 365 (the lookback of 90 days plus a month,"
                        + " and the 365 days of volume the miner's liquidity rule reads)");
        assertThat(RetroOptions.keepDays(resolve(Map.of(), "retro.keep.days=365"), 90)).isEqualTo(365);
        assertThatThrownBy(() -> RetroOptions.keepDays(resolve(Map.of(), "retro.keep.days=400"), 380))
                .hasMessageContaining("keep at least 410 (the lookback of 380 days plus a month");
        Option<?> unknownCheck = RetroOptions.LOOKBACK;
        assertThat(unknownCheck.envName()).isEqualTo("APP_RETRO_LOOKBACK");
    }
}
