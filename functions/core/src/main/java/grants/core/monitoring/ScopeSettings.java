package grants.core.monitoring;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.errors.ConflictException;
import grants.core.access.ForbiddenException;

import java.time.Clock;
import java.util.Optional;

/**
 * How a programme or a round monitors what it funds (the spec's {@code settings}), kept by its
 * manager. An agreement takes its scope's settings on the day it enters monitoring and keeps them
 * (they are part of its terms), so a change applies to the agreements made after it. A scope whose
 * manager kept nothing monitors with {@link MonitoringSettings#STANDARD}.
 */
public final class ScopeSettings {

    private final MonitoringStore store;
    private final Clock clock;

    public ScopeSettings(MonitoringStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The settings an agreement of {@code scopeId} entering monitoring now takes. */
    public static MonitoringSettings forNewAgreementsOf(MonitoringStore store, String scopeId) {
        return store.settingsOf(scopeId).orElse(MonitoringSettings.STANDARD);
    }

    /** The scope's settings, to anyone bound to it. */
    public MonitoringSettings of(Actor actor, String scopeId) {
        if (!actor.worksOn(scopeId)) {
            throw new ForbiddenException("You are not bound to " + scopeId + ", so you cannot see its monitoring"
                    + " settings.");
        }
        return forNewAgreementsOf(store, scopeId);
    }

    /**
     * A manager bound to the scope keeps its settings, audited with the before and after in words.
     * Keeping the settings it already has changes nothing and records nothing (a retry is harmless).
     */
    public MonitoringSettings keep(Actor actor, String scopeId, MonitoringSettings settings) {
        if (!actor.has(Role.PROGRAMME_MANAGER) || !actor.worksOn(scopeId)) {
            throw new ForbiddenException("Only a manager bound to " + scopeId + " keeps its monitoring settings.");
        }
        Optional<MonitoringSettings> current = store.settingsOf(scopeId);
        if (current.filter(settings::equals).isPresent()) {
            return settings;
        }
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), scopeId, "MONITORING_SETTINGS_KEPT",
                "monitoring settings of " + scopeId,
                current.map(MonitoringSettings::words).orElse("the standard settings"), settings.words());
        if (!store.keepSettings(scopeId, settings, current, entry)) {
            throw new ConflictException("CHANGED_MEANWHILE", "The monitoring settings of " + scopeId
                    + " were changed by someone else meanwhile. Look at them again, then save.");
        }
        return settings;
    }
}
