package grants.core.ledger;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.calendar.FinancialYear;
import grants.core.errors.InvalidInputException;

/**
 * Who may do what with a programme's or round's money, bound there: managers set lines and ask for
 * overspends; finance adjusts and reads everything; a second manager or finance approves an
 * overspend; board members (the Steering Group) read the statement; auditors read the ledger.
 */
public final class LedgerAccess {

    private LedgerAccess() {
    }

    static void requireManager(Actor actor, String scope) {
        require(actor, scope, "set budget lines", Role.PROGRAMME_MANAGER);
    }

    static void requireFinance(Actor actor, String scope) {
        require(actor, scope, "adjust the ledger", Role.FINANCE_OFFICER);
    }

    static void requireManagerOrFinance(Actor actor, String scope) {
        require(actor, scope, "approve an overspend", Role.PROGRAMME_MANAGER, Role.FINANCE_OFFICER);
    }

    /** Also who may read where a round's money goes ({@code grants.core.moneymap}). */
    public static void requireStatementReader(Actor actor, String scope) {
        require(actor, scope, "read the budget statement", Role.PROGRAMME_MANAGER, Role.FINANCE_OFFICER,
                Role.BOARD_MEMBER, Role.AUDITOR);
    }

    static void requireLedgerReader(Actor actor, String scope) {
        require(actor, scope, "read the ledger", Role.PROGRAMME_MANAGER, Role.FINANCE_OFFICER, Role.AUDITOR);
    }

    static FinancialYear year(String text) {
        return FinancialYear.parse(text)
                .orElseThrow(() -> InvalidInputException.of("year", "must be a financial year such as 2007-08"));
    }

    private static void require(Actor actor, String scope, String what, Role... allowed) {
        if (!actor.worksOn(scope)) {
            throw new ForbiddenException("You are not bound to " + scope + ", so you cannot " + what + " there.");
        }
        for (Role role : allowed) {
            if (actor.has(role)) {
                return;
            }
        }
        throw new ForbiddenException("Your role does not let you " + what + " of " + scope + ".");
    }
}
