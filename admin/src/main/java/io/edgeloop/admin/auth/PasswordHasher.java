package io.edgeloop.admin.auth;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Password hashes for operator accounts: PBKDF2 with HMAC-SHA256 from the JDK (RFC 8018,
 * section 5.2), a random 16-byte salt per password and a 256-bit derived key, written as
 * <pre>pbkdf2-sha256$ITERATIONS$SALT$KEY</pre>
 * with salt and key in base64. New hashes use {@value #DEFAULT_ITERATIONS} iterations (the OWASP
 * Password Storage Cheat Sheet's figure for PBKDF2-HMAC-SHA256); a stored hash with fewer than
 * {@value #MIN_ITERATIONS} is refused as too weak. Verification compares in constant time.
 */
public final class PasswordHasher {

    /** Iterations of new hashes. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Fewest iterations a stored hash may have. */
    public static final int MIN_ITERATIONS = 100_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {
    }

    /** A new hash of {@code password} with {@link #DEFAULT_ITERATIONS}. */
    public static String hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    /** A new hash with the given iterations (at least {@link #MIN_ITERATIONS}). */
    public static String hash(char[] password, int iterations) {
        checkIterations(iterations);
        if (password.length == 0) {
            throw new IllegalArgumentException("the password must not be empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] key = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
    }

    /**
     * Checks that {@code encoded} is a hash this class can verify.
     *
     * @throws IllegalArgumentException naming what is wrong (scheme, iterations, salt, key)
     */
    public static void checkFormat(String encoded) {
        parse(encoded);
    }

    /** True when {@code password} matches {@code encoded}; constant time in the key comparison. */
    public static boolean verify(char[] password, String encoded) {
        Parsed p = parse(encoded);
        byte[] key = derive(password, p.salt, p.iterations);
        return MessageDigest.isEqual(key, p.key);
    }

    private record Parsed(int iterations, byte[] salt, byte[] key) {
    }

    private static Parsed parse(String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            throw new IllegalArgumentException("not a " + SCHEME + "$ITERATIONS$SALT$KEY hash");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iterations are not a number: '" + parts[1] + "'", e);
        }
        checkIterations(iterations);
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] key = Base64.getDecoder().decode(parts[3]);
            if (salt.length < SALT_BYTES || key.length != KEY_BITS / 8) {
                throw new IllegalArgumentException("salt must have at least " + SALT_BYTES + " bytes and the key "
                        + KEY_BITS / 8 + ", got " + salt.length + " and " + key.length);
            }
            return new Parsed(iterations, salt, key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad salt or key: " + e.getMessage(), e);
        }
    }

    private static void checkIterations(int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 needs at least " + MIN_ITERATIONS + " iterations, got "
                    + iterations);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
