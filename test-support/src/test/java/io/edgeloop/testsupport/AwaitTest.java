package io.edgeloop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void shouldReturnAsSoonAsTheConditionHolds() {
        AtomicInteger polls = new AtomicInteger();

        Await.until(() -> polls.incrementAndGet() == 3, Duration.ofSeconds(5), () -> "never");

        assertThat(polls).hasValue(3);
    }

    @Test
    void shouldFailWithTheDiagnosticWhenTheConditionNeverHolds() {
        assertThatThrownBy(() -> Await.until(() -> false, Duration.ofMillis(120), () -> "saw 2 of 5 records"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("condition not met within PT0.12S: saw 2 of 5 records");
    }
}
