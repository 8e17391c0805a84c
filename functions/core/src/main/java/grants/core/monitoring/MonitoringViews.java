package grants.core.monitoring;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.calendar.WorkingDays;
import grants.core.errors.NotFoundException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Monitoring read: an agreement as it stands today, the agreements a person sees, a reviewer's
 * queue and an agreement's reminder ledger. A person is bound per round or programme, so the
 * lists take {@code callerIn}: the caller as bound where an agreement was made. Who sees what is
 * {@link MonitoringService}'s rule: its organisation's lead contacts, and the people bound where it
 * was made who have a part in monitoring (its officer only, of officers) or are auditors.
 */
public final class MonitoringViews {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final MonitoringStore store;
    private final Clock clock;

    public MonitoringViews(MonitoringStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The round or programme an agreement was made in: whose binding a request about it is read with. */
    public String trailOf(String agreementId) {
        return load(agreementId).agreement().trail();
    }

    /** One agreement, today, to someone who may see it. */
    public AgreementStatus status(Actor actor, String agreementId) {
        MonitoredAgreement agreement = load(agreementId);
        MonitoringService.requireMayLookAt(actor, agreement);
        return statusOf(agreement, store.ofOrganisation(agreement.agreement().organisation()), calendar());
    }

    /**
     * Every agreement the caller sees, by id: a lead contact's are those of the organisations they
     * are bound with ({@code leadOrganisations}); anyone else's those of the rounds and programmes
     * they are bound in where they have a part.
     */
    public List<AgreementStatus> agreementsSeenBy(Actor caller, Function<String, Actor> callerIn,
                                                  Collection<String> leadOrganisations) {
        WorkingDays calendar = calendar();
        List<AgreementStatus> seen = new ArrayList<>();
        for (List<MonitoredAgreement> organisation : organisationsSeenBy(caller, leadOrganisations)) {
            organisation.stream().filter(agreement -> maySee(callerIn.apply(agreement.agreement().trail()), agreement))
                    .forEach(agreement -> seen.add(statusOf(agreement, organisation, calendar)));
        }
        seen.sort(Comparator.comparing(AgreementStatus::id));
        return seen;
    }

    /** A round's or programme's agreements as its monitoring report shows them: today, in its working days. */
    public record ScopeView(LocalDate day, WorkingDays calendar, List<AgreementStatus> agreements) {
    }

    /**
     * The agreements of one round or programme that the caller sees there (a sub-group member, a manager,
     * finance, an auditor: all of them; an officer: those naming them), for its monitoring report.
     */
    public ScopeView scope(Actor caller, Function<String, Actor> callerIn, String scopeId) {
        if (!callerIn.apply(scopeId).worksOn(scopeId)) {
            throw new ForbiddenException("You are not bound to " + scopeId + ", so you cannot see its monitoring report.");
        }
        List<AgreementStatus> seen = agreementsSeenBy(caller, callerIn, List.of()).stream()
                .filter(status -> status.agreement().agreement().trail().equals(scopeId)).toList();
        return new ScopeView(today(), calendar(), seen);
    }

    /** A reviewer's queue: the returns of the agreements they may review (an officer: those naming them). */
    public ReviewQueue reviewQueue(Actor caller, Function<String, Actor> callerIn) {
        List<MonitoredAgreement> reviewable = new ArrayList<>();
        for (List<MonitoredAgreement> organisation : organisationsSeenBy(caller, List.of())) {
            organisation.stream().filter(agreement -> mayReviewOrAudit(callerIn.apply(agreement.agreement().trail()),
                    agreement)).forEach(reviewable::add);
        }
        reviewable.sort(Comparator.comparing(MonitoredAgreement::id));
        return ReviewQueue.of(reviewable, today(), calendar());
    }

    /**
     * An agreement's reminders by planned day then id: those the daily run handled, as the ledger
     * keeps them, and those still planned, pending. A lead contact sees who their own reminders went
     * to, not the officer's.
     */
    public List<ReminderLine> reminders(Actor actor, String agreementId) {
        MonitoredAgreement agreement = load(agreementId);
        MonitoringService.requireMayLookAt(actor, agreement);
        Map<String, ReminderLine> lines = new TreeMap<>();
        for (LedgerEntry entry : store.ledger(agreementId)) {
            boolean hidden = actor.has(Role.LEAD_CONTACT)
                    && entry.reminder().audience() == MonitoringSettings.Audience.OFFICER;
            LedgerEntry shown = hidden ? new LedgerEntry(entry.reminder(), entry.handledOn(), entry.outcome(),
                    entry.reason(), List.of()) : entry;
            lines.put(entry.reminder().id(), new ReminderLine(entry.reminder(), Optional.of(shown)));
        }
        for (Reminder planned : Reminder.plannedFor(agreement, calendar())) {
            lines.putIfAbsent(planned.id(), new ReminderLine(planned, Optional.empty()));
        }
        return lines.values().stream().sorted(Comparator.comparing(ReminderLine::reminder, Reminder.BY_DAY_THEN_ID))
                .toList();
    }

    /** A lead contact's organisations, or (anyone else) every organisation with an agreement. */
    private List<List<MonitoredAgreement>> organisationsSeenBy(Actor caller, Collection<String> leadOrganisations) {
        if (caller.has(Role.LEAD_CONTACT) && leadOrganisations.isEmpty()) {
            throw new ForbiddenException("You are a lead contact, but not bound with an organisation: ask your"
                    + " programme manager to bind you with yours.");
        }
        Collection<String> organisations = caller.has(Role.LEAD_CONTACT) ? leadOrganisations : store.organisations();
        return organisations.stream().distinct().sorted().map(store::ofOrganisation).toList();
    }

    private static boolean maySee(Actor actor, MonitoredAgreement agreement) {
        try {
            MonitoringService.requireMayLookAt(actor, agreement);
            return true;
        } catch (ForbiddenException notTheirs) {
            return false;
        }
    }

    private static boolean mayReviewOrAudit(Actor actor, MonitoredAgreement agreement) {
        if (!maySee(actor, agreement) || actor.has(Role.LEAD_CONTACT)) {
            return false;
        }
        Participant who = MonitoringService.participant(actor, agreement.agreement());
        return who.is(Participant.Kind.MANAGER) || who.is(Participant.Kind.SUB_GROUP)
                || who.isOfficerOf(agreement.agreement()) || actor.has(Role.AUDITOR);
    }

    private AgreementStatus statusOf(MonitoredAgreement agreement, Collection<MonitoredAgreement> organisation,
                                     WorkingDays calendar) {
        return AgreementStatus.of(agreement, organisation, today(), new Holds(calendar), calendar);
    }

    private MonitoredAgreement load(String agreementId) {
        return store.agreement(agreementId)
                .orElseThrow(() -> new NotFoundException("No agreement " + agreementId + " is monitored."));
    }

    private WorkingDays calendar() {
        return new WorkingDays(store.bankHolidays());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LONDON);
    }
}
