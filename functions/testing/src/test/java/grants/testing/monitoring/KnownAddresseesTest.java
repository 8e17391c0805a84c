package grants.testing.monitoring;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.KnownAddressees;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.MonitoringSettings;
import grants.core.programme.Partnership;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.Stage;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryMonitoringStore;
import grants.testing.InMemoryNoticeStore;
import grants.testing.InMemoryProgrammeStore;
import grants.testing.InMemoryRoundStore;
import grants.testing.SettableClock;
import grants.testing.TestProgrammes;
import grants.testing.TestRounds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily run's reminders go where rounds and programmes already write: a contract's lead
 * organisation at its round's address, a grant's partnership at its representatives and champions;
 * an officer's at the address given when a manager named them; an address that bounced is left out,
 * and with nobody left the reminder is NO_CONTACT.
 */
class KnownAddresseesTest {

    private static final String ROUND = TestRounds.coventry().setup().roundId();

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final InMemoryRoundStore rounds = new InMemoryRoundStore(trail);
    private final InMemoryProgrammeStore programmes = new InMemoryProgrammeStore();
    private final InMemoryNoticeStore notices = new InMemoryNoticeStore();
    private final InMemoryMonitoringStore store = new InMemoryMonitoringStore(List.of(), trail);
    private final SettableClock clock = new SettableClock(Instant.EPOCH);
    private final MonitoringService service = new MonitoringService(store.everyScopeMonitoredWith(
            new MonitoringSettings(20, 40, 5, false, false,
                    List.of(new MonitoringSettings.ReminderRule("r-due", 0, MonitoringSettings.Audience.LEAD)))),
            new KnownAddressees(rounds, programmes, notices), clock);
    private final Actor manager = new Actor("sub-manager", "manager@example", Set.of(Role.PROGRAMME_MANAGER),
            Optional.empty(), Optional.empty(), Set.of("*"), Optional.of("manager"), Optional.empty());

    private void on(String day) {
        clock.set(LocalDate.parse(day).atTime(7, 0).atZone(ZoneId.of("Europe/London")).toInstant());
    }

    private static Agreement agreement(String id, Agreement.Source source, String trail, String organisation) {
        return new Agreement(id, source, trail, organisation, "officer", LocalDate.parse("2002-04-01"),
                LocalDate.parse("2003-03-31"), List.of(new Agreement.Instalment(1, LocalDate.parse("2002-04-01"), 100)),
                List.of(), List.of());
    }

    @Test
    void aContractsReminderGoesToItsLeadOrganisationAtTheAddressItsRoundWritesTo() {
        rounds.create(new RoundHeader(TestRounds.coventry().setup(), Stage.PUBLISHED, List.of(), null, null),
                AuditEntry.by(manager, Instant.EPOCH, ROUND, "ROUND_SET_UP", "round " + ROUND, null, "set up"));
        on("2002-03-20");
        service.enter(manager, List.of(agreement("contract-unemployment-pathways", Agreement.Source.CONTRACT, ROUND,
                "pathways")));

        on("2002-07-26");
        assertThat(service.runReminders()).singleElement()
                .satisfies(entry -> assertThat(entry.recipients()).containsExactly("bids@pathways.example"));
    }

    @Test
    void aGrantsReminderGoesToThePartnershipsContactsButNotToABouncedAddress() {
        var programme = TestProgrammes.programme(TestProgrammes.WARWICKSHIRE_WITHDRAWN, "wm");
        programmes.save(programme, "hash", OptionalLong.empty());
        Partnership birmingham = programme.partnership("birmingham").orElseThrow();
        notices.suppress("project.lead@birmingham.lsp.example", "bounced");
        on("2002-03-20");
        service.enter(manager, List.of(agreement("grant-wm-birmingham", Agreement.Source.GRANT, "wm",
                birmingham.id())));

        on("2002-07-26");
        assertThat(service.runReminders()).singleElement().satisfies(entry -> assertThat(entry.recipients())
                .containsExactly("champion@birmingham.lsp.example"));

        notices.suppress("champion@birmingham.lsp.example", "complained");
        on("2002-10-28");
        assertThat(service.runReminders()).singleElement()
                .satisfies(entry -> assertThat(entry.reason()).hasValue(LedgerEntry.Suppression.NO_CONTACT));
    }

    @Test
    void anOfficersReminderGoesToTheAddressGivenWhenTheyWereNamedButNotOnceItBounced() {
        store.everyScopeMonitoredWith(new MonitoringSettings(20, 40, 5, false, false, List.of(
                new MonitoringSettings.ReminderRule("r-escalate", 0, MonitoringSettings.Audience.OFFICER))));
        MonitoringService escalating = new MonitoringService(store, new KnownAddressees(rounds, programmes, notices,
                store::addressOf), clock);
        on("2002-03-20");
        escalating.enter(manager, List.of(agreement("contract-a", Agreement.Source.CONTRACT, ROUND, "pathways"),
                agreement("contract-b", Agreement.Source.CONTRACT, ROUND, "cohesion")));
        escalating.nameOfficer(manager, "contract-a", "officer-chen", "chen@coventry.example");
        escalating.nameOfficer(manager, "contract-b", "officer-amir", "amir@coventry.example");
        notices.suppress("amir@coventry.example", "bounced");

        on("2002-07-26");
        List<LedgerEntry> handled = escalating.runReminders();

        assertThat(handled).filteredOn(entry -> entry.reminder().agreementId().equals("contract-a")).singleElement()
                .satisfies(entry -> assertThat(entry.recipients()).containsExactly("chen@coventry.example"));
        assertThat(handled).filteredOn(entry -> entry.reminder().agreementId().equals("contract-b")).singleElement()
                .satisfies(entry -> assertThat(entry.reason()).hasValue(LedgerEntry.Suppression.NO_CONTACT));
    }
}
