package grants.testing.reporting;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.core.errors.Problem;
import grants.core.reporting.ContributingAgreement;
import grants.core.reporting.Figure;
import grants.core.reporting.Indicator;
import grants.core.reporting.Meeting;
import grants.core.reporting.NotYoursException;
import grants.core.reporting.Observation;
import grants.core.reporting.Outcome;
import grants.core.reporting.Period;
import grants.core.reporting.Person;
import grants.core.reporting.Refusal;
import grants.core.reporting.RefusedException;
import grants.core.reporting.ReportCard;
import grants.core.reporting.ReportingService;
import grants.core.reporting.Status;
import grants.core.reporting.Theme;
import grants.core.run.IdempotencyKey;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryReportingStore;
import grants.testing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may do what with the register and its figures, what the public sees, and the audit trail. */
class ReportingServiceTest {

    private static final String REGISTER = "city-laa";
    private static final Period JUNE = Period.parse("2008-09 Q1");

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final InMemoryReportingStore store = new InMemoryReportingStore(trail);
    private final SettableClock clock = new SettableClock(RegisterReplay.at(LocalDate.of(2008, 4, 1)));
    private final ContributingAgreement scheme = new ContributingAgreement("contract-7", "homes-trust",
            Optional.of(LocalDate.of(2008, 7, 20)), Map.of("homes started", 12L));
    private final ReportingService service = new ReportingService(store,
            id -> id.equals("contract-7") ? Optional.of(scheme) : Optional.empty(), clock);

    private final Actor manager = person("manager-jo", Role.PROGRAMME_MANAGER);
    private final Actor owner = person("owner-ian", Role.INDICATOR_OWNER);
    private final Actor otherOwner = person("owner-sue", Role.INDICATOR_OWNER);
    private final Actor board = person("board-lucy", Role.BOARD_MEMBER);

    @BeforeEach
    void keepTheRegister() {
        service.createRegister(manager, REGISTER, null);
        service.saveTheme(manager, REGISTER, new Theme("homes", "Homes"));
        service.saveOutcome(manager, REGISTER, new Outcome("more-homes", "More homes", "homes"));
        service.savePerson(manager, REGISTER, new Person("owner-ian", "Ian Baker", "ian@example.org", Person.Kind.OWNER));
        service.savePerson(manager, REGISTER, new Person("owner-sue", "Sue Kaur", "sue@example.org", Person.Kind.OWNER));
        service.saveIndicator(manager, REGISTER, homes(Indicator.Measure.COUNT, List.of()));
        service.addMeeting(manager, REGISTER, new Meeting(LocalDate.of(2008, 8, 21), JUNE));
    }

    @Test
    void onlyAManagerBoundToTheRegisterKeepsIt() {
        for (Actor notManager : List.of(owner, board, Actor.system("someone-else", Role.AUDITOR),
                person("manager-elsewhere", Role.PROGRAMME_MANAGER, "another-register"))) {
            assertThatThrownBy(() -> service.saveTheme(notManager, REGISTER, new Theme("jobs", "Jobs")))
                    .as(notManager.subject()).isInstanceOf(NotYoursException.class)
                    .extracting(e -> ((NotYoursException) e).refusal()).isEqualTo(Refusal.NOT_MANAGER);
        }
        assertThat(service.register(board, REGISTER).themes()).extracting(Theme::id).containsExactly("homes");
    }

