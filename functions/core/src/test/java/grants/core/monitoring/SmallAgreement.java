package grants.core.monitoring;

import grants.core.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One small agreement for the rule tests: April 2024 to March 2025, four instalments of 1,000.00 on
 * the quarter days, milestone m1 (30 September) gating the third, 150 people a year, and the
 * people who act on it.
 */
final class SmallAgreement {

    static final WorkingDays CALENDAR = new WorkingDays(List.of(LocalDate.parse("2024-05-06"),
            LocalDate.parse("2024-05-27"), LocalDate.parse("2024-08-26"), LocalDate.parse("2024-12-25"),
            LocalDate.parse("2024-12-26"), LocalDate.parse("2025-01-01"), LocalDate.parse("2025-04-18"),
            LocalDate.parse("2025-04-21")));

    static final MonitoringSettings SETTINGS = new MonitoringSettings(20, 40, 5, true, true, List.of(
            new MonitoringSettings.ReminderRule("r-before", -5, MonitoringSettings.Audience.LEAD),
            new MonitoringSettings.ReminderRule("r-due", 0, MonitoringSettings.Audience.LEAD),
            new MonitoringSettings.ReminderRule("r-escalate", 10, MonitoringSettings.Audience.OFFICER)));

    static final Participant LEAD = new Participant("lead", Participant.Kind.LEAD_CONTACT, Optional.of("org"));
    static final Participant OTHER_LEAD = new Participant("lead-2", Participant.Kind.LEAD_CONTACT, Optional.of("org"));
    static final Participant STRANGER = new Participant("lead-x", Participant.Kind.LEAD_CONTACT, Optional.of("x"));
    static final Participant OFFICER = new Participant("officer", Participant.Kind.OFFICER, Optional.empty());
    static final Participant OTHER_OFFICER = new Participant("officer-2", Participant.Kind.OFFICER, Optional.empty());
    static final Participant MANAGER = new Participant("manager", Participant.Kind.MANAGER, Optional.empty());
    static final Participant FINANCE = new Participant("finance", Participant.Kind.FINANCE, Optional.empty());
    static final Participant SUB_GROUP = new Participant("sub-group", Participant.Kind.SUB_GROUP, Optional.empty());

    static final String Q1 = "a/2024-25 Q1";
    static final String Q2 = "a/2024-25 Q2";
    static final String FINAL = "a/2024-25 Q4";

    private SmallAgreement() {
    }

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    static Agreement agreement(String id, String organisation) {
        return new Agreement(id, Agreement.Source.CONTRACT, "round", organisation, "officer", day("2024-04-01"),
                day("2025-03-31"), List.of(new Agreement.Instalment(1, day("2024-04-01"), 100_000),
                new Agreement.Instalment(2, day("2024-07-01"), 100_000),
                new Agreement.Instalment(3, day("2024-10-01"), 100_000),
                new Agreement.Instalment(4, day("2025-01-01"), 100_000)),
                List.of(new Agreement.Milestone(id + "/m1", day("2024-09-30"), "Steering group in place", Set.of(3))),
                List.of(new Agreement.Output("People", 150)));
    }

    static MonitoredAgreement started() {
        return MonitoredAgreement.start(agreement("a", "org"), SETTINGS, CALENDAR);
    }

    static Submission version(String on, Participant by, long people) {
        return new Submission(day(on), by.id(), java.util.Map.of("People", people), "Done.", "More.");
    }

    static Review accepted(String on, Participant by) {
        return new Review(day(on), by.id(), true, null);
    }

    static Review sentBack(String on, Participant by) {
        return new Review(day(on), by.id(), false, "Count each person once.");
    }

    static Act act(String on, Participant by, String words) {
        return new Act(day(on), by.id(), words);
    }
}
