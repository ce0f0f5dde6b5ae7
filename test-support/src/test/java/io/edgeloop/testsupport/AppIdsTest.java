package io.edgeloop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AppIdsTest {

    @Test
    void shouldBuildAnIdFromPrefixTestNameAndRandomSuffix() {
        assertThat(AppIds.unique("scores", "shouldEmitScore")).matches("scores-shouldEmitScore-[0-9a-f]{8}");
    }

    @Test
    void shouldGiveADifferentIdOnEveryCall() {
        assertThat(AppIds.unique("app", "t")).isNotEqualTo(AppIds.unique("app", "t"));
    }

    @Test
    void shouldReplaceCharactersKafkaDoesNotAllowInTheTestName() {
        assertThat(AppIds.unique("app", "[1] ticker=SPY, tf=1h")).matches("app-1_ticker_SPY_tf_1h-[0-9a-f]{8}");
    }

    @Test
    void shouldRejectAPrefixWithIllegalCharacters() {
        assertThatThrownBy(() -> AppIds.unique("my app", "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'my app'");
    }
}
