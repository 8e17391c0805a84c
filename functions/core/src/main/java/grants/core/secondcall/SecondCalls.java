package grants.core.secondcall;

import grants.core.access.Actor;
import grants.core.access.Binding;
import grants.core.access.BindingStore;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditLog;
import grants.core.calendar.FinancialYear;
import grants.core.commissioning.Fund;
import grants.core.commissioning.RoundSetup;
import grants.core.commissioning.Specification;
import grants.core.errors.ConflictException;
import grants.core.errors.NotFoundException;
import grants.core.ledger.BudgetStatement;
import grants.core.ledger.Entry;
import grants.core.ledger.LedgerService;
import grants.core.money.Money;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.RoundService;
import grants.core.rounds.Stage;
import grants.core.text.InWords;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A published round's manager opens a second call within the same fund for the money left unawarded.
 * Three writes, each safe to repeat, in an order that lets a retry finish what a crash left: the first
 * round's staff bound in the second call (the system's act, derived from their bindings), the second
 * call set up (its fund the money left a year, from the fund's first financial year not yet begun, so no
 * instalment falls due in a year gone: rule C11), then the ledger's money carried to it. Opened again,
 * with nothing left to carry, it answers the second call as it is, changing nothing. {@link #preview} says
 * what opening now would do, for the same people, writing nothing.
 */
public final class SecondCalls {

    private final RoundService rounds;
    private final LedgerService ledger;
    private final BindingStore bindings;
    private final AuditLog audit;
    private final Clock clock;

    public SecondCalls(RoundService rounds, LedgerService ledger, BindingStore bindings, AuditLog audit, Clock clock) {
        this.rounds = rounds;
        this.ledger = ledger;
        this.bindings = bindings;
        this.audit = audit;
        this.clock = clock;
    }

    public SecondCall open(Actor manager, String roundId) {
        Plan plan = plan(manager, roundId, "open");
        if (!plan.waiting().isEmpty()) {
            throw new ConflictException("SPECIFICATIONS_WAITING", specificationsWaiting(plan.waiting()));
        }
        if (plan.open().isPresent() && !plan.moneyLeft()) {
            return new SecondCall(plan.open().get(), List.of(), pastYears(plan.years()), true);
        }
        if (plan.open().isEmpty() && plan.annual() <= 0) {
            throw new ConflictException("NOTHING_UNAWARDED", nothingUnawarded(roundId));
        }
        String secondId = plan.secondId();
        bindStaff(manager, roundId, secondId);
        RoundHeader second = plan.open().orElseGet(() -> rounds.setUp(manager, setUp(plan.first().setup(), secondId,
                plan.fund())));
        Actor inBoth = new Actor(manager.subject(), manager.email(), manager.roles(), Optional.empty(), Optional.empty(),
                Set.of(roundId, secondId));
        List<Entry> carried = ledger.carryForward(inBoth, roundId, secondId);
        audit.record(manager, roundId, "SECOND_CALL_OPENED", "round " + secondId, null, "a second call for "
                + Money.pounds(second.setup().fund().annualPence()) + " a year from " + second.setup().fund().firstYear()
                + ", " + carried.size() / 2 + " line(s) of money left carried to it");
        return new SecondCall(second, carried, pastYears(plan.years()), false);
    }

    /**
     * What {@link #open} would do now, for the same people and refusals (not a manager of the round, no such round,
     * not published), writing nothing: the second call's fund and each year's money left that it would carry, or
     * that it is open already, or that nothing is left for one.
     */
    public SecondCallPreview preview(Actor manager, String roundId) {
        Plan plan = plan(manager, roundId, "see or open");
        String secondId = plan.secondId();
        String name = plan.open().map(open -> open.setup().name()).orElse(secondCallName(plan.first().setup()));
        if (!plan.waiting().isEmpty()) {
            return new SecondCallPreview(roundId, secondId, name, plan.open().map(open -> open.setup().fund()),
                    List.of(), pastYears(plan.years()), plan.open().isPresent(), plan.waiting());
        }
        List<SecondCallPreview.Carried> carried = plan.moneyLeft() && (plan.open().isPresent() || plan.annual() > 0)
                ? plan.years().stream().filter(year -> year.remainingPence() > 0)
                .map(year -> new SecondCallPreview.Carried(year.year(), year.remainingPence())).toList()
                : List.of();
        Optional<Fund> fund = plan.open().map(open -> open.setup().fund())
                .or(() -> plan.annual() > 0 ? Optional.of(plan.fund()) : Optional.empty());
        return new SecondCallPreview(roundId, secondId, name, fund, carried, pastYears(plan.years()),
                plan.open().isPresent(), List.of());
    }

    /** Why a round has nothing for a second call, as the refusal and the preview say it. */
    public String nothingUnawarded(String roundId) {
        return "Round \"" + roundId + "\" has nothing unawarded in a financial year not yet begun (from "
                + FinancialYear.of(today()).next() + "): there is nothing for a second call.";
    }

    /**
     * Why no second call is opened while specifications wait, as the refusal and the preview say it: "A second call
     * cannot be opened while 1 specification waits for its decision: Housing and the local environment
     * (spec-housing). Publish it first."
     */
    public static String specificationsWaiting(List<String> waiting) {
        boolean one = waiting.size() == 1;
        return "A second call cannot be opened while " + waiting.size() + (one
                ? " specification waits for its decision: " : " specifications wait for their decisions: ")
                + SecondCallPreview.inList(waiting) + (one ? ". Publish it first." : ". Publish them first.");
    }

    /**
     * The round as read for a second call: its years' money left, the second call if open, the fund it would get,
     * and the specifications whose decisions are not published yet ("Housing and the local environment
     * (spec-housing)"): rule C10 keeps their money neither awarded nor released, so none of it is left over.
     */
    private record Plan(RoundHeader first, String secondId, List<BudgetStatement.Row> years, Optional<RoundHeader> open,
                        List<BudgetStatement.Row> offered, long annual, List<String> waiting) {

        boolean moneyLeft() {
            return years.stream().anyMatch(year -> year.remainingPence() > 0);
        }

        /** The money left a year from the first year not yet begun, for the years that remain (only when annual > 0). */
        Fund fund() {
            return new Fund(annual, offered.size(), offered.get(0).year().toString());
        }
    }

    private Plan plan(Actor manager, String roundId, String doing) {
        if (!manager.has(Role.PROGRAMME_MANAGER) || !manager.worksOn(roundId)) {
            throw new ForbiddenException("You are signed in as " + manager.name() + ", who may not " + doing
                    + " a second call of \"" + roundId + "\": a programme manager of it may.");
        }
        RoundHeader first = rounds.header(roundId);
        if (first.stage() != Stage.PUBLISHED) {
            throw new ConflictException("ROUND_NOT_PUBLISHED", "Round \"" + roundId + "\" is " + first.stage()
                    + ": a second call is opened for what is left once its decisions are published.");
        }
        List<String> waiting = rounds.publishedSpecifications(roundId).stream()
                .filter(specification -> !first.isPublished(specification.id()))
                .sorted(java.util.Comparator.comparing(Specification::id))
                .map(specification -> first.setup().issue(specification.issue()).map(RoundSetup.Issue::title)
                        .orElse(specification.id()) + " (" + specification.id() + ")")
                .toList();
        String secondId = SecondCall.idFor(roundId);
        List<BudgetStatement.Row> years = ledger.statement(manager, roundId).yearTotals();
        FinancialYear firstOffered = FinancialYear.of(today()).next();
        List<BudgetStatement.Row> offered = years.stream().filter(year -> year.year().compareTo(firstOffered) >= 0)
                .toList();
        long annual = offered.stream().mapToLong(BudgetStatement.Row::remainingPence).min().orElse(0);
        return new Plan(first, secondId, years, existing(secondId), offered, annual, waiting);
    }

    /**
     * The first round's own staff (bindings naming no person, partnership, adviser or organisation: its
     * managers, finance officers and auditors) bound in the second call as they are in the first. Nobody edits these: they follow from the first round's.
     */
    private void bindStaff(Actor manager, String roundId, String secondId) {
        for (Binding staff : bindings.inScope(roundId)) {
            if (staff.personId().isPresent() || staff.organisationId().isPresent() || staff.partnershipId().isPresent()
                    || staff.adviserId().isPresent()) {
                continue;
            }
            Binding derived = new Binding(staff.subject(), secondId, staff.name(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
            if (bindings.get(staff.subject(), secondId).isEmpty()) {
                bindings.put(derived);
                audit.record(manager, secondId, "BINDING_ADDED", "binding/" + staff.subject(), null, "name="
                        + staff.name() + "; bound by the system as in " + roundId + ", whose second call this is");
            }
        }
    }

    /** The first round's set-up for the money left: the same board, priorities and rules, a fund of its own. */
    private static RoundSetup setUp(RoundSetup first, String secondId, Fund fund) {
        return new RoundSetup(secondId, secondCallName(first), fund, first.eurRate(), first.priorityCount(),
                first.dotsPerVoter(), first.crossCuttingThemes(), first.criteria(), first.scoreScale(),
                first.fundableThreshold(), first.moderationSpread(), first.panelQuorum(), first.issues(), first.voters(),
                first.organisations(), first.mailingList());
    }

    /** "Coventry Partnership commissioning round 2002-05: second call". */
    private static String secondCallName(RoundSetup first) {
        return first.name() + ": second call";
    }

    private List<FinancialYear> pastYears(List<BudgetStatement.Row> years) {
        FinancialYear firstOffered = FinancialYear.of(today()).next();
        return years.stream().map(BudgetStatement.Row::year).filter(year -> year.compareTo(firstOffered) < 0).toList();
    }

    private Optional<RoundHeader> existing(String roundId) {
        try {
            return Optional.of(rounds.header(roundId));
        } catch (NotFoundException none) {
            return Optional.empty();
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), InWords.UK);
    }
}
