package io.edgeloop.core.rules;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Nearest-name suggestions for misspelt field and category names (Levenshtein distance). */
final class Suggestions {

    private static final int MAX_SUGGESTIONS = 3;

    private Suggestions() {
    }

    /**
     * Up to three candidates closest to {@code name}: those at the smallest edit distance, when
     * it is at most max(2, length / 3); otherwise those containing or contained in the name.
     */
    static List<String> nearest(String name, Collection<String> candidates) {
        String n = name.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, n.length() / 3);
        int best = candidates.stream().mapToInt(c -> distance(n, c.toLowerCase(Locale.ROOT))).min().orElse(Integer.MAX_VALUE);
        if (best <= limit) {
            return candidates.stream().filter(c -> distance(n, c.toLowerCase(Locale.ROOT)) == best)
                    .sorted().limit(MAX_SUGGESTIONS).toList();
        }
        return candidates.stream()
                .filter(c -> !n.isEmpty() && (c.toLowerCase(Locale.ROOT).contains(n) || n.contains(c.toLowerCase(Locale.ROOT))))
                .sorted(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    /** " (did you mean a, b?)" or the empty string. */
    static String hint(String name, Collection<String> candidates) {
        List<String> near = nearest(name, candidates);
        return near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)";
    }

    /** Levenshtein edit distance (insertions, deletions, substitutions; Levenshtein 1966). */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
