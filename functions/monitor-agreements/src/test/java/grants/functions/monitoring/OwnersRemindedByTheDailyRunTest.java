package grants.functions.monitoring;

import grants.adapters.dynamodb.DynamoFigureReminderLedger;
import grants.adapters.dynamodb.DynamoReportingStore;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.notices.Notice;
import grants.core.reporting.ContributingAgreement;
import grants.core.reporting.Figure;
import grants.core.reporting.FigureReminder;
import grants.core.reporting.Indicator;
import grants.core.reporting.Meeting;
import grants.core.reporting.Observation;
import grants.core.reporting.Outcome;
import grants.core.reporting.Period;
import grants.core.reporting.Person;
import grants.core.reporting.ReportingService;
import grants.core.reporting.Theme;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily reminder run (its handler on the emulators, every AWS call checked against its policy in
 * template.yaml) reminds indicator owners too. The board meets on Thursday 29 August 2002 to review
 * 2002-03 Q1, so its figures are due by Wednesday 28 August; with Monday 26 August a bank holiday, the
 * fifth working day before is Tuesday 20 August. The owner without a figure is reminded then, once; the
 * owner who recorded theirs is not.
 */
class OwnersRemindedByTheDailyRunTest {

    private static final String REGISTER = "coventry-laa";
    private static final Period Q1 = Period.parse("2002-03 Q1");

    private final MonitoringOnTheEmulators stack = MonitoringOnTheEmulators.empty(getClass());
    private final Actor manager = MonitoringOnTheEmulators.person("manager-jo", Role.PROGRAMME_MANAGER, null, REGISTER);
    private final Actor martin = MonitoringOnTheEmulators.person("owner-martin", Role.INDICATOR_OWNER, null, REGISTER);

    @Test
    void theOwnerWithoutAFigureIsRemindedOnTheFifthWorkingDayBeforeOnceAndTheOwnerWithOneIsNot() {
        ReportingService reporting = keptAsTheManagerKeepsIt();
        stack.on("2002-07-02");
        reporting.record(martin, REGISTER, "ni-195", Q1, Figure.of("8.2"), Observation.Finality.FINAL, null);

        stack.on("2002-08-19");
        assertThat(DailyRun.of(stack).run()).endsWith("0 figure reminder(s) handled, 0 sent, 0 without an address");

        stack.on("2002-08-20");
        assertThat(DailyRun.of(stack).run()).endsWith("1 figure reminder(s) handled, 1 sent, 0 without an address");
        assertThat(DailyRun.of(stack).run()).as("run again").endsWith("0 figure reminder(s) handled, 0 sent, 0 without an address");

        assertThat(new DynamoFigureReminderLedger(stack.wiring.table(), stack.wiring.auditTable()).ledger(REGISTER))
                .singleElement().satisfies(row -> {
                    assertThat(row.reminder().id()).isEqualTo("figures/coventry-laa/ni-152/2002-03 Q1/2002-08-28");
                    assertThat(row.outcome()).isEqualTo(FigureReminder.Handled.Outcome.SENT);
                    assertThat(row.recipients()).containsExactly("sandra@coventry.example");
                });
        assertThat(stack.wiring.notices().withPrefix(REGISTER, Notice.REMINDER_KEY)).extracting(Notice::key)
                .containsExactly("reminder/figures/coventry-laa/ni-152/2002-03 Q1/2002-08-28");
    }

    private ReportingService keptAsTheManagerKeepsIt() {
        stack.on("2002-04-01");
        ReportingService reporting = new ReportingService(new DynamoReportingStore(stack.wiring.table(),
                stack.wiring.auditTable()), id -> Optional.<ContributingAgreement>empty(), stack.clock);
        reporting.createRegister(manager, REGISTER, null);
        reporting.saveTheme(manager, REGISTER, new Theme("safer", "Safer communities"));
        reporting.saveOutcome(manager, REGISTER, new Outcome("less-harm", "Less harm", "safer"));
        reporting.savePerson(manager, REGISTER, new Person("owner-sandra", "Sandra Reid", "sandra@coventry.example",
                Person.Kind.OWNER));
        reporting.savePerson(manager, REGISTER, new Person("owner-martin", "Martin Cole", "martin@coventry.example",
                Person.Kind.OWNER));
        reporting.saveIndicator(manager, REGISTER, indicator("ni-152", "NI 152", "owner-sandra"));
        reporting.saveIndicator(manager, REGISTER, indicator("ni-195", "NI 195", "owner-martin"));
        reporting.addMeeting(manager, REGISTER, new Meeting(java.time.LocalDate.of(2002, 8, 29), Q1));
        return reporting;
    }

    private static Indicator indicator(String id, String reference, String owner) {
        return new Indicator(id, reference, "Indicator " + reference, "less-harm", owner,
                Indicator.Polarity.LOWER_IS_BETTER, Indicator.Measure.RATE, Indicator.Accumulation.LEVEL, 1, "per 1,000",
                new Indicator.Baseline(Period.parse("2001-02 Q4"), new BigDecimal("15.2")),
                new TreeMap<>(Map.of("2002-03", new BigDecimal("14.8"))), new BigDecimal("2.5"), List.of());
    }
}
