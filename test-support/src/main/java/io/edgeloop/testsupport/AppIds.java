package io.edgeloop.testsupport;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Builds Kafka {@code application.id}/{@code group.id} values that no other test uses. */
final class AppIds {

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final int MAX_TEST_PART = 40;

    private AppIds() {
    }

    /**
     * Returns {@code prefix-testname-xxxxxxxx}: the prefix as given, the test name reduced to the
     * characters Kafka allows in an id, and 8 random hex digits.
     */
    static String unique(String prefix, String testName) {
        if (prefix == null || !LEGAL.matcher(prefix).matches()) {
            throw new IllegalArgumentException("an app id prefix needs letters, digits, '.', '_' or '-' only, got '"
                    + prefix + "'");
        }
        String test = testName.replaceAll("[^a-zA-Z0-9._-]+", "_").replaceAll("^_+|_+$", "");
        if (test.length() > MAX_TEST_PART) {
            test = test.substring(0, MAX_TEST_PART);
        }
        String random = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        return test.isEmpty() ? prefix + "-" + random : prefix + "-" + test + "-" + random;
    }
}
