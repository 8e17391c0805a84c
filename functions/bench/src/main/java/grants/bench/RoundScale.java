package grants.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoRoundStore;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.wiring.Wiring;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.Ballot;
import grants.core.commissioning.Decisions;
import grants.core.commissioning.Fraction;
import grants.core.commissioning.Fund;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.Round;
import grants.core.commissioning.RoundSetup;
import grants.core.commissioning.ScoreSheet;
import grants.core.commissioning.Sector;
import grants.core.commissioning.Specification;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.Stage;
import grants.functions.rounds.CommissionRoundsHandler;
import grants.http.Identity;
import grants.localaws.LocalAwsStack;
import grants.localaws.LocalLambdaContext;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A round of national size on the embedded stack: 50 priorities, 2,000 proposals and 20,000 scores
 * stored through the round store (16 writers at once), then decided through CommissionRounds'
 * handler, as the manager's "decide" does; beside it, the rules alone on the same round in memory.
 */
final class RoundScale {

    record Result(int priorities, int proposals, int scores, long load, long decideInMemory, long decideOnTheStack,
                  long decisionsRead, int responseBytes) {
    }

    private static final int MEMBERS_PER_PANEL = 10;

    private RoundScale() {
    }

    static Result run(int priorities, int proposalsPerPriority, PrintStream log) {
        Round round = generate(priorities, proposalsPerPriority, new Random(42));
        try (LocalAwsStack stack = LocalAwsStack.inMemory()) {
            AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                    stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
            GrantsTable.createIfMissing(aws.dynamoDb(), "bench");
            AuditTable.createIfMissing(aws.dynamoDb(), "bench-audit");
            aws.s3().createBucket(r -> r.bucket("bench-exports"));
            Wiring wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, "bench", Environment.AUDIT_TABLE, "bench-audit", Environment.EXPORT_BUCKET,
                    "bench-exports")), aws, java.time.Clock.systemUTC());
            DynamoRoundStore store = wiring.rounds();
            String roundId = round.setup().roundId();
            // Written as the use cases write them: each record with its audit entry, in one transaction.
            Actor loader = Actor.system("bench@example.org", Role.PROGRAMME_MANAGER);
            java.util.function.Function<String, AuditEntry> entry = action -> AuditEntry.by(loader,
                    java.time.Instant.now(), roundId, action, "bench", null, null);
            long load = Stopwatch.millis(() -> {
                store.create(RoundHeader.open(round.setup()), entry.apply("ROUND_SET_UP"));
                parallel(round.ballots(), ballot -> store.putBallot(roundId, ballot, entry.apply("BALLOT_CAST")));
                List<String> selected = round.specifications().stream().map(Specification::issue).toList();
                store.advance(new RoundHeader(round.setup(), Stage.SPECIFYING, selected, "", null), Stage.VOTING);
                parallel(round.specifications(), specification -> store.putSpecification(roundId, specification,
                        entry.apply("SPECIFICATION_WRITTEN")));
                parallel(round.panels(), panel -> store.putPanel(roundId, panel, entry.apply("PANEL_NAMED")));
                store.advance(store.header(roundId).orElseThrow().at(Stage.PROPOSING), Stage.SPECIFYING);
                parallel(round.proposals(), proposal -> store.putProposal(roundId, proposal, entry.apply("PROPOSAL_SENT")));
                store.advance(store.header(roundId).orElseThrow().at(Stage.SCORING), Stage.PROPOSING);
                parallel(round.panels().stream().flatMap(panel -> panel.members().stream()
                        .map(member -> Map.entry(panel.specification(), member))).toList(),
                        member -> store.declare(roundId, member.getKey(), member.getValue().id(), List.of(), List.of(),
                                entry.apply("INTERESTS_DECLARED")));
                parallel(round.scores(), sheet -> store.putScore(roundId, sheet, entry.apply("SCORE_SUBMITTED")));
            });
            log.printf("  stored %d proposals and %d scores in %,d ms%n", round.proposals().size(), round.scores().size(), load);
            long inMemory = Stopwatch.millis(() -> Decisions.decide(round));
            CommissionRoundsHandler handler = new CommissionRoundsHandler(wiring);
            Actor manager = Actor.system("bench@example.org", Role.PROGRAMME_MANAGER);
            int[] bytes = new int[1];
            long decide = Stopwatch.millis(() -> bytes[0] = call(handler, "POST /rounds/{roundId}/decide", roundId, manager));
            long read = Stopwatch.millis(() -> call(handler, "GET /rounds/{roundId}/decisions", roundId, manager));
            return new Result(priorities, round.proposals().size(), round.scores().size(), load, inMemory, decide, read,
                    bytes[0]);
        }
    }

    private static int call(CommissionRoundsHandler handler, String routeKey, String roundId, Actor actor) {
        var response = handler.handleRequest(APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey)
                .withPathParameters(Map.of("roundId", roundId))
                .withRequestContext(Identity.verified(Identity.claimsOf(actor))).build(),
                new LocalLambdaContext("CommissionRoundsFunction"));
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException(routeKey + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return response.getBody().length();
    }

    /** Each item written by one of 16 writers at once. */
    static <T> void parallel(List<T> items, Consumer<T> write) {
        ExecutorService writers = Executors.newFixedThreadPool(16);
        try {
            items.forEach(item -> writers.submit(() -> write.accept(item)));
            writers.shutdown();
            if (!writers.awaitTermination(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the writers did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            writers.shutdownNow();
        }
    }

    /** Every priority selected by its own dots; a panel of ten per specification; every member scores every proposal. */
    static Round generate(int priorities, int proposalsPerPriority, Random random) {
        List<RoundSetup.Issue> issues = new ArrayList<>();
        List<RoundSetup.Voter> voters = new ArrayList<>();
        List<Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < priorities; i++) {
            issues.add(new RoundSetup.Issue("issue-" + i, "Issue " + i, "Outcome " + i, i + 1));
            voters.add(new RoundSetup.Voter("voter-" + i, "Voter " + i, Sector.PUBLIC));
            ballots.add(new Ballot("voter-" + i, List.of("issue-" + i)));
        }
        List<RoundSetup.Organisation> organisations = new ArrayList<>();
        for (int o = 0; o < 200; o++) {
            organisations.add(new RoundSetup.Organisation("org-" + o, "Organisation " + o, o < 50 ? Sector.PUBLIC : Sector.VOLUNTARY,
                    "org" + o + "@example.org"));
        }
        long fund = 50_000_000_00L;
        RoundSetup setup = new RoundSetup("national-round", "A national commissioning round", new Fund(fund, 3, "2027-28"),
                null, priorities, 1, List.of(new RoundSetup.Theme("health", "Health")),
                List.of(new RoundSetup.Criterion("outcomes", "Outcomes", 2), new RoundSetup.Criterion("evaluation", "Evaluation", 1)),
                5, Fraction.of(3, 5), Fraction.of(3, 10), 3, issues, voters, organisations, List.of());
        List<Specification> specifications = new ArrayList<>();
        List<Proposal> proposals = new ArrayList<>();
        List<Panel> panels = new ArrayList<>();
        List<ScoreSheet> scores = new ArrayList<>();
        long maximum = fund / priorities;
        for (int i = 0; i < priorities; i++) {
            String spec = "spec-" + i;
            specifications.add(new Specification(spec, "issue-" + i, "Outcome", List.of("Indicator"), maximum, "sub-group"));
            List<Panel.Member> members = new ArrayList<>();
            for (int m = 0; m < MEMBERS_PER_PANEL; m++) {
                members.add(new Panel.Member(spec + "-member-" + m, "Member", organisations.get(random.nextInt(200)).id(), List.of()));
            }
            panels.add(new Panel(spec, members));
            for (int p = 0; p < proposalsPerPriority; p++) {
                Proposal proposal = new Proposal(spec + "-proposal-" + p, spec, "Proposal " + p,
                        organisations.get(50 + random.nextInt(150)).id(), List.of(organisations.get(random.nextInt(200)).id()),
                        1 + random.nextLong(maximum / 4), "Evaluated yearly", new Proposal.Sponsor("org-" + random.nextInt(50),
                        "Will consider mainstream funding"), true, 2, Map.of("health", "Healthier"),
                        List.of(new Proposal.Milestone("2027-09-30", "Started")), List.of(new Proposal.Output("People", 100)));
                proposals.add(proposal);
                for (Panel.Member member : members) {
                    scores.add(new ScoreSheet(member.id(), proposal.id(), Map.of("outcomes", random.nextInt(6),
                            "evaluation", random.nextInt(6))));
                }
            }
        }
        return new Round(setup, ballots, specifications, proposals, panels, scores, List.of());
    }
}
