package io.edgeloop.admin.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The operators file, parsed again whenever its content changes (not its modification time or
 * size, which a rewrite can keep), so accounts can be added, removed or given a new password
 * without restarting the dashboard. A file that no longer parses fails closed: every login is
 * refused with the reason until it is fixed. Sessions keep the password hash they were opened
 * with ({@link Session#credential}), so a changed or removed entry ends them at their next request.
 */
public final class AccountsFile {

    private final Path file;
    /** SHA-256 of the content last parsed, or null before the first read and after a failed one. */
    private byte[] digest;
    private OperatorAccounts accounts;
    private IllegalArgumentException problem;

    public AccountsFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * First-run helper for the local stack: when {@code file} does not exist, creates it (readable
     * by its owner only, where the file system has POSIX permissions) with one OPERATOR account
     * {@code user} and a random 20-character password, and returns that password so it can be
     * shown once. Returns empty when the file exists already; never changes an existing file.
     */
    public static Optional<String> createIfMissing(Path file, String user) {
        if (Files.exists(file)) {
            return Optional.empty();
        }
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String line = new Operator(user, Role.OPERATOR).name() + ":" + PasswordHasher.hash(password.toString().toCharArray());
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, "# edgeloop operator accounts: NAME:HASH[:ROLE], hash from 'edgeloop admin hash-password'\n"
                    + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Optional.of(password.toString());
        } catch (FileAlreadyExistsException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the operators file " + file, e);
        }
    }

    /** The path. */
    public Path path() {
        return file;
    }

    /**
     * The accounts as the file holds them now. The file is read on every call (it is a few lines)
     * and parsed again only when its content changed, judged by the SHA-256 of its bytes, not by
     * its modification time or size: a rotated password has a hash of the same length, and a file
     * copied in place with its time preserved ({@code cp -p}, {@code rsync -a}, {@code tar}) or
     * written within a coarse timestamp's tick keeps both.
     *
     * @throws IllegalArgumentException when the file is missing, unreadable or has a bad line
     */
    public synchronized OperatorAccounts current() {
        byte[] content;
        try {
            content = OperatorAccounts.bytes(file);
        } catch (IllegalArgumentException e) {
            accounts = null;
            digest = null;
            throw e;
        }
        byte[] now = sha256(content);
        if (!Arrays.equals(now, digest)) {
            digest = now;
            try {
                accounts = OperatorAccounts.parse(content, file.toString());
                problem = null;
            } catch (IllegalArgumentException e) {
                accounts = null;
                problem = e;
            }
        }
        if (problem != null) {
            throw problem;
        }
        return accounts;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
