package grants.testing.governance;

import grants.core.audit.AuditEntry;
import grants.core.governance.ActionRecord;
import grants.core.governance.Escalation;
import grants.core.governance.Standing;
import grants.documents.governance.GovernanceBook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * G6 and G13 over the Coventry book: daily runs missed at random and run again at random, and the
 * book's lists shuffled. No action is escalated twice or lost, and the outcome never depends on the
 * order of the lists. The expected escalations are worked out here day by day, by counting weekdays
 * that are not bank holidays, not by the code under test.
 */
class GovernancePropertiesTest {

    private static final int ESCALATION_WORKING_DAYS = 20;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void underRandomOutagesAndRetriesEveryActionIsEscalatedOnceOnTheFirstRunThatFindsItLateEnough(long seed) {
        GovernanceBook book = GovernanceReplay.coventry();
        Random random = new Random(seed);
        Set<LocalDate> outages = new TreeSet<>();
        for (LocalDate day = LocalDate.parse("2009-11-19"); !day.isAfter(book.asOf()); day = day.plusDays(1)) {
            if (random.nextInt(4) == 0) {
                outages.add(day);
            }
        }
        GovernanceReplay replay = GovernanceReplay.play(book, GovernanceReplay.packs(book,
                CoventryGovernanceExampleTest.EXCEPTIONS), outages, 1 + random.nextInt(3));

        Map<String, LocalDate> expected = new TreeMap<>();
        for (ActionRecord action : replay.store.actions()) {
            firstRunLateEnough(action, book, outages).ifPresent(day -> expected.put(action.id(), day));
        }
        Map<String, LocalDate> escalated = replay.store.outbox().stream()
                .collect(Collectors.toMap(Escalation::action, Escalation::on));
        assertThat(escalated).isEqualTo(expected);
        List<String> auditedOnce = replay.store.trail().page(book.registerId(), Optional.empty(), 200).entries()
                .stream().filter(e -> e.action().equals("ACTION_ESCALATED")).map(AuditEntry::target).toList();
        assertThat(auditedOnce).doesNotHaveDuplicates().hasSize(expected.size());
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22})
    void shufflingTheBooksListsChangesNothing(long seed) {
        GovernanceBook book = GovernanceReplay.coventry();
        GovernanceBook shuffled = GovernanceReplay.coventryShuffled(new Random(seed));
        assertThat(summary(shuffled)).isEqualTo(summary(book));
    }

    /** What the replay's files will show, as lines. */
    private static List<String> summary(GovernanceBook book) {
        GovernanceReplay replay = GovernanceReplay.play(book, GovernanceReplay.packs(book,
                CoventryGovernanceExampleTest.EXCEPTIONS));
        Standing standing = replay.service.standing(replay.clerk);
        List<String> lines = new ArrayList<>();
        replay.service.decisionsLog(replay.clerk).forEach(d -> lines.add(d.toString()));
        replay.store.decisions().forEach(d -> lines.add(d.id() + " " + d.quorum()));
        replay.store.actions().forEach(a -> lines.add(standing.of(a).toString()));
        replay.store.recommendations().forEach(r -> lines.add(standing.of(r).toString()));
        replay.store.meetings().forEach(m -> lines.add(m.toString()));
        replay.store.outbox().forEach(e -> lines.add(e.toString()));
        replay.refused.forEach(r -> lines.add(r.toString()));
        replay.service.coverage(replay.clerk).forEach(c -> lines.add(c.toString()));
        return lines;
    }

    /** G6, by hand: the first day the run happens after which, at the end of the day before, the action was open and 20 working days late. */
    private static Optional<LocalDate> firstRunLateEnough(ActionRecord action, GovernanceBook book,
                                                          Set<LocalDate> outages) {
        for (LocalDate run = action.madeOn().plusDays(1); !run.isAfter(book.asOf()); run = run.plusDays(1)) {
            if (!isWorkingDay(run, book) || outages.contains(run)) {
                continue;
            }
            LocalDate yesterday = run.minusDays(1);
            boolean closed = action.completed().or(action::dropped).filter(c -> !c.on().isAfter(yesterday)).isPresent();
            LocalDate due = action.originalDue();
            for (ActionRecord.DueChange change : action.variations()) {
                if (!change.on().isAfter(yesterday)) {
                    due = change.due();
                }
            }
            int late = 0;
            for (LocalDate d = due.plusDays(1); !d.isAfter(yesterday); d = d.plusDays(1)) {
                late += isWorkingDay(d, book) ? 1 : 0;
            }
            if (!closed && late >= ESCALATION_WORKING_DAYS) {
                return Optional.of(run);
            }
        }
        return Optional.empty();
    }

    private static boolean isWorkingDay(LocalDate day, GovernanceBook book) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !book.bankHolidays().contains(day);
    }
}
