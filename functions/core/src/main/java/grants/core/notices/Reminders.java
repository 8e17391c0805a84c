package grants.core.notices;

import java.util.Optional;

/**
 * Where a REMINDER notice's email comes from (outbound port): monitoring's ledger, or reporting's
 * figure reminders, which only the daily run writes. The letter names only the recipients the ledger row holds, so a notice naming
 * anyone else is refused; none when the ledger has no such reminder sent.
 */
public interface Reminders {

    Optional<Letter> letter(String reminderId);

    /** The letter of the first source that has the reminder: monitoring's ledger, then reporting's. */
    static Reminders firstOf(Reminders... sources) {
        return reminderId -> java.util.Arrays.stream(sources).map(source -> source.letter(reminderId))
                .flatMap(Optional::stream).findFirst();
    }

    /** For a function that sends no reminders: every REMINDER notice is refused. */
    Reminders NONE = reminderId -> Optional.empty();
}
