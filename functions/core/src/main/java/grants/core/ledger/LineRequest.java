package grants.core.ledger;

import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import grants.core.calendar.FinancialYear;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A manager setting a budget line: new ({@code revision} 0) or changed over the revision they read.
 * Checked whole: every bad field is named.
 */
public record LineRequest(String scope, String year, String lineId, String title, String source, long budgetPence,
                          Set<Spend> pays, Optional<String> ringFence, boolean inKind, long revision) {

    FinancialYear checkedYear() {
        List<Problem> problems = new ArrayList<>();
        Optional<FinancialYear> parsed = FinancialYear.parse(year);
        if (parsed.isEmpty()) {
            problems.add(new Problem("year", "must be a financial year such as 2007-08"));
        }
        if (lineId == null || !lineId.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            problems.add(new Problem("lineId", "must be lower-case letters, digits and hyphens, at most 64"));
        }
        if (title == null || title.isBlank()) {
            problems.add(new Problem("title", "is required"));
        }
        if (source == null || source.isBlank()) {
            problems.add(new Problem("source", "is required (Core, Regional Development Agency, ...)"));
        }
        if (budgetPence < 0) {
            problems.add(new Problem("budget", "must not be negative"));
        }
        if (pays == null || pays.isEmpty()) {
            problems.add(new Problem("pays", "must name at least one kind of spending"));
        }
        if (ringFence.filter(String::isBlank).isPresent()) {
            problems.add(new Problem("ringFence", "must name a topic, or be left out"));
        }
        if (revision < 0) {
            problems.add(new Problem("revision", "must not be negative"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The budget line has " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s"), problems);
        }
        return parsed.orElseThrow();
    }
}
