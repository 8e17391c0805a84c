package grants.core.governance;

import java.time.LocalDate;

/**
 * G4, "Is your action plan SMART?": an action has an owner, says how its completion will be shown,
 * and is due after the day it is decided (a meeting, or the answer that made it).
 */
final class Smart {

    private Smart() {
    }

    static boolean isSmart(String owner, String criterion, LocalDate due, LocalDate decidedOn) {
        return owner != null && !owner.isBlank() && criterion != null && !criterion.isBlank()
                && due != null && due.isAfter(decidedOn);
    }

    static boolean isSmart(ActionRecord action, LocalDate decidedOn) {
        return isSmart(action.owner(), action.criterion(), action.originalDue(), decidedOn);
    }
}
