package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.run.CommitJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: the system on this machine for a browser, with demo users and the West Midlands programme loaded. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Starts the embedded stack and serves the API under http://127.0.0.1:PORT/api/ with sign-in,"
                + " until stopped (Ctrl+C).")
final class ServeCommand implements Callable<Integer> {

    static final String DEMO_PROGRAMME = "l2d-2007-08";
    static final String DEMO_ROUND = "coventry-commissioning-2002";

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "The port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".grants-local",
            description = "Where the local AWS stack keeps its tables and objects (default: ${DEFAULT-VALUE}).")
    Path stateDirectory;

    @Option(names = "--commit-in-background-above", paramLabel = "N", defaultValue = "" + CommitJobs.DEFAULT_BACKGROUND_ABOVE,
            description = "Commit programmes of more than N partnerships as background jobs, as on AWS"
                    + " (default: ${DEFAULT-VALUE}; 10 shows it with the demo programme).")
    int commitInBackgroundAbove;

    private final PrintStream out = System.out;

    /**
     * One person per role, each with their own records where the role has them, and where their
     * binding applies: the manager, finance and the auditor everywhere, the adviser and the
     * partnership member in the demo programme, the round's people in the demo round. These are
     * what {@link #bindDemoUsers} stores; their tokens carry only what is stored.
     */
    static List<LocalSignIn.DemoUser> demoUsers(String password) {
        List<LocalSignIn.DemoUser> users = new java.util.ArrayList<>(List.of(
                demo("manager@demo.grants.local", Role.PROGRAMME_MANAGER, null, null, password),
                demo("finance@demo.grants.local", Role.FINANCE_OFFICER, null, null, password),
                inProgramme("adviser@demo.grants.local", Role.ADVISER, null, "adviser-health", password),
                inProgramme("birmingham@demo.grants.local", Role.PARTNERSHIP_MEMBER, "birmingham", null, password),
                demo("auditor@demo.grants.local", Role.AUDITOR, null, null, password),
                inRound("board@demo.grants.local", Role.BOARD_MEMBER, "board-01", null, password),
                inRound("subgroup@demo.grants.local", Role.SUB_GROUP, "unemployment", null, password),
                inRound("proposer@demo.grants.local", Role.PROPOSER, null, "pathways", password),
                inRound("panel@demo.grants.local", Role.PANEL_MEMBER, "u2", null, password),
                inRegister("owner@demo.grants.local", Role.INDICATOR_OWNER, DemoRegister.DEMO_OWNER, password)));
        // Governance's people in the demo register (owner@demo, above, is one of them).
        DemoGovernance.PEOPLE.stream().filter(person -> users.stream().noneMatch(user -> user.person().email()
                .equals(person.email()))).forEach(person -> users.add(new LocalSignIn.DemoUser(
                        DemoGovernance.actor(person), password)));
        return List.copyOf(users);
    }

    /** Someone in the demo indicator register, as the person the register names. */
    private static LocalSignIn.DemoUser inRegister(String email, Role role, String personId, String password) {
        return new LocalSignIn.DemoUser(new Actor("demo-" + email.substring(0, email.indexOf('@')), email, Set.of(role),
                Optional.empty(), Optional.empty(), Set.of(DemoRegister.REGISTER_ID), Optional.of(personId),
                Optional.empty()), password);
    }

    /** Someone in the demo commissioning round: as a board member, sub-group or panel member, or proposing for an organisation. */
    private static LocalSignIn.DemoUser inRound(String email, Role role, String personId, String organisationId,
                                               String password) {
        return new LocalSignIn.DemoUser(new Actor("demo-" + email.substring(0, email.indexOf('@')), email, Set.of(role),
                Optional.empty(), Optional.empty(), Set.of(DEMO_ROUND, DemoRoundPastItsClosingDate.ROUND_ID),
                Optional.ofNullable(personId),
                Optional.ofNullable(organisationId)), password);
    }

    /** Someone in the demo programme only. */
    private static LocalSignIn.DemoUser inProgramme(String email, Role role, String partnershipId, String adviserId,
                                                    String password) {
        return new LocalSignIn.DemoUser(new Actor("demo-" + email.substring(0, email.indexOf('@')), email, Set.of(role),
                Optional.ofNullable(partnershipId), Optional.ofNullable(adviserId), Set.of(DEMO_PROGRAMME)), password);
    }

    /** Each demo user bound as a manager would bind them, through the API: what their ID tokens then carry. */
    static void bindDemoUsers(LocalFunctions functions, List<LocalSignIn.DemoUser> users) {
        for (LocalSignIn.DemoUser user : users) {
            Actor person = user.person();
            com.fasterxml.jackson.databind.node.ObjectNode binding = grants.documents.Json.object().put("name", person.email());
            person.partnershipId().ifPresent(id -> binding.put("partnershipId", id));
            person.adviserId().ifPresent(id -> binding.put("adviserId", id));
            person.personId().ifPresent(id -> binding.put("personId", id));
            person.organisationId().ifPresent(id -> binding.put("organisationId", id));
            for (String scope : person.programmes()) {
                boolean everywhere = scope.equals(Actor.EVERY_PROGRAMME);
                APIGatewayV2HTTPResponse bound = functions.api(LocalFunctions.apiEvent(
                        everywhere ? "PUT /bindings/{subject}" : "PUT /programmes/{programmeId}/bindings/{subject}",
                        everywhere ? Map.of("subject", person.subject())
                                : Map.of("programmeId", scope, "subject", person.subject()),
                        null, grants.documents.Json.write(binding), Map.of(), LocalFunctions.OPERATOR));
                if (bound.getStatusCode() >= 400) {
                    throw new IllegalStateException("a demo user could not be bound: " + bound.getBody());
                }
            }
        }
    }

    private static LocalSignIn.DemoUser demo(String email, Role role, String partnershipId, String adviserId,
                                            String password) {
        return new LocalSignIn.DemoUser(new Actor("demo-" + email.substring(0, email.indexOf('@')), email, Set.of(role),
                Optional.ofNullable(partnershipId), Optional.ofNullable(adviserId)), password);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        byte[] secret = new byte[6];
        new SecureRandom().nextBytes(secret);
        String password = "demo-" + HexFormat.of().formatHex(secret);
        List<LocalSignIn.DemoUser> users = demoUsers(password);
        // Ctrl+C runs the shutdown hooks and then halts: the hook waits for the stack to close, so the
        // SES emulator (a Node.js process) and the other emulators stop with the server, not after it.
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            try {
                closed.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }));
        // The demo round past its closing date is seeded on its own past days, then the clock is today's.
        ReplayClock clock = new ReplayClock(LocalDate.now());
        try (LocalFunctions functions = seededOnItsOwnDays(LocalFunctions.start(stateDirectory, clock, commitInBackgroundAbove), clock);
             LocalServer server = LocalServer.start(functions, port, users);
             BackgroundDelivery delivery = new BackgroundDelivery(functions)) {
            loadDemoProgramme(functions, users.get(0).person());
            setUpDemoRound(functions, users.get(0).person());
            DemoRegister.bindManager(functions, users.get(0).person());
            out.println("grants is running at " + server.origin() + "/ (the API under " + server.origin() + "/api/)");
            out.println("Programme " + DEMO_PROGRAMME + " (West Midlands 2007-08) is loaded, and round " + DEMO_ROUND
                    + " (Coventry's commissioning round, voting), and round " + DemoRoundPastItsClosingDate.ROUND_ID
                    + " (past its closing date: proposals in, scored by all but panel@demo), and indicator register "
                    + DemoRegister.REGISTER_ID + " (/registers/" + DemoRegister.REGISTER_ID + "; owner@demo records NI 195's"
                    + " 2009-10 Q2 figure; its board, scrutiny panel and theme groups, with the board meeting of 19 November"
                    + " 2009; POST " + server.origin() + "/local/govern-daily-run plays the daily escalation run)."
                    + " Demo users, password " + password + ":");
            users.forEach(user -> out.println("  " + user.person().email() + "  "
                    + user.person().roles().iterator().next().group()));
            out.println("Stop with Ctrl+C.");
            stopped.await();
        } finally {
            closed.countDown();
        }
        return 0;
    }

    /**
     * The demo round past its closing date, seeded on its own past days; then the clock is today's, so that
     * everything after (the demo users' bindings, the programme, the other round, and what people do) is
     * recorded when it happens.
     */
    private LocalFunctions seededOnItsOwnDays(LocalFunctions functions, ReplayClock clock) throws IOException {
        try {
            functions.ensureExportBucket();
            out.println("Seeding the demo round past its closing date and the demo indicator register with its governance"
                    + " (the first time only: about half a minute)...");
            DemoRoundPastItsClosingDate.seed(functions, clock, LocalFunctions.OPERATOR);
            DemoRegister.seed(functions, clock, LocalFunctions.OPERATOR);
            DemoGovernance.seed(functions, clock);
            clock.followTheSystemClock();
            return functions;
        } catch (IOException | RuntimeException failed) {
            functions.close();
            throw failed;
        }
    }

    /** Loaded as its manager would, through the handler, so the audit trail shows who. */
    static void loadDemoProgramme(LocalFunctions functions, Actor manager) throws IOException {
        String document;
        try (InputStream in = ServeCommand.class.getResourceAsStream("/grants/local/west-midlands-2007-08.json")) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        APIGatewayV2HTTPResponse stored = functions.api(LocalFunctions.apiEvent("PUT /programmes/{programmeId}",
                Map.of("programmeId", DEMO_PROGRAMME), null, document, Map.of(), manager));
        if (stored.getStatusCode() >= 400) {
            throw new IllegalStateException("the demo programme was refused: " + stored.getBody());
        }
    }

    /** The Coventry round's set-up, as its manager would make it: the board then votes in the console. */
    static void setUpDemoRound(LocalFunctions functions, Actor manager) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode setup;
        try (InputStream in = ServeCommand.class.getResourceAsStream("/grants/local/coventry-commissioning-round.json")) {
            setup = (com.fasterxml.jackson.databind.node.ObjectNode) grants.documents.Json.MAPPER.readTree(in);
        }
        java.util.List.of("ballots", "specifications", "proposals", "panels", "scores", "moderations").forEach(setup::remove);
        APIGatewayV2HTTPResponse stored = functions.api(LocalFunctions.apiEvent("PUT /rounds/{roundId}",
                Map.of("roundId", DEMO_ROUND), null, grants.documents.Json.write(setup), Map.of(), manager));
        if (stored.getStatusCode() == 409) {
            return; // voting began in an earlier session; the round stays as it is
        }
        if (stored.getStatusCode() >= 400) {
            throw new IllegalStateException("the demo round was refused: " + stored.getBody());
        }
    }
}
