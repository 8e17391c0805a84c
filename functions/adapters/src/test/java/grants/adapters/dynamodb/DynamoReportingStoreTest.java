package grants.adapters.dynamodb;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.reporting.ContributingAgreement;
import grants.core.reporting.Figure;
import grants.core.reporting.Indicator;
import grants.core.reporting.Meeting;
import grants.core.reporting.Narrative;
import grants.core.reporting.Observation;
import grants.core.reporting.Outcome;
import grants.core.reporting.Period;
import grants.core.reporting.Person;
import grants.core.reporting.Register;
import grants.core.reporting.ReportCard;
import grants.core.reporting.ReportingService;
import grants.core.reporting.ReportingStore;
import grants.core.reporting.Theme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Performance reporting in DynamoDB on the local stack, driven through its use cases: the register
 * reads back as the use cases left it, a quarter's figure is added once, of two owners racing for one
 * revision one wins, a write from a stale register changes nothing, and every change lands with its
 * audit entry or not at all.
 */
class DynamoReportingStoreTest {

    private static final String REGISTER = "coventry-laa";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Period Q1 = Period.parse("2008-09 Q1");

    private final Actor manager = person("manager-ruth", Role.PROGRAMME_MANAGER);
    private final Actor owner = person("owner-ann", Role.INDICATOR_OWNER);
    private final Actor otherOwner = person("owner-bo", Role.INDICATOR_OWNER);

    private GrantsTable table;
    private DynamoReportingStore store;
    private DynamoAuditTrail trail;

    @BeforeEach
    void freshTable() {
        table = StoreTables.fresh(getClass(), Clock.systemUTC());
        AuditTable auditTable = StoreTables.auditBeside(table);
        store = new DynamoReportingStore(table, auditTable);
        trail = new DynamoAuditTrail(auditTable);
    }

    private static Actor person(String id, Role role) {
        return new Actor("sub-" + id, id + "@coventry.example", Set.of(role), Optional.empty(), Optional.empty(),
                Set.of(REGISTER), Optional.of(id), Optional.empty());
    }

    /** The use cases on the Dynamo store, at 09:00 on the day. */
    private ReportingService on(String day) {
        Instant now = LocalDate.parse(day).atTime(9, 0).atZone(LONDON).toInstant();
        return new ReportingService(store, ContributingAgreement.Source.NONE, Clock.fixed(now, LONDON));
    }

    /** NI 152 (fewer is better, a level) and NI 8 (a ratio in percent), owned by Ann and Bo. */
    private Register keptByTheManager() {
        ReportingService service = on("2008-04-01");
        service.createRegister(manager, REGISTER, "Coventry's Local Area Agreement");
        service.saveTheme(manager, REGISTER, new Theme("jobs", "Jobs and the economy"));
        service.saveOutcome(manager, REGISTER, new Outcome("work", "More people in work", "jobs"));
        service.savePerson(manager, REGISTER, new Person("owner-ann", "Ann Owen", "ann@coventry.example", Person.Kind.OWNER));
        service.savePerson(manager, REGISTER, new Person("owner-bo", "Bo Lee", null, Person.Kind.OWNER));
        service.saveIndicator(manager, REGISTER, indicator("ni-152", "NI 152", "owner-ann", Indicator.Accumulation.LEVEL,
                "12.50"));
        service.saveIndicator(manager, REGISTER, indicator("ni-8", "NI 8", "owner-bo", Indicator.Accumulation.RATIO,
                "23.0"));
        return service.addMeeting(manager, REGISTER, new Meeting(LocalDate.parse("2008-08-14"), Q1));
    }

    private static Indicator indicator(String id, String reference, String owner, Indicator.Accumulation accumulation,
                                       String target) {
        TreeMap<String, BigDecimal> targets = new TreeMap<>();
        targets.put("2008-09", new BigDecimal(target));
        return new Indicator(id, reference, "Indicator " + reference, "work", owner, Indicator.Polarity.LOWER_IS_BETTER,
                accumulation == Indicator.Accumulation.RATIO ? Indicator.Measure.PERCENT : Indicator.Measure.RATE,
                accumulation, 2, "%", new Indicator.Baseline(Period.parse("2007-08 Q4"), new BigDecimal("13.10")),
                targets, new BigDecimal("2.5"), List.of());
    }

    private List<String> recordedActions() {
        List<String> actions = new ArrayList<>(trail.page(REGISTER, Optional.empty(), 1000).entries().stream()
                .map(AuditEntry::action).toList());
        Collections.reverse(actions); // the trail reads newest first
        return actions;
    }

