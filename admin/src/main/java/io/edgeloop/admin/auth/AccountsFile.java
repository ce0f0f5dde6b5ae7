package io.edgeloop.admin.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * The operators file, re-read when it changes (modification time or size), so accounts can be
 * added or removed without restarting the dashboard. A file that no longer parses fails closed:
 * every login is refused with the reason until it is fixed.
 */
public final class AccountsFile {

    private final Path file;
    private FileTime modified;
    private long size = -1;
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
     * The accounts as the file holds them now.
     *
     * @throws IllegalArgumentException when the file is missing or has a bad line
     */
    public synchronized OperatorAccounts current() {
        FileTime m;
        long s;
        try {
            m = Files.getLastModifiedTime(file);
            s = Files.size(file);
        } catch (IOException e) {
            accounts = null;
            modified = null;
            return OperatorAccounts.read(file);
        }
        if (!m.equals(modified) || s != size) {
            modified = m;
            size = s;
            try {
                accounts = OperatorAccounts.read(file);
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
}
