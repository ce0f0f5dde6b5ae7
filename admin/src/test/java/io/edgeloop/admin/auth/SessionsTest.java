package io.edgeloop.admin.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SessionsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-04-17T14:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final Operator alice = new Operator("alice", Role.OPERATOR);

    @Test
    void shouldFindASessionUntilItsTimeToLiveEnds() {
        Sessions sessions = new Sessions(Duration.ofHours(8), clock);
        Session session = sessions.open(alice, "hash");
        assertThat(session.id()).hasSize(43).isNotEqualTo(session.csrfToken());
        now.set(now.get().plus(Duration.ofHours(8)).minusSeconds(1));
        assertThat(sessions.find(session.id())).contains(session);
        now.set(now.get().plusSeconds(1));
        assertThat(sessions.find(session.id())).isEmpty();
    }

    @Test
    void shouldForgetAClosedSessionAndUnknownIds() {
        Sessions sessions = new Sessions(Duration.ofHours(1), clock);
        Session session = sessions.open(alice, "hash");
        sessions.close(session.id());
        assertThat(sessions.find(session.id())).isEmpty();
        assertThat(sessions.find("made-up")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void shouldMatchOnlyTheSessionsOwnCsrfToken() {
        Sessions sessions = new Sessions(Duration.ofHours(1), clock);
        Session one = sessions.open(alice, "hash");
        Session two = sessions.open(alice, "hash");
        assertThat(Sessions.csrfMatches(one, one.csrfToken())).isTrue();
        assertThat(Sessions.csrfMatches(one, two.csrfToken())).isFalse();
        assertThat(Sessions.csrfMatches(one, null)).isFalse();
    }

    @Test
    void shouldLockANameOutAfterRepeatedFailuresAndLetItTryAgainLater() {
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(60), clock);
        throttle.failed("alice");
        throttle.failed("alice");
        assertThat(throttle.secondsLocked("alice")).isZero();
        throttle.failed("alice");
        assertThat(throttle.secondsLocked("alice")).isEqualTo(60);
        assertThat(throttle.secondsLocked("bob")).isZero();
        now.set(now.get().plusSeconds(60));
        assertThat(throttle.secondsLocked("alice")).isZero();
        throttle.failed("alice");
        assertThat(throttle.secondsLocked("alice")).isEqualTo(60);
        now.set(now.get().plusSeconds(61));
        throttle.succeeded("alice");
        throttle.failed("alice");
        assertThat(throttle.secondsLocked("alice")).isZero();
    }

    @Test
    void shouldTrackABoundedNumberOfNamesAndKeepThoseLockedOut() {
        LoginThrottle throttle = new LoginThrottle(1, Duration.ofSeconds(60), clock);
        throttle.failed("alice");
        for (int i = 0; i < LoginThrottle.MAX_TRACKED + 500; i++) {
            now.set(now.get().plusSeconds(1));
            throttle.failed("made-up-" + i);
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(LoginThrottle.MAX_TRACKED);
        assertThat(throttle.secondsLocked("made-up-" + (LoginThrottle.MAX_TRACKED + 499))).as("a name locked out now")
                .isEqualTo(60);
    }
}
