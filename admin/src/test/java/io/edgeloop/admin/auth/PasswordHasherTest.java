package io.edgeloop.admin.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHasherTest {

    private static final int FAST = PasswordHasher.MIN_ITERATIONS;

    @Test
    void shouldVerifyTheRightPasswordAndRefuseAWrongOne() {
        String hash = PasswordHasher.hash("correct horse".toCharArray(), FAST);
        assertThat(PasswordHasher.verify("correct horse".toCharArray(), hash)).isTrue();
        assertThat(PasswordHasher.verify("correct hors".toCharArray(), hash)).isFalse();
        assertThat(PasswordHasher.verify("".toCharArray(), hash)).isFalse();
    }

    @Test
    void shouldSaltEveryHashSoEqualPasswordsDiffer() {
        String a = PasswordHasher.hash("same password".toCharArray(), FAST);
        String b = PasswordHasher.hash("same password".toCharArray(), FAST);
        assertThat(a).isNotEqualTo(b).startsWith("pbkdf2-sha256$" + FAST + "$");
        assertThat(a.split("\\$")).hasSize(4);
    }

    @Test
    void shouldUseTheOwaspIterationCountByDefault() {
        assertThat(PasswordHasher.DEFAULT_ITERATIONS).isGreaterThanOrEqualTo(600_000);
        assertThat(PasswordHasher.hash("pw".toCharArray())).startsWith("pbkdf2-sha256$600000$");
    }

    @Test
    void shouldRefuseWeakOrMalformedHashes() {
        assertThatThrownBy(() -> PasswordHasher.hash("pw".toCharArray(), 1000))
                .hasMessageContaining("at least 100000 iterations");
        assertThatThrownBy(() -> PasswordHasher.checkFormat("pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA$a2V5"))
                .hasMessageContaining("at least 100000 iterations");
        assertThatThrownBy(() -> PasswordHasher.checkFormat("sha1$abc")).hasMessageContaining("pbkdf2-sha256$ITERATIONS$SALT$KEY");
        assertThatThrownBy(() -> PasswordHasher.checkFormat("pbkdf2-sha256$100000$c2FsdA$a2V5")).hasMessageContaining("salt");
        assertThatThrownBy(() -> PasswordHasher.hash(new char[0], FAST)).hasMessageContaining("empty");
    }
}
