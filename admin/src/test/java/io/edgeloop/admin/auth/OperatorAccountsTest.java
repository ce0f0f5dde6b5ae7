package io.edgeloop.admin.auth;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorAccountsTest {

    private static String aliceHash;
    private static String bobHash;

    @BeforeAll
    static void hashes() {
        aliceHash = PasswordHasher.hash("alice-secret".toCharArray(), PasswordHasher.MIN_ITERATIONS);
        bobHash = PasswordHasher.hash("bob-secret".toCharArray(), PasswordHasher.MIN_ITERATIONS);
    }

    @Test
    void shouldReadAccountsWithRolesAndSkipCommentsAndBlankLines() {
        OperatorAccounts accounts = OperatorAccounts.parse(List.of("# operators", "", "alice:" + aliceHash,
                "bob:" + bobHash + ":viewer"), "test");
        assertThat(accounts.size()).isEqualTo(2);
        assertThat(accounts.authenticate("alice", "alice-secret".toCharArray()))
                .contains(new Operator("alice", Role.OPERATOR));
        assertThat(accounts.authenticate("bob", "bob-secret".toCharArray())).contains(new Operator("bob", Role.VIEWER));
    }

    @Test
    void shouldRefuseAWrongPasswordAnUnknownNameAndAnEmptyPasswordAlike() {
        OperatorAccounts accounts = OperatorAccounts.parse(List.of("alice:" + aliceHash), "test");
        assertThat(accounts.authenticate("alice", "bob-secret".toCharArray())).isEmpty();
        assertThat(accounts.authenticate("mallory", "alice-secret".toCharArray())).isEmpty();
        assertThat(accounts.authenticate("alice", new char[0])).isEmpty();
        assertThatThrownBy(() -> accounts.require("alice", "nope".toCharArray()))
                .isInstanceOf(AuthenticationException.class).hasMessage("unknown operator or wrong password");
        assertThatThrownBy(() -> accounts.require("mallory", "nope".toCharArray()))
                .hasMessage("unknown operator or wrong password");
    }

    @Test
    void shouldFailTheWholeFileWithLineNumbersForBadLines() {
        assertThatThrownBy(() -> OperatorAccounts.parse(List.of("alice:" + aliceHash, "alice:" + bobHash,
                "carol:" + aliceHash + ":admin", "Dave:" + aliceHash, "erin:pbkdf2-sha256$5$x$y", "frank"), "ops.txt"))
                .hasMessageContaining("bad operators file ops.txt")
                .hasMessageContaining("line 2: operator alice is listed twice")
                .hasMessageContaining("line 3: unknown role 'admin'")
                .hasMessageContaining("line 4: operator name must match")
                .hasMessageContaining("line 5: operator erin: PBKDF2 needs at least 100000 iterations")
                .hasMessageContaining("line 6: expected NAME:HASH");
    }

    @Test
    void shouldNameTheHelperWhenTheFileIsMissing(@TempDir Path dir) {
        assertThatThrownBy(() -> OperatorAccounts.read(dir.resolve("operators")))
                .hasMessageContaining("no operators file at").hasMessageContaining("edgeloop admin hash-password");
    }

    @Test
    void shouldCreateAFirstOperatorOnceWithAPasswordThatWorks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("conf/operators");
        String password = AccountsFile.createIfMissing(file, "admin").orElseThrow();
        assertThat(password).hasSize(20);
        assertThat(AccountsFile.createIfMissing(file, "other")).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(OperatorAccounts.read(file).authenticate("admin", password.toCharArray()))
                .contains(new Operator("admin", Role.OPERATOR));
    }

    @Test
    void shouldReloadTheFileWhenItChangesAndFailClosedWhenItBreaks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("operators");
        Files.writeString(file, "alice:" + aliceHash + "\n");
        AccountsFile accounts = new AccountsFile(file);
        assertThat(accounts.current().authenticate("bob", "bob-secret".toCharArray())).isEmpty();
        Files.writeString(file, "alice:" + aliceHash + "\nbob:" + bobHash + "\n");
        assertThat(accounts.current().authenticate("bob", "bob-secret".toCharArray())).isPresent();
        Files.writeString(file, "alice:" + aliceHash + "\nbob:broken-hash-that-is-longer\n");
        assertThatThrownBy(accounts::current).hasMessageContaining("line 2");
    }
}