    @Test
    void theRegisterAndItsFiguresReadBackAsTheUseCasesLeftThem() {
        Register kept = keptByTheManager();
        assertThat(store.registerIds()).as("in the list the daily run reads").containsExactly(REGISTER);
        Observation level = on("2008-07-02").record(owner, REGISTER, "ni-152", Q1, Figure.of("12.40"),
                Observation.Finality.PROVISIONAL, null);
        Observation ratio = on("2008-07-03").record(otherOwner, REGISTER, "ni-8", Q1, Figure.ratio("230", "1000"),
                Observation.Finality.FINAL, null);
        Observation revised = on("2008-07-10").record(owner, REGISTER, "ni-152", Q1, Figure.of("12.60"),
                Observation.Finality.FINAL, "the June count came late");
        Narrative narrative = on("2008-07-11").narrate(owner, REGISTER, "ni-152", Q1, "Two job clubs opened.",
                "Open a third in Foleshill.");

        Register stored = store.register(REGISTER).orElseThrow();
        assertThat(stored).usingRecursiveComparison().ignoringFields("version").isEqualTo(kept);
        assertThat(stored.version()).as("each figure moved the register on").isEqualTo(kept.version() + 3);
        assertThat(kept.person("owner-bo").orElseThrow().email()).as("an absent email stays absent").isNull();
        assertThat(kept.indicator("ni-152").orElseThrow().targets().get("2008-09")).as("decimals as given")
                .isEqualTo(new BigDecimal("12.50"));
        assertThat(store.observations(REGISTER)).containsExactly(level, ratio, revised);
        assertThat(store.narratives(REGISTER)).containsExactly(narrative);

        ReportCard card = on("2008-08-01").card(manager, REGISTER, "ni-152", Q1);
        assertThat(card.revised()).isTrue();
        assertThat(card.revisions()).singleElement().extracting(ReportCard.Revision::reason)
                .isEqualTo("the June count came late");
        assertThat(card.narrative()).contains(narrative);
        assertThat(recordedActions()).containsExactly("REGISTER_CREATED", "THEME_SAVED", "OUTCOME_SAVED",
                "PERSON_SAVED", "PERSON_SAVED", "INDICATOR_SAVED", "INDICATOR_SAVED", "MEETING_ADDED",
                "FIGURE_RECORDED", "FIGURE_RECORDED", "FIGURE_REVISED", "NARRATIVE_WRITTEN");
    }

    @Test
    void aQuartersFigureIsAddedOnceAndItsAuditEntryWithIt() {
        keptByTheManager();
        Observation first = on("2008-07-02").record(owner, REGISTER, "ni-152", Q1, Figure.of("12.40"),
                Observation.Finality.FINAL, null);
        AuditEntry again = AuditEntry.by(owner, Instant.now(), REGISTER, "FIGURE_RECORDED", "indicator ni-152", null,
                "12.40 again");

        assertThat(store.addObservation(REGISTER, first, again)).as("the same sequence again").isFalse();

        assertThat(store.observations(REGISTER)).containsExactly(first);
        assertThat(recordedActions()).filteredOn("FIGURE_RECORDED"::equals).hasSize(1);
    }

    @Test
    void aRequestKeyRecordsItsFigureOnceAndFindsItAgain() {
        keptByTheManager();
        Observation figure = new Observation("ni-152", Q1, 1, Figure.of("12.40"), Observation.Finality.FINAL,
                "owner-ann", LocalDate.parse("2008-07-02"), Optional.empty());
        ReportingStore.Requested requested = new ReportingStore.Requested("key-of-ann", "fingerprint-1", figure);
        AuditEntry entry = AuditEntry.by(owner, Instant.now(), REGISTER, "FIGURE_RECORDED", "indicator ni-152", null,
                "12.40");
        Observation another = new Observation("ni-152", Q1, 2, Figure.of("12.50"), Observation.Finality.FINAL,
                "owner-ann", LocalDate.parse("2008-07-03"), Optional.of("again"));

        assertThat(store.requested(REGISTER, "key-of-ann")).isEmpty();
        assertThat(store.addRequestedObservation(REGISTER, requested, entry)).isTrue();
        assertThat(store.addRequestedObservation(REGISTER, new ReportingStore.Requested("key-of-ann", "fingerprint-2",
                another), entry)).as("the key again, with another figure").isFalse();

        assertThat(store.requested(REGISTER, "key-of-ann")).contains(requested);
        assertThat(store.observations(REGISTER)).containsExactly(figure);
        assertThat(recordedActions()).filteredOn("FIGURE_RECORDED"::equals).hasSize(1);
    }

