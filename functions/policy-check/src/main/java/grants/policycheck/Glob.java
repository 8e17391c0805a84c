package grants.policycheck;

/**
 * IAM's wildcards, as in actions, resource ARNs and {@code StringLike}: {@code *} is any run of
 * characters (none included), {@code ?} exactly one; everything else is itself. So {@code ROUND#*}
 * matches {@code ROUND#r1} and {@code ROUND#}, but not {@code ROUNDS}.
 */
final class Glob {

    private Glob() {
    }

    static boolean matches(String pattern, String value) {
        return matches(pattern, 0, value, 0);
    }

    /** Actions are matched without regard to case (IAM does: {@code DynamoDB:getitem} is {@code dynamodb:GetItem}). */
    static boolean matchesIgnoringCase(String pattern, String value) {
        return matches(pattern.toLowerCase(java.util.Locale.ROOT), value.toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean matches(String pattern, int p, String value, int v) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int rest = v; rest <= value.length(); rest++) {
                    if (matches(pattern, p + 1, value, rest)) {
                        return true;
                    }
                }
                return false;
            }
            if (v >= value.length() || (c != '?' && c != value.charAt(v))) {
                return false;
            }
            p++;
            v++;
        }
        return v == value.length();
    }
}
