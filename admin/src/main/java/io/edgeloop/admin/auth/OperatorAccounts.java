package io.edgeloop.admin.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operator accounts, from a text file with one account a line:
 * <pre>
 * # comment
 * alice:pbkdf2-sha256$600000$SALT$KEY
 * bob:pbkdf2-sha256$600000$SALT$KEY:viewer
 * </pre>
 * name, password hash ({@link PasswordHasher}) and an optional role ({@code operator}, the
 * default, or {@code viewer}). Blank lines and lines starting with {@code #} are ignored. A bad
 * line (unknown role, weak or malformed hash, duplicate name) fails the whole file with its line
 * number: an operator must not be silently locked out or let in.
 *
 * <p>{@link #authenticate} spends the same PBKDF2 work for an unknown name as for a known one
 * (it checks the password against the first account's hash and throws the answer away), so the
 * answer time does not tell which names exist.
 */
public final class OperatorAccounts {

    private record Account(Operator operator, String hash) {
    }

    private final Map<String, Account> accounts;

    private OperatorAccounts(Map<String, Account> accounts) {
        this.accounts = Collections.unmodifiableMap(accounts);
    }

    /**
     * Reads the accounts file.
     *
     * @throws IllegalArgumentException for a missing or unreadable file and for any bad line
     */
    public static OperatorAccounts read(Path file) {
        return parse(bytes(file), file.toString());
    }

    /**
     * The accounts file's bytes, as {@link #parse(byte[], String)} takes them.
     *
     * @throws IllegalArgumentException for a missing or unreadable file
     */
    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no operators file at " + file
                    + "; create one with lines NAME:HASH from 'edgeloop admin hash-password --user NAME'", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the operators file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the accounts file's content (UTF-8); {@code source} names it in error messages.
     *
     * @throws IllegalArgumentException for content that is not UTF-8 and for any bad line
     */
    static OperatorAccounts parse(byte[] content, String source) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("cannot read the operators file " + source + ": not UTF-8 text", e);
        }
        return parse(text.lines().toList(), source);
    }

    /** Parses account lines; {@code source} names them in error messages. */
    public static OperatorAccounts parse(List<String> lines, String source) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                Account account = account(line);
                if (accounts.putIfAbsent(account.operator.name(), account) != null) {
                    problems.add("line " + (i + 1) + ": operator " + account.operator.name() + " is listed twice");
                }
            } catch (IllegalArgumentException e) {
                problems.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("bad operators file " + source + ":\n  - " + String.join("\n  - ", problems));
        }
        return new OperatorAccounts(accounts);
    }

    private static Account account(String line) {
        String[] parts = line.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("expected NAME:HASH or NAME:HASH:ROLE");
        }
        Role role = Role.OPERATOR;
        if (parts.length == 3) {
            try {
                role = Role.valueOf(parts[2].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown role '" + parts[2] + "' (operator or viewer)", e);
            }
        }
        Operator operator = new Operator(parts[0].strip(), role);
        String hash = parts[1].strip();
        try {
            PasswordHasher.checkFormat(hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("operator " + operator.name() + ": " + e.getMessage(), e);
        }
        return new Account(operator, hash);
    }

    /** The operator when the name exists and the password matches. */
    public Optional<Operator> authenticate(String name, char[] password) {
        Account account = name == null ? null : accounts.get(name);
        if (account == null || password == null || password.length == 0) {
            accounts.values().stream().findFirst()
                    .ifPresent(any -> PasswordHasher.verify("not-the-password".toCharArray(), any.hash));
            return Optional.empty();
        }
        return PasswordHasher.verify(password, account.hash) ? Optional.of(account.operator) : Optional.empty();
    }

    /**
     * The operator of a session as this file describes them now: empty when the name is no
     * longer listed or its password hash is no longer {@code credential}; else the operator
     * with the role the file gives now.
     */
    public Optional<Operator> current(String name, String credential) {
        Account account = accounts.get(name);
        return account != null && account.hash.equals(credential) ? Optional.of(account.operator) : Optional.empty();
    }

    /** The password hash of a listed operator (what a session keeps as its {@link Session#credential}). */
    public Optional<String> credential(String name) {
        return Optional.ofNullable(accounts.get(name)).map(Account::hash);
    }

    /** The operator, or an {@link AuthenticationException} that does not say whether the name exists. */
    public Operator require(String name, char[] password) {
        return authenticate(name, password)
                .orElseThrow(() -> new AuthenticationException("unknown operator or wrong password"));
    }

    /** How many accounts there are. */
    public int size() {
        return accounts.size();
    }
}