    @Test
    void ofTwoOwnersRacingForOneRevisionOneWinsAndTheOtherIsTold() throws Exception {
        keptByTheManager();
        on("2008-07-02").record(owner, REGISTER, "ni-152", Q1, Figure.of("12.40"), Observation.Finality.FINAL, null);
        // Both read one figure for the quarter, so both make the second.
        List<Observation> racing = List.of(revision("12.60", "owner-ann"), revision("12.70", "manager-ruth"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> won = new ArrayList<>();
            for (Observation revision : racing) {
                won.add(threads.submit(() -> {
                    start.await();
                    return store.addObservation(REGISTER, revision, AuditEntry.by(owner, Instant.now(), REGISTER,
                            "FIGURE_REVISED", "indicator ni-152 " + Q1, "12.40", revision.figure().value().toString()));
                }));
            }
            start.countDown();
            assertThat(List.of(won.get(0).get(), won.get(1).get())).containsExactlyInAnyOrder(true, false);
        } finally {
            threads.shutdownNow();
        }

        List<Observation> stored = store.observations(REGISTER);
        assertThat(stored).hasSize(2);
        assertThat(racing).contains(stored.get(1));
        assertThat(recordedActions()).filteredOn("FIGURE_REVISED"::equals).as("the loser wrote no entry").hasSize(1);

        // Through the use case, the next one is a third figure, not a lost one.
        Observation third = on("2008-07-20").record(owner, REGISTER, "ni-152", Q1, Figure.of("12.80"),
                Observation.Finality.FINAL, "checked again");
        assertThat(third.sequence()).isEqualTo(3);
    }

    private static Observation revision(String value, String by) {
        return new Observation("ni-152", Q1, 2, Figure.of(value), Observation.Finality.FINAL, by,
                LocalDate.parse("2008-07-10"), Optional.of("recounted"));
    }

    @Test
    void aWriteFromAStaleRegisterIsRefusedAndNothingIsWritten() {
        Register readBefore = keptByTheManager();
        Register changed = on("2008-04-02").saveTheme(manager, REGISTER, new Theme("safety", "Safer communities"));
        List<String> actionsBefore = recordedActions();

        Register stale = readBefore.withTheme(new Theme("health", "Healthier people"));
        AuditEntry entry = AuditEntry.by(manager, Instant.now(), REGISTER, "THEME_SAVED", "theme health", null,
                "Healthier people");

        assertThat(store.replace(stale, readBefore.version(), entry)).isFalse();
        assertThat(store.replace(stale, 99, entry)).isFalse();
        assertThat(store.register(REGISTER)).contains(changed);
        assertThat(recordedActions()).isEqualTo(actionsBefore);
        // The use case tells whoever made the stale change.
        assertThat(store.replace(changed.withTheme(new Theme("health", "Healthier people")), changed.version(), entry))
                .isTrue();
    }

    @Test
    void aRegisterChangeReadBeforeAFigureWasRecordedIsRefusedSoItCannotChangeALockedFieldUnseen() {
        Register readBefore = keptByTheManager();
        on("2008-07-02").record(owner, REGISTER, "ni-152", Q1, Figure.of("12.40"), Observation.Finality.FINAL, null);
        // What a manager's change made from the register read before the figure (no figures then: not locked).
        Register unseen = readBefore.withIndicator(indicatorAsAFlow(), false);
        AuditEntry entry = AuditEntry.by(manager, Instant.now(), REGISTER, "INDICATOR_SAVED", "indicator ni-152",
                "LEVEL", "FLOW");
        List<String> actionsBefore = recordedActions();

        assertThat(store.replace(unseen, readBefore.version(), entry)).isFalse();
        assertThat(store.register(REGISTER).orElseThrow().indicator("ni-152").orElseThrow().accumulation())
                .isEqualTo(Indicator.Accumulation.LEVEL);
        assertThat(recordedActions()).isEqualTo(actionsBefore);
        // Made again from the register as it stands, the change meets the rule.
        assertThatThrownBy(() -> on("2008-07-03").saveIndicator(manager, REGISTER, indicatorAsAFlow()))
                .hasMessageContaining("add a new indicator instead");
    }

    private static Indicator indicatorAsAFlow() {
        Indicator level = indicator("ni-152", "NI 152", "owner-ann", Indicator.Accumulation.LEVEL, "12.50");
        return new Indicator(level.id(), level.reference(), level.title(), level.outcome(), level.owner(),
                level.polarity(), level.measure(), Indicator.Accumulation.FLOW, level.decimals(), level.unit(),
                level.baseline(), level.targets(), level.tolerance(), level.contributions());
    }

    @Test
    void everyChangeLandsWithItsAuditEntryOrNotAtAll() {
        keptByTheManager();
        Observation figure = new Observation("ni-152", Q1, 1, Figure.of("12.40"), Observation.Finality.FINAL,
                "owner-ann", LocalDate.parse("2008-07-02"), Optional.empty());
        AuditEntry entry = AuditEntry.by(owner, Instant.now(), REGISTER, "FIGURE_RECORDED", "indicator ni-152", null,
                "12.40");
        List<String> actionsBefore = recordedActions();

        // The audit table is missing: the transaction fails whole, and no figure is left without its entry.
        DynamoReportingStore noTrail = new DynamoReportingStore(table, new AuditTable(table.client(),
                table.name() + "-missing"));
        assertThatThrownBy(() -> noTrail.addObservation(REGISTER, figure, entry)).isInstanceOf(DynamoDbException.class);
        assertThatThrownBy(() -> noTrail.addNarrative(REGISTER, new Narrative("ni-152", Q1, "a", "b", "owner-ann",
                LocalDate.parse("2008-07-02")), entry)).isInstanceOf(DynamoDbException.class);
        assertThatThrownBy(() -> noTrail.create(Register.empty("another", null), entry))
                .isInstanceOf(DynamoDbException.class);

        assertThat(store.observations(REGISTER)).isEmpty();
        assertThat(store.narratives(REGISTER)).isEmpty();
        assertThat(store.register("another")).isEmpty();
        assertThat(recordedActions()).isEqualTo(actionsBefore);
        assertThat(store.create(Register.empty(REGISTER, null), entry)).as("created once").isFalse();
    }
}
