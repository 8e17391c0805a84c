package grants.core.monitoring;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.calendar.WorkingDays;
import grants.core.errors.ConflictException;
import grants.core.errors.NotFoundException;
import grants.core.text.InWords;

import java.time.Clock;
import java.time.LocalDate;

/**
 * A lead organisation accepting its agreement (M9): until then a payment run holds every instalment,
 * saying why. A contract is accepted on its round, which keeps that record, and monitoring copies it
 * ({@link AgreementIntake}); a grant from a run is accepted here, by a lead contact of its
 * partnership. Who and when are kept; accepted once.
 */
public final class Acceptances {

    private final MonitoringStore store;
    private final Clock clock;

    public Acceptances(MonitoringStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A lead contact of the grant's organisation accepts it. */
    public MonitoredAgreement accept(Actor actor, String agreementId) {
        MonitoredAgreement current = store.agreement(agreementId)
                .orElseThrow(() -> new NotFoundException("No agreement " + agreementId + " is monitored."));
        Agreement agreement = current.agreement();
        if (!actor.has(Role.LEAD_CONTACT) || !actor.organisationId().filter(agreement.organisation()::equals)
                .isPresent()) {
            throw new ForbiddenActionException(new RefusedException(Refusal.NOT_LEAD_CONTACT, agreementId));
        }
        if (agreement.source() == Agreement.Source.CONTRACT) {
            throw new ConflictException("ACCEPTED_ON_ROUND", "Contract " + agreementId
                    + " is accepted on its round's contracts page; monitoring records it from there.");
        }
        if (current.isAccepted()) {
            throw new ConflictException("ALREADY_ACCEPTED", "Agreement " + agreementId + " was "
                    + words(current.acceptance().get()) + " already.");
        }
        Act accepted = new Act(LocalDate.ofInstant(clock.instant(), InWords.UK), actor.name(),
                "accepted for " + agreement.organisation());
        MonitoredAgreement next = current.accepted(accepted);
        if (!write(store, current, accepted, AuditEntry.by(actor, clock.instant(), agreement.trail(),
                "AGREEMENT_ACCEPTED", "agreement " + agreementId, "not accepted", words(accepted)))) {
            throw new ConflictException("CHANGED_MEANWHILE", "Agreement " + agreementId
                    + " was changed by someone else meanwhile; nothing was changed. Look again and retry.");
        }
        return next;
    }

    /** Writes the acceptance if the agreement is still as read; false if it changed meanwhile. */
    static boolean write(MonitoringStore store, MonitoredAgreement current, Act accepted, AuditEntry entry) {
        MonitoredAgreement next = current.accepted(accepted);
        return store.replace(next, current.version(),
                Reminder.plannedFor(next, new WorkingDays(store.bankHolidays())), entry);
    }

    /** "accepted by kerry@spon-end.example on 2 April 2002". */
    static String words(Act accepted) {
        return "accepted by " + accepted.by() + " on " + InWords.date(accepted.on());
    }
}
