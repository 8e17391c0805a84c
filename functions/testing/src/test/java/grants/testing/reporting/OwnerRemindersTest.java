package grants.testing.reporting;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.calendar.WorkingDays;
import grants.core.notices.Letter;
import grants.core.reporting.ContributingAgreement;
import grants.core.reporting.Figure;
import grants.core.reporting.FigureReminder;
import grants.core.reporting.FigureReminderEmails;
import grants.core.reporting.Indicator;
import grants.core.reporting.Meeting;
import grants.core.reporting.Observation;
import grants.core.reporting.Outcome;
import grants.core.reporting.OwnerReminders;
import grants.core.reporting.Period;
import grants.core.reporting.Person;
import grants.core.reporting.ReportingService;
import grants.core.reporting.Theme;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryFigureReminderLedger;
import grants.testing.InMemoryReportingStore;
import grants.testing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Owners are reminded five working days before a quarter's figures are due: the figures of 2009-10 Q2 are
 * due by Wednesday 18 November 2009, the day before the board meeting of 19 November that reviews it.
 * With Monday 16 November a bank holiday, the fifth working day before is Tuesday 10 November.
 */
class OwnerRemindersTest {

    private static final String REGISTER = "coventry-laa";
    private static final Period Q2 = Period.parse("2009-10 Q2");
    private static final LocalDate HOLIDAY = LocalDate.of(2009, 11, 16);

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final InMemoryReportingStore store = new InMemoryReportingStore(trail);
    private final InMemoryFigureReminderLedger ledger = new InMemoryFigureReminderLedger(trail);
    private final SettableClock clock = new SettableClock(RegisterReplay.at(LocalDate.of(2009, 4, 1)));
    private final ReportingService service = new ReportingService(store, id -> Optional.<ContributingAgreement>empty(),
            clock);
    private final OwnerReminders reminders = new OwnerReminders(store, ledger, () -> new WorkingDays(List.of(HOLIDAY)),
            clock);

    private final Actor manager = person("manager-jo", Role.PROGRAMME_MANAGER);
    private final Actor sandra = person("owner-sandra", Role.INDICATOR_OWNER);

    @BeforeEach
    void keepTheRegister() {
        service.createRegister(manager, REGISTER, null);
        service.saveTheme(manager, REGISTER, new Theme("safer", "Safer communities"));
        service.saveOutcome(manager, REGISTER, new Outcome("less-harm", "Less harm", "safer"));
        service.savePerson(manager, REGISTER, new Person("owner-sandra", "Sandra Reid", "sandra@coventry.example",
                Person.Kind.OWNER));
        service.savePerson(manager, REGISTER, new Person("owner-martin", "Martin Cole", null, Person.Kind.OWNER));
        service.saveIndicator(manager, REGISTER, indicator("ni-152", "NI 152", "owner-sandra", "2008-09 Q4"));
        service.saveIndicator(manager, REGISTER, indicator("ni-195", "NI 195", "owner-martin", "2008-09 Q4"));
        service.saveIndicator(manager, REGISTER, indicator("ni-8", "NI 8", "owner-sandra", "2009-10 Q3"));
        service.addMeeting(manager, REGISTER, new Meeting(LocalDate.of(2009, 11, 19), Q2));
        service.addMeeting(manager, REGISTER, new Meeting(LocalDate.of(2009, 12, 10), Q2)); // a second look: no new due day
    }

    @Test
    void anOwnerWithoutAFigureIsRemindedOnTheFifthWorkingDayBeforeTheDueDayCountingTheBankHoliday() {
        assertThat(runOn(LocalDate.of(2009, 11, 9))).as("the sixth working day before").isEmpty();

        List<FigureReminder.Handled> handled = runOn(LocalDate.of(2009, 11, 10));

        assertThat(handled).extracting(h -> h.reminder().reference(), FigureReminder.Handled::outcome,
                FigureReminder.Handled::recipients).containsExactly(
                org.assertj.core.groups.Tuple.tuple("NI 152", FigureReminder.Handled.Outcome.SENT,
                        List.of("sandra@coventry.example")),
                org.assertj.core.groups.Tuple.tuple("NI 195", FigureReminder.Handled.Outcome.NO_CONTACT, List.of()));
        assertThat(handled).allSatisfy(h -> {
            assertThat(h.reminder().dueOn()).isEqualTo(LocalDate.of(2009, 11, 18));
            assertThat(h.caughtUp()).isFalse();
        });
        assertThat(ledger.queued()).as("one email, NI 8's baseline is after the quarter").hasSize(1);
        assertThat(runOn(LocalDate.of(2009, 11, 11))).as("the next day").isEmpty();
        assertThat(trail.page(REGISTER, Optional.empty(), 100).entries()).filteredOn(e -> e.action()
                .startsWith("FIGURE_REMINDER_")).extracting(e -> e.action() + " " + e.target()).containsExactlyInAnyOrder(
                "FIGURE_REMINDER_SENT reminder figures/coventry-laa/ni-152/2009-10 Q2/2009-11-18",
                "FIGURE_REMINDER_NO_CONTACT reminder figures/coventry-laa/ni-195/2009-10 Q2/2009-11-18");
    }

