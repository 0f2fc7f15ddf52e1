package dev.descent.experiments.batch;

import java.util.List;
import java.util.Locale;

/** "Did you mean ...?" for misspelt field names: the valid name within a small edit distance, if exactly one is. */
final class Spelling {
    /** Two edits catch a swapped pair of letters ("netwrok") or one missing and one wrong. */
    private static final int MAX_EDITS = 2;

    private Spelling() {
    }

    /** The unique valid name at the smallest edit distance ≤ {@value #MAX_EDITS}, or null. */
    static String nearest(String name, List<String> valid) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        boolean tie = false;
        for (String candidate : valid) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions, each one edit. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
