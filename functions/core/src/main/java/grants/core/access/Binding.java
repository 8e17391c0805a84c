package grants.core.access;

import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one signed-in person (their user pool {@code sub}) is bound to in one programme or round
 * ({@code scope}; {@link Actor#EVERY_PROGRAMME} for all of them): the name the audit trail shows
 * for them, and the record that is their own there (a partnership, an adviser record, a board,
 * panel or sub-group person id, an organisation). Written by a programme manager, never by the
 * person: the user pool's attributes, which people can edit, are not read.
 */
public record Binding(String subject, String scope, String name, Optional<String> partnershipId,
                      Optional<String> adviserId, Optional<String> personId, Optional<String> organisationId) {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9_.:@+-]{1,128}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern SCOPE = Pattern.compile("\\*|[A-Za-z0-9_.-]{1,100}");
    /** One line of ordinary text: no control, format (bidi overrides, zero-width) or separator characters. */
    private static final Pattern NAME = Pattern.compile("[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]{1,200}");

    public Binding {
        List<Problem> problems = new ArrayList<>();
        check(problems, "subject", subject, SUBJECT, "must be the person's user pool sub");
        check(problems, "scope", scope, SCOPE, "must be a programme or round id, or * for every one");
        if (name == null || name.isBlank() || !NAME.matcher(name).matches()) {
            problems.add(new Problem("name", "is required: one line of at most 200 characters"));
        }
        for (var id : List.of(new Object[]{"partnershipId", partnershipId}, new Object[]{"adviserId", adviserId},
                new Object[]{"personId", personId}, new Object[]{"organisationId", organisationId})) {
            @SuppressWarnings("unchecked") Optional<String> value = (Optional<String>) id[1];
            if (value == null) {
                problems.add(new Problem((String) id[0], "must not be null"));
            } else {
                value.filter(v -> !ID.matcher(v).matches()).ifPresent(v -> problems.add(
                        new Problem((String) id[0], "must be 1 to 100 of A-Z a-z 0-9 _ . -")));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The binding was refused: " + problems.size() + " problem(s).", problems);
        }
    }

    private static void check(List<Problem> problems, String field, String value, Pattern pattern, String problem) {
        if (value == null || !pattern.matcher(value).matches()) {
            problems.add(new Problem(field, problem));
        }
    }

    /** Whether it binds in every programme and round. */
    public boolean everywhere() {
        return Actor.EVERY_PROGRAMME.equals(scope);
    }
}