    @Test
    void aRegisterKeepingThreeWorkingDaysRemindsOnTheThirdWorkingDayBefore() {
        service.keepRegister(manager, REGISTER, null, OptionalInt.of(3));

        assertThat(runOn(LocalDate.of(2009, 11, 11))).isEmpty();
        assertThat(runOn(LocalDate.of(2009, 11, 12))).hasSize(2)
                .allSatisfy(h -> assertThat(h.reminder().plannedOn()).isEqualTo(LocalDate.of(2009, 11, 12)));
    }

    @Test
    void theEmailSaysInPlainEnglishWhatIsDueByWhenAndForWhichMeeting() {
        Letter letter = FigureReminderEmails.letter(runOn(LocalDate.of(2009, 11, 10)).get(0));
        String sentence = "Your figure for NI 152, 2009-10 Q2, is due by 18 November 2009, for the board meeting of"
                + " 19 November 2009.";
        assertThat(letter.subject()).isEqualTo("Your figure for NI 152, 2009-10 Q2, is due by 18 November 2009");
        assertThat(letter.text()).startsWith(sentence).contains("1 July 2009 to 30 September 2009");
        assertThat(letter.html()).contains("<p>" + sentence + "</p>");
        assertThat(letter.addressees()).containsExactly("sandra@coventry.example");
        assertThat(new FigureReminderEmails(ledger).letter("figures/coventry-laa/ni-195/2009-10 Q2/2009-11-18"))
                .as("not sent: no letter").isEmpty();
    }

    @Test
    void nothingIsSentOnceTheFigureIsIn() {
        clock.set(RegisterReplay.at(LocalDate.of(2009, 11, 9)));
        service.record(sandra, REGISTER, "ni-152", Q2, Figure.of("14.9"), Observation.Finality.PROVISIONAL, null);

        assertThat(runOn(LocalDate.of(2009, 11, 10))).extracting(h -> h.reminder().reference())
                .containsExactly("NI 195");
        assertThat(ledger.queued()).isEmpty();
    }

    @Test
    void twoRunsRacingSendEachReminderOnce() {
        clock.set(RegisterReplay.at(LocalDate.of(2009, 11, 10)));
        List<CompletableFuture<List<FigureReminder.Handled>>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(CompletableFuture.supplyAsync(reminders::run));
        }
        assertThat(runs.stream().mapToInt(run -> run.join().size()).sum()).isEqualTo(2);
        assertThat(ledger.queued()).hasSize(1);
    }

    @Test
    void aMissedDayIsCaughtUpLateOnceButNotAfterTheDueDay() {
        List<FigureReminder.Handled> late = runOn(LocalDate.of(2009, 11, 17));
        assertThat(late).hasSize(2).allSatisfy(h -> assertThat(h.caughtUp()).isTrue());
        assertThat(runOn(LocalDate.of(2009, 11, 18))).isEmpty();

        InMemoryFigureReminderLedger fresh = new InMemoryFigureReminderLedger(trail);
        clock.set(RegisterReplay.at(LocalDate.of(2009, 11, 19)));
        assertThat(new OwnerReminders(store, fresh, () -> new WorkingDays(List.of(HOLIDAY)), clock).run())
                .as("the meeting's day: the pack is frozen").isEmpty();
    }

    private List<FigureReminder.Handled> runOn(LocalDate day) {
        clock.set(RegisterReplay.at(day));
        return reminders.run();
    }

    private static Indicator indicator(String id, String reference, String owner, String baseline) {
        return new Indicator(id, reference, "Indicator " + reference, "less-harm", owner,
                Indicator.Polarity.LOWER_IS_BETTER, Indicator.Measure.RATE, Indicator.Accumulation.LEVEL, 1, "per 1,000",
                new Indicator.Baseline(Period.parse(baseline), new BigDecimal("15.2")),
                new TreeMap<>(Map.of("2009-10", new BigDecimal("14.8"))), new BigDecimal("2.5"), List.of());
    }

    private static Actor person(String id, Role role) {
        return new Actor(id, id + "@example.org", Set.of(role), Optional.empty(), Optional.empty(), Set.of(REGISTER),
                Optional.of(id), Optional.empty());
    }
}
