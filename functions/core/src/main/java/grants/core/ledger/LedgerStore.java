package grants.core.ledger;

import grants.core.audit.AuditEntry;
import grants.core.calendar.FinancialYear;
import grants.core.money.Money;

import java.util.List;
import java.util.Optional;

/**
 * Where budget lines and the ledger are kept (outbound port). Every write is one {@link Change},
 * written whole or not at all: each line only over the version it was read at (a new one at version
 * 1 only where none is), each entry only under an id no entry has, with its audit entry if it has one.
 */
public interface LedgerStore {

    /** What one write changes: lines at their new versions, entries new, an overspend request, its audit entry. */
    record Change(List<BudgetLine> lines, List<Entry> entries, Optional<OverspendRequest> overspend,
                  Optional<AuditEntry> audit) {

        /** A change that writes nothing to the ledger (a booking of a programme that keeps no ledger for its year). */
        public static final Change NOTHING = new Change(List.of(), List.of(), Optional.empty(), Optional.empty());

        public Change {
            lines = List.copyOf(lines);
            entries = List.copyOf(entries);
        }

        /** What an audit entry says of this money: "; £900.00 committed to Core: Adviser days, 2007-08"; "" if none. */
        public String inWords(String verb) {
            return entries.isEmpty() || lines.isEmpty() ? ""
                    : "; " + Money.pounds(entries.get(0).amountPence()) + " " + verb + " "
                    + lines.get(0).name();
        }
    }

    /** Every line of a programme or round, every year. */
    List<BudgetLine> lines(String scope);

    Optional<BudgetLine> line(String scope, FinancialYear year, String lineId);

    Optional<Entry> entry(String scope, String entryId);

    /** Every entry of a programme or round, in the order written. */
    List<Entry> entries(String scope);

    Optional<OverspendRequest> overspendRequest(String scope, String requestId);

    /** True if written; false, writing nothing, if a line moved on since it was read or an entry's id is taken. */
    boolean apply(Change change);
}