    @Test
    void theOwnerRecordsAFigureOnceTheQuarterIsOverAndAnotherOwnerCannot() {
        on(LocalDate.of(2008, 6, 30));
        assertThatThrownBy(() -> record(owner, "300", null)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("has not ended");
        on(LocalDate.of(2008, 7, 1));
        assertThatThrownBy(() -> record(otherOwner, "300", null)).isInstanceOf(NotYoursException.class)
                .extracting(e -> ((NotYoursException) e).refusal()).isEqualTo(Refusal.NOT_OWNER);
        assertThatThrownBy(() -> record(board, "300", null)).isInstanceOf(ForbiddenException.class);
        assertThat(store.observations(REGISTER)).isEmpty();
        Observation recorded = record(owner, "300", null);
        assertThat(recorded.recordedBy()).isEqualTo("owner-ian");
        assertThat(recorded.recordedOn()).isEqualTo(LocalDate.of(2008, 7, 1));
        assertThat(record(manager, "310", "Late returns").isRevision()).isTrue();
    }

    @Test
    void aFigureRetriedWithItsIdempotencyKeyIsRecordedOnceAndTheKeyServesNoOtherFigure() {
        on(LocalDate.of(2008, 7, 1));
        Optional<IdempotencyKey> key = IdempotencyKey.of(Optional.of("june-homes"));
        Observation first = service.record(owner, REGISTER, "ni-154", JUNE, Figure.of("300"),
                Observation.Finality.FINAL, null, key);
        int entries = entries().size();

        Observation retried = service.record(owner, REGISTER, "ni-154", JUNE, Figure.of("300"),
                Observation.Finality.FINAL, null, key);

        assertThat(retried).isEqualTo(first);
        assertThat(store.observations(REGISTER)).containsExactly(first);
        assertThat(entries()).hasSize(entries);
        assertThatThrownBy(() -> service.record(owner, REGISTER, "ni-154", JUNE, Figure.of("301"),
                Observation.Finality.FINAL, "recounted", key)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Idempotency-Key");
        // Another person's same key is their own request: the manager's figure is a revision, and needs its reason.
        assertThatThrownBy(() -> service.record(manager, REGISTER, "ni-154", JUNE, Figure.of("300"),
                Observation.Finality.FINAL, null, key)).isInstanceOf(RefusedException.class);
        assertThat(store.observations(REGISTER)).containsExactly(first);
    }

    @Test
    void aRevisionMustSayWhyAndTheCardSaysItWasRevisedAndWhy() {
        on(LocalDate.of(2008, 7, 5));
        record(owner, "300", null);
        int entries = entries().size();
        assertThatThrownBy(() -> record(owner, "320", " ")).isInstanceOf(RefusedException.class)
                .extracting(e -> ((RefusedException) e).refusal()).isEqualTo(Refusal.REVISION_WITHOUT_REASON);
        assertThat(entries()).hasSize(entries);
        record(owner, "320", "Two sites were counted late");
        ReportCard card = service.card(board, REGISTER, "ni-154", JUNE);
        assertThat(card.value()).contains(grants.core.commissioning.Fraction.of(320, 1));
        assertThat(card.revised()).isTrue();
        assertThat(card.revisions()).extracting(ReportCard.Revision::reason).containsExactly("Two sites were counted late");
        AuditEntry revision = entries().get(entries().size() - 1);
        assertThat(revision.action()).isEqualTo("FIGURE_REVISED");
        assertThat(revision.before()).isEqualTo("300, FINAL");
        assertThat(revision.after()).isEqualTo("320, FINAL, revised: Two sites were counted late");
    }

    @Test
    void aQuarterBeforeTheBaselineIsRefusedButNotBeforeAskingWhoRecordsIt() {
        Period beforeBaseline = Period.parse("2007-08 Q3");
        on(LocalDate.of(2008, 7, 5));
        assertThatThrownBy(() -> service.record(otherOwner, REGISTER, "ni-154", beforeBaseline, Figure.of("1"),
                Observation.Finality.FINAL, null)).isInstanceOf(NotYoursException.class);
        assertThatThrownBy(() -> service.record(owner, REGISTER, "ni-154", beforeBaseline, Figure.of("1"),
                Observation.Finality.FINAL, null)).isInstanceOf(RefusedException.class)
                .extracting(e -> ((RefusedException) e).refusal()).isEqualTo(Refusal.BEFORE_BASELINE);
        service.record(owner, REGISTER, "ni-154", Period.parse("2007-08 Q4"), Figure.of("1"),
                Observation.Finality.FINAL, null); // the baseline's own quarter is not before it
    }

    @Test
    void aFigureWithTheWrongPartsIsRefusedNamingTheField() {
        on(LocalDate.of(2008, 7, 5));
        assertThatThrownBy(() -> service.record(owner, REGISTER, "ni-154", JUNE, Figure.ratio("1", "2"),
                Observation.Finality.FINAL, null)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).details()).asList()
                .containsExactly(new Problem("value", "is required"),
                        new Problem("numerator", "is only given for a RATIO indicator"));
        assertThat(store.observations(REGISTER)).isEmpty();
    }

    @Test
    void onlyTheOwnerWritesTheNarrativeAndThenTheCardIsReady() {
        on(LocalDate.of(2008, 7, 5));
        record(owner, "300", null);
        assertThat(service.card(board, REGISTER, "ni-154", JUNE).readiness()).isEqualTo(ReportCard.Readiness.AWAITING_OWNER);
        assertThatThrownBy(() -> service.narrate(manager, REGISTER, "ni-154", JUNE, "Figures as reported.", "To follow."))
                .isInstanceOf(NotYoursException.class)
                .extracting(e -> ((NotYoursException) e).refusal()).isEqualTo(Refusal.NOT_NARRATIVE_OWNER);
        service.narrate(owner, REGISTER, "ni-154", JUNE, "Two large sites started.", "Restart the paused site.");
        ReportCard card = service.card(board, REGISTER, "ni-154", JUNE);
        assertThat(card.readiness()).isEqualTo(ReportCard.Readiness.READY);
        assertThat(card.narrative().orElseThrow().next()).isEqualTo("Restart the paused site.");
    }

    @Test
    void onceAnIndicatorHasFiguresItsMeasureAccumulationAndPolarityAreLocked() {
        service.saveIndicator(manager, REGISTER, homes(Indicator.Measure.RATE, List.of())); // no figures yet: allowed
        on(LocalDate.of(2008, 7, 5));
        record(owner, "300", null);
        int entries = entries().size();
        assertThatThrownBy(() -> service.saveIndicator(manager, REGISTER, homes(Indicator.Measure.COUNT, List.of())))
                .isInstanceOf(RefusedException.class).hasMessageContaining("add a new indicator instead")
                .extracting(e -> ((RefusedException) e).refusal()).isEqualTo(Refusal.LOCKED);
        assertThat(service.register(board, REGISTER).indicator("ni-154").orElseThrow().measure())
                .isEqualTo(Indicator.Measure.RATE);
        assertThat(entries()).hasSize(entries);
        service.saveIndicator(manager, REGISTER, homes(Indicator.Measure.RATE, List.of("contract-7"))); // the rest may change
        assertThat(service.card(board, REGISTER, "ni-154", JUNE).contributions()).containsExactly(scheme);
    }

    @Test
    void aContributingAgreementMustBeMonitored() {
        assertThatThrownBy(() -> service.saveIndicator(manager, REGISTER, homes(Indicator.Measure.COUNT,
                List.of("contract-7", "contract-99")))).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).details()).asList()
                .containsExactly(new Problem("indicator.contributions[1]", "must be a monitored agreement"));
    }

    @Test
    void thePublicSeesAQuarterFromItsMeetingAsItStoodTheDayBeforeAndPartnersSeeEverything() {
        on(LocalDate.of(2008, 7, 5));
        record(owner, "300", null);
        on(LocalDate.of(2008, 8, 20));
        assertThatThrownBy(() -> service.publicCard(REGISTER, "ni-154", JUNE)).isInstanceOf(NotFoundException.class);
        assertThat(service.publicFigures(REGISTER)).isEmpty();
        on(LocalDate.of(2008, 8, 21)); // the meeting's day: a revision recorded today is not public
        record(owner, "280", "Double counting removed");
        assertThat(service.publicCard(REGISTER, "ni-154", JUNE).value()).contains(grants.core.commissioning.Fraction.of(300, 1));
        assertThat(service.publicFigures(REGISTER)).singleElement().satisfies(f -> {
            assertThat(f.shownValue()).isEqualTo("300");
            assertThat(f.publishedOn()).isEqualTo(LocalDate.of(2008, 8, 21));
            assertThat(f.status()).isEqualTo(Status.MET); // 300 against 1000 x 1/4 = 250
        });
        assertThat(service.card(board, REGISTER, "ni-154", JUNE).value()).contains(grants.core.commissioning.Fraction.of(280, 1));
        assertThatThrownBy(() -> service.card(Actor.ANONYMOUS, REGISTER, "ni-154", JUNE))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void everyChangeIsInTheRegistersAuditTrailAndSavingTheSameAgainRecordsNothing() {
        int before = entries().size();
        service.saveIndicator(manager, REGISTER, homes(Indicator.Measure.COUNT, List.of()));
        assertThat(entries()).hasSize(before);
        assertThat(entries()).extracting(AuditEntry::action).containsExactly("REGISTER_CREATED", "THEME_SAVED",
                "OUTCOME_SAVED", "PERSON_SAVED", "PERSON_SAVED", "INDICATOR_SAVED", "MEETING_ADDED");
        on(LocalDate.of(2008, 7, 5));
        record(owner, "300", null);
        service.narrate(owner, REGISTER, "ni-154", JUNE, "Two large sites started.", "Restart the paused site.");
        assertThat(entries().subList(before, entries().size())).extracting(AuditEntry::action, AuditEntry::actorSubject,
                AuditEntry::target).containsExactly(
                org.assertj.core.groups.Tuple.tuple("FIGURE_RECORDED", "owner-ian", "indicator ni-154 2008-09 Q1"),
                org.assertj.core.groups.Tuple.tuple("NARRATIVE_WRITTEN", "owner-ian", "indicator ni-154 2008-09 Q1"));
    }

    @Test
    void movingAnIndicatorToAnotherOutcomeIsSavedAndAudited() {
        service.saveOutcome(manager, REGISTER, new Outcome("affordable", "Affordable homes", "homes"));
        Indicator moved = homes(Indicator.Measure.COUNT, List.of());
        moved = new Indicator(moved.id(), moved.reference(), moved.title(), "affordable", moved.owner(), moved.polarity(),
                moved.measure(), moved.accumulation(), moved.decimals(), moved.unit(), moved.baseline(), moved.targets(),
                moved.tolerance(), moved.contributions());
        service.saveIndicator(manager, REGISTER, moved);
        assertThat(service.register(board, REGISTER).indicator("ni-154").orElseThrow().outcome()).isEqualTo("affordable");
        assertThat(entries().get(entries().size() - 1).after()).contains("outcome affordable");
    }

    @Test
    void anOwnerListsTheirOwnIndicators() {
        assertThat(service.indicatorsOf(owner, REGISTER)).extracting(Indicator::id).containsExactly("ni-154");
        assertThat(service.indicatorsOf(otherOwner, REGISTER)).isEmpty();
    }

    @Test
    void theRegisterShowsEachIndicatorsLatestQuarterWithAFigureAndItsComputedStatus() {
        assertThat(service.latestCards(board, REGISTER)).as("no figure yet, no latest quarter").isEmpty();
        on(LocalDate.of(2008, 10, 1));
        record(owner, "300", null);
        service.record(owner, REGISTER, "ni-154", JUNE.quarterOfYear(2), Figure.of("200"), Observation.Finality.PROVISIONAL,
                null);

        var latest = service.latestCards(board, REGISTER).get("ni-154");
        assertThat(latest.period()).isEqualTo(JUNE.quarterOfYear(2));
        // 500 homes in the half year against 1000 x 2/4: met.
        assertThat(latest.status()).isEqualTo(Status.MET);
        assertThat(latest.provisional()).isTrue();
        assertThatThrownBy(() -> service.latestCards(person("board-elsewhere", Role.BOARD_MEMBER, "another-register"),
                REGISTER)).isInstanceOf(ForbiddenException.class);
    }

    private Observation record(Actor who, String value, String reason) {
        return service.record(who, REGISTER, "ni-154", JUNE, Figure.of(value), Observation.Finality.FINAL, reason);
    }

    private List<AuditEntry> entries() {
        List<AuditEntry> newestFirst = new java.util.ArrayList<>(trail.page(REGISTER, Optional.empty(), 1000).entries());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    private void on(LocalDate day) {
        clock.set(RegisterReplay.at(day));
    }

    private static Indicator homes(Indicator.Measure measure, List<String> contributions) {
        return new Indicator("ni-154", "NI 154", "Net additional homes provided", "more-homes", "owner-ian",
                Indicator.Polarity.HIGHER_IS_BETTER, measure, Indicator.Accumulation.FLOW, 0, "homes",
                new Indicator.Baseline(Period.parse("2007-08 Q4"), new BigDecimal("305")),
                new TreeMap<>(Map.of("2008-09", new BigDecimal("1000"))), new BigDecimal("10"), contributions);
    }

    private static Actor person(String id, Role role) {
        return person(id, role, REGISTER);
    }

    private static Actor person(String id, Role role, String boundTo) {
        return new Actor(id, id + "@example.org", Set.of(role), Optional.empty(), Optional.empty(), Set.of(boundTo),
                Optional.of(id), Optional.empty());
    }
}
