package io.edgeloop.admin.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing at the dashboard: after {@code maxFailures} wrong passwords in a
 * row for one account name, logins for that name are refused for {@code lockout} (whatever the
 * password), then one more try is allowed. A successful login clears the count. It tracks at
 * most {@value #MAX_TRACKED} names: when full, the names not locked out now are forgotten first,
 * so a stream of made-up names cannot grow it without bound.
 */
public final class LoginThrottle {

    /** Names tracked at most. */
    static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant lockedUntil) {
    }

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be >= 1, got " + maxFailures);
        }
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** Seconds until the name may try again; 0 when it may try now. */
    public long secondsLocked(String name) {
        Failures f = failures.get(key(name));
        Instant now = clock.instant();
        if (f == null || f.lockedUntil == null || !now.isBefore(f.lockedUntil)) {
            return 0;
        }
        return Math.max(1, (Duration.between(now, f.lockedUntil).toMillis() + 999) / 1000);
    }

    /** Records a wrong password for the name. */
    public void failed(String name) {
        if (failures.size() >= MAX_TRACKED && !failures.containsKey(key(name))) {
            Instant now = clock.instant();
            failures.values().removeIf(f -> f.lockedUntil == null || !now.isBefore(f.lockedUntil));
            if (failures.size() >= MAX_TRACKED) {
                return;
            }
        }
        failures.compute(key(name), (k, f) -> {
            int count = f == null ? 1 : f.count + 1;
            return new Failures(count, count >= maxFailures ? clock.instant().plus(lockout) : null);
        });
    }

    /** Names tracked now. */
    int tracked() {
        return failures.size();
    }

    /** Records a successful login. */
    public void succeeded(String name) {
        failures.remove(key(name));
    }

    private static String key(String name) {
        return name == null ? "" : name;
    }
}
