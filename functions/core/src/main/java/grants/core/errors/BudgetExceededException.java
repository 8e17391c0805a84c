package grants.core.errors;

import java.util.List;

/** Rule R9: the base grants add up to more than the programme's budget, so the run is refused. */
public class BudgetExceededException extends GrantsException {

    public BudgetExceededException(String message) {
        super("BUDGET_EXCEEDED", message, List.of(new Problem("grantBudget", message)));
    }
}
