package grants.bench;

import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoGovernanceStore;
import grants.adapters.dynamodb.DynamoReportingStore;
import grants.adapters.dynamodb.GovernanceSeed;
import grants.adapters.wiring.Wiring;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.governance.ActionRecord;
import grants.core.governance.Body;
import grants.core.governance.DecisionRequest;
import grants.core.governance.GovernanceService;
import grants.core.governance.GovernanceSettings;
import grants.core.governance.Meeting;
import grants.core.governance.PackExceptions;
import grants.core.governance.Terms;
import grants.core.notices.Notice;
import grants.core.reporting.ContributingAgreement;
import grants.core.reporting.Person;
import grants.core.reporting.ReportingService;
import grants.functions.escalations.DailyEscalationRunHandler;
import grants.localaws.LocalAwsStack;
import grants.localaws.LocalLambdaContext;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The daily escalation run (G6) over a national number of actions on the embedded stack, through
 * GovernBoards' daily-run handler as EventBridge Scheduler starts it at 07:00. The board of one register
 * decides {@code due} actions through the use case (timed), all due on Thursday 22 January 2026; the rest
 * are open actions due later (from 2 March 2026 over the next two years), put in as the store leaves them
 * ({@link GovernanceSeed}). The run then goes on a day before anything is due, a day the {@code due} are 9
 * working days overdue (read, none escalated), the day they reach 20 (each escalated, its email queued), and
 * that day again.
 */
final class GovernanceDailyRunScale {

    record Result(int actions, int due, long decide, long seed, long quietDay, long notYetDay, long busyDay,
                  long busyDayAgain, int emailsQueued, List<String> summaries) {
    }

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String REGISTER = "national-register";
    /** A Thursday: the board meets and decides the actions due on 22 January. */
    private static final LocalDate MEETING = LocalDate.of(2026, 1, 8);
    private static final LocalDate DUE = LocalDate.of(2026, 1, 22);
    private static final LocalDate LATER = LocalDate.of(2026, 3, 2);
    /** Owners of the actions, each with an address in the register, as its people. */
    private static final int OWNERS = 100;

    private GovernanceDailyRunScale() {
    }

    static Result run(int actions, int due, PrintStream log) {
        try (LocalAwsStack stack = LocalAwsStack.inMemory()) {
            BenchTables tables = BenchTables.on(stack);
            AwsClients aws = tables.aws();
            Environment environment = tables.environment();
            Wiring deciding = new Wiring(environment, aws, at(MEETING));
            Actor clerk = new Actor("bench@example.org", "bench@example.org", Set.of(Role.PROGRAMME_MANAGER),
                    Optional.empty(), Optional.empty(), Set.of(REGISTER), Optional.of("clerk"), Optional.empty());
            keepThePeople(deciding, clerk);
            GovernanceService board = new GovernanceService(new DynamoGovernanceStore(deciding.table(),
                    deciding.auditTable(), REGISTER), PackExceptions.NONE, GovernanceSettings.STANDARD, REGISTER,
                    at(MEETING));
            board.setUpBody(clerk, new Body("board", "The national board", Body.Kind.BOARD, Optional.empty(), true, 1,
                    List.of(new Body.Member("chair", Body.Role.CHAIR, Optional.empty()))));
            board.recordMeeting(clerk, new Meeting("board", MEETING, List.of("chair", "clerk")));

            AtomicInteger decided = new AtomicInteger();
            long decide = Stopwatch.millis(() -> RoundScale.parallel(IntStream.range(0, due).boxed().toList(), i -> {
                board.decide(clerk, new DecisionRequest(String.format("board-%06d", i), "board", "Item " + i,
                        Optional.empty(), List.of(), Optional.empty(),
                        new Terms.Action(owner(i), DUE, "a report to the board")));
                decided.incrementAndGet();
            }));
            if (decided.get() != due) {
                throw new IllegalStateException("only " + decided.get() + " of " + due + " actions were decided");
            }
            AtomicInteger putIn = new AtomicInteger();
            List<Integer> rest = IntStream.range(due, actions).boxed().toList();
            long seed = Stopwatch.millis(() -> DailyRunScale.chunks(rest, 1_000).forEach(chunk -> {
                RoundScale.parallel(GovernanceSeed.batches(deciding.table(), REGISTER,
                        chunk.stream().map(GovernanceDailyRunScale::later).toList()), Runnable::run);
                if (putIn.addAndGet(chunk.size()) % 10_000 == 0) {
                    log.printf("  put in %,d actions%n", putIn.get());
                }
            }));
            log.printf("  decided %,d actions through the use case in %,d ms, put in %,d more in %,d ms%n", due, decide,
                    rest.size(), seed);
            List<String> summaries = new ArrayList<>();
            long quiet = Stopwatch.millis(() -> summaries.add(runOn(environment, aws, DUE)));
            long notYet = Stopwatch.millis(() -> summaries.add(runOn(environment, aws, LocalDate.of(2026, 2, 5))));
            LocalDate twentieth = LocalDate.of(2026, 2, 20);
            long busy = Stopwatch.millis(() -> summaries.add(runOn(environment, aws, twentieth)));
            long again = Stopwatch.millis(() -> summaries.add(runOn(environment, aws, twentieth)));
            int emails = deciding.notices().withPrefix(REGISTER, Notice.REMINDER_KEY).size();
            return new Result(actions, due, decide, seed, quiet, notYet, busy, again, emails, summaries);
        }
    }

    /** The register's people: the owners and the chair, each with an address (so each escalation queues its email). */
    private static void keepThePeople(Wiring wiring, Actor clerk) {
        ReportingService register = new ReportingService(new DynamoReportingStore(wiring.table(), wiring.auditTable()),
                ContributingAgreement.Source.NONE, at(MEETING));
        register.createRegister(clerk, REGISTER, null);
        register.savePerson(clerk, REGISTER, new Person("chair", "The chair", "chair@example.org", Person.Kind.BOARD));
        for (int i = 0; i < OWNERS; i++) {
            register.savePerson(clerk, REGISTER, new Person(owner(i), "Owner " + i, owner(i) + "@example.org",
                    Person.Kind.OWNER));
        }
    }

    private static String owner(int i) {
        return "owner-" + (i % OWNERS);
    }

    /** An open action decided at the same meeting, due on one of the 600 days from 2 March 2026. */
    private static ActionRecord later(int i) {
        String id = String.format("board-%06d", i);
        return ActionRecord.made(id, id, "board", owner(i), MEETING, LATER.plusDays(i % 600), "a report to the board");
    }

    /** The scheduled run of that day, as deployed: the handler built from the shared wiring, its clock at 07:00. */
    private static String runOn(Environment environment, AwsClients aws, LocalDate day) {
        DailyEscalationRunHandler handler = new DailyEscalationRunHandler(new Wiring(environment, aws, at(day)));
        return day + ": " + handler.handleRequest(Map.of(), new LocalLambdaContext("GovernBoardsDailyRunFunction"));
    }

    private static Clock at(LocalDate day) {
        return Clock.fixed(day.atTime(LocalTime.of(7, 0)).atZone(LONDON).toInstant(), LONDON);
    }
}
