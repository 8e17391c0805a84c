package grants.core.governance;

/**
 * How a partnership holds itself to account (the book's {@code settings}): an action this many
 * working days overdue is escalated (G6), and a recommendation is answered within this many working
 * days of its meeting (G7). Both are whole numbers of at least 1.
 */
public record GovernanceSettings(int escalationWorkingDays, int responseDueWorkingDays) {

    /** What the live system holds a partnership to: escalated at 20 working days overdue, answered within 40. */
    public static final GovernanceSettings STANDARD = new GovernanceSettings(20, 40);

    public GovernanceSettings {
        if (escalationWorkingDays < 1 || responseDueWorkingDays < 1) {
            throw new IllegalArgumentException("governance settings are whole numbers of at least 1");
        }
    }
}
