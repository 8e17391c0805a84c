package grants.bench;

import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.MonitoringSeed;
import grants.adapters.wiring.Wiring;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.calendar.WorkingDays;
import grants.core.commissioning.RoundSetup;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.KnownAddressees;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.Reminder;
import grants.core.rounds.RoundHeader;
import grants.functions.reminders.DailyReminderRunHandler;
import grants.localaws.LocalAwsStack;
import grants.localaws.LocalLambdaContext;

import java.io.PrintStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daily reminder run (M8) over a national number of agreements on the embedded stack, through
 * MonitorAgreements' daily-run handler as EventBridge Scheduler starts it at 07:00: on a working day
 * with nothing due, and on the day the first reminders of {@code due} contracts fall. Those contracts
 * are entered through the use case (record, one pointer in the day index, audit entry), timed; the
 * rest, which start a quarter later and so have every reminder still to come, are put in as the
 * store leaves them ({@link MonitoringSeed}). That is the index's steady state: every agreement
 * pointing at its next reminder's day.
 */
final class DailyRunScale {

    record Result(int agreements, int returns, int due, long enter, long seed, long quietDay, long busyDay, long busyDayAgain,
                  String quietSummary, String busySummary, String againSummary) {
    }

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String ROUND = "national-round";
    private static final LocalDate FIRST_START = LocalDate.parse("2027-04-01");
    private static final WorkingDays NO_HOLIDAYS = new WorkingDays(List.of());

    private DailyRunScale() {
    }

    static Result run(int agreements, int due, PrintStream log) {
        RoundSetup setup = RoundScale.generate(1, 1, new Random(42)).setup();
        List<RoundSetup.Organisation> organisations = setup.organisations();
        List<Agreement> all = new ArrayList<>(agreements);
        for (int i = 0; i < agreements; i++) {
            LocalDate start = i < due ? FIRST_START : FIRST_START.plusMonths(3);
            all.add(contract("contract-" + i, organisations.get(i % organisations.size()).id(), start));
        }
        LocalDate busyDay = firstReminderDay(all.get(0));
        LocalDate quietDay = busyDay.minusDays(busyDay.getDayOfWeek() == DayOfWeek.MONDAY ? 3 : 1);
        try (LocalAwsStack stack = LocalAwsStack.inMemory()) {
            BenchTables tables = BenchTables.on(stack);
            AwsClients aws = tables.aws();
            Environment environment = tables.environment();
            Wiring entering = new Wiring(environment, aws, at(FIRST_START.minusMonths(1)));
            Actor manager = new Actor("bench@example.org", "bench@example.org", Set.of(Role.PROGRAMME_MANAGER),
                    Optional.empty(), Optional.empty(), Set.of(ROUND));
            entering.rounds().create(RoundHeader.open(setup), AuditEntry.by(manager, Instant.now(), ROUND,
                    "ROUND_SET_UP", "bench", null, null));
            MonitoringService monitoring = new MonitoringService(entering.monitoring(), new KnownAddressees(entering.rounds(),
                    entering.programmes(), entering.notices()),
                    at(FIRST_START.minusMonths(1)));
            long enter = Stopwatch.millis(() -> RoundScale.parallel(chunks(all.subList(0, due), 10),
                    chunk -> monitoring.enter(manager, chunk)));
            List<Agreement> later = all.subList(due, agreements);
            // A thousand at a time: the items of 100,000 records at once would not fit the heap.
            AtomicInteger putIn = new AtomicInteger();
            long seed = Stopwatch.millis(() -> chunks(later, 1_000).forEach(chunk -> {
                RoundScale.parallel(MonitoringSeed.batches(entering.table(), chunk.stream().map(DailyRunScale::monitored).toList(),
                        agreement -> Reminder.plannedFor(agreement, NO_HOLIDAYS)), Runnable::run);
                if (putIn.addAndGet(chunk.size()) % 10_000 == 0) {
                    log.printf("  put in %,d agreements%n", putIn.get());
                }
            }));
            int returns = all.stream().mapToInt(agreement -> monitored(agreement).madeReturns().size()).sum();
            log.printf("  entered %,d agreements through the use case in %,d ms, put in %,d more in %,d ms (%,d returns);"
                    + " the run on %s (nothing due), then on %s%n", due, enter, later.size(), seed, returns, quietDay, busyDay);
            String[] summaries = new String[3];
            long quiet = Stopwatch.millis(() -> summaries[0] = runOn(environment, aws, quietDay));
            long busy = Stopwatch.millis(() -> summaries[1] = runOn(environment, aws, busyDay));
            long again = Stopwatch.millis(() -> summaries[2] = runOn(environment, aws, busyDay));
            return new Result(agreements, returns, due, enter, seed, quiet, busy, again, summaries[0], summaries[1], summaries[2]);
        }
    }

    /** The scheduled run of that day, as deployed: the handler built from the shared wiring, its clock at 07:00. */
    private static String runOn(Environment environment, AwsClients aws, LocalDate day) {
        DailyReminderRunHandler handler = new DailyReminderRunHandler(new Wiring(environment, aws, at(day)));
        return handler.handleRequest(Map.of(), new LocalLambdaContext("MonitorAgreementsDailyRunFunction"));
    }

    private static Clock at(LocalDate day) {
        return Clock.fixed(day.atTime(LocalTime.of(7, 0)).atZone(LONDON).toInstant(), LONDON);
    }

    /** Three years of quarterly returns, three instalments, a milestone and two outputs: a contract as rounds make them. */
    private static Agreement contract(String id, String organisation, LocalDate start) {
        return new Agreement(id, Agreement.Source.CONTRACT, ROUND, organisation, "officer-" + organisation, start,
                start.plusYears(3).minusDays(1),
                List.of(new Agreement.Instalment(1, start, 100_000_00), new Agreement.Instalment(2, start.plusYears(1), 100_000_00),
                        new Agreement.Instalment(3, start.plusYears(2), 100_000_00)),
                List.of(new Agreement.Milestone(id + "/m1", start.plusMonths(6), "Service open", Set.of(2))),
                List.of(new Agreement.Output("People helped", 400), new Agreement.Output("Sessions", 48)));
    }

    private static LocalDate firstReminderDay(Agreement agreement) {
        return Reminder.plannedFor(monitored(agreement), NO_HOLIDAYS).stream()
                .map(Reminder::plannedOn).min(LocalDate::compareTo).orElseThrow();
    }

    /** As the use case starts it; the table holds no bank holidays, so neither does this. */
    private static MonitoredAgreement monitored(Agreement agreement) {
        return MonitoredAgreement.start(agreement, MonitoringSettings.STANDARD, NO_HOLIDAYS);
    }

    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }
}
