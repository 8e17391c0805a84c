package grants.adapters.dynamodb;

import grants.core.commissioning.Ballot;
import grants.core.commissioning.Contract;
import grants.core.commissioning.Decisions;
import grants.core.commissioning.Round;
import grants.core.commissioning.ScoreSheet;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.Stage;
import grants.documents.Json;
import grants.documents.commissioning.RoundJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A round in DynamoDB on the local stack: its records read back whole, and racing writers lose nothing. */
class DynamoRoundStoreTest {

    private static final String ROUND = "coventry-commissioning-2002";

    private DynamoRoundStore store;
    private Round coventry;

    @BeforeEach
    void freshTable() throws IOException {
        store = new DynamoRoundStore(StoreTables.fresh(getClass(), Clock.systemUTC()));
        try (InputStream in = getClass().getResourceAsStream("/data/coventry-commissioning-round.json")) {
            coventry = RoundJson.read(Json.MAPPER.readTree(in));
        }
        store.create(RoundHeader.open(coventry.setup()));
    }

    @Test
    void everyRecordOfARoundReadsBackAsItWasWritten() {
        assertThat(store.header(ROUND).orElseThrow().setup()).isEqualTo(coventry.setup());
        assertThat(store.create(RoundHeader.open(coventry.setup()))).as("a round is created once").isFalse();
        coventry.ballots().forEach(ballot -> store.putBallot(ROUND, ballot));
        assertThat(store.ballots(ROUND)).containsExactlyInAnyOrderElementsOf(coventry.ballots());

        assertThat(store.advance(store.header(ROUND).orElseThrow().at(Stage.SPECIFYING), Stage.VOTING)).isTrue();
        coventry.specifications().forEach(specification -> store.putSpecification(ROUND, specification));
        coventry.panels().forEach(panel -> store.putPanel(ROUND, panel));
        assertThat(store.specifications(ROUND)).containsExactlyInAnyOrderElementsOf(coventry.specifications());
        assertThat(store.panels(ROUND)).containsExactlyInAnyOrderElementsOf(coventry.panels());

        assertThat(store.advance(store.header(ROUND).orElseThrow().at(Stage.PROPOSING), Stage.SPECIFYING)).isTrue();
        coventry.proposals().forEach(proposal -> store.putProposal(ROUND, proposal));
        assertThat(store.proposals(ROUND)).containsExactlyInAnyOrderElementsOf(coventry.proposals());

        assertThat(store.advance(store.header(ROUND).orElseThrow().at(Stage.SCORING), Stage.PROPOSING)).isTrue();
        coventry.scores().forEach(score -> store.putScore(ROUND, score));
        coventry.moderations().forEach(moderation -> store.putModeration(ROUND, moderation));
        assertThat(store.scores(ROUND)).containsExactlyInAnyOrderElementsOf(coventry.scores());
        assertThat(store.moderations(ROUND)).containsExactlyInAnyOrderElementsOf(coventry.moderations());

        List<Contract> contracts = Decisions.decide(coventry).contracts();
        assertThat(store.putContracts(ROUND, contracts)).as("contracts only once the round is decided").isFalse();
        assertThat(store.contracts(ROUND)).isEmpty();
        assertThat(store.advance(store.header(ROUND).orElseThrow().at(Stage.DECIDED), Stage.SCORING)).isTrue();
        assertThat(store.putContracts(ROUND, contracts)).isTrue();
        assertThat(store.contracts(ROUND)).containsExactlyElementsOf(contracts);
        assertThat(store.roundIds()).containsExactly(ROUND);
    }

    @Test
    void aPublicationRepeatedWritesTheSameContractsAndNoLongerListsOnesItDropped() {
        List<Contract> many = new ArrayList<>();
        Contract model = Decisions.decide(coventry).contracts().get(0);
        for (int i = 0; i < 150; i++) { // more than one transaction holds
            many.add(new Contract(String.format("c-%03d", i), model.proposalId(), model.specificationId(),
                    model.leadOrganisation(), model.annualPence(), model.years(), model.instalments(), model.milestones(),
                    model.outputs(), model.crossCuttingCommitments()));
        }
        assertThat(store.advance(store.header(ROUND).orElseThrow().at(Stage.DECIDED), Stage.VOTING)).isTrue();

        assertThat(store.putContracts(ROUND, many)).isTrue();
        assertThat(store.contracts(ROUND)).containsExactlyElementsOf(many);
        assertThat(store.putContracts(ROUND, many.subList(0, 120))).as("retried after an override dropped 30").isTrue();
        assertThat(store.contracts(ROUND)).containsExactlyElementsOf(many.subList(0, 120));

        assertThat(store.advance(store.header(ROUND).orElseThrow().at(Stage.PUBLISHED), Stage.DECIDED)).isTrue();
        assertThat(store.putContracts(ROUND, many.subList(0, 10))).as("nothing once published").isFalse();
        assertThat(store.contracts(ROUND)).hasSize(120);
    }

    @Test
    void aWriteOutOfItsStageChangesNothing() {
        assertThat(store.putProposal(ROUND, coventry.proposals().get(0))).isFalse();
        assertThat(store.putScore(ROUND, coventry.scores().get(0))).isFalse();
        assertThat(store.proposals(ROUND)).isEmpty();
        assertThat(store.scores(ROUND)).isEmpty();
        assertThat(store.advance(store.header(ROUND).orElseThrow().at(Stage.PUBLISHED), Stage.DECIDED)).isFalse();
        assertThat(store.header(ROUND).orElseThrow().stage()).isEqualTo(Stage.VOTING);
    }

    @Test
    void ballotsRacingTheCloseOfVotingAreEachCountedOrRefusedNeverLost() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Boolean>> casts = new ArrayList<>();
            List<Ballot> ballots = coventry.ballots();
            for (int i = 0; i < ballots.size(); i++) {
                Ballot ballot = ballots.get(i);
                casts.add(pool.submit(() -> store.putBallot(ROUND, ballot)));
                if (i == ballots.size() / 2) {
                    casts.add(pool.submit(() -> {
                        store.advance(store.header(ROUND).orElseThrow().at(Stage.SPECIFYING), Stage.VOTING);
                        return null;
                    }));
                }
            }
            List<String> accepted = new ArrayList<>();
            int castIndex = 0;
            for (Future<Boolean> cast : casts) {
                Boolean counted = cast.get();
                if (counted == null) {
                    continue; // the close
                }
                if (counted) {
                    accepted.add(ballots.get(castIndex).voter());
                }
                castIndex++;
            }
            assertThat(store.header(ROUND).orElseThrow().stage()).isEqualTo(Stage.SPECIFYING);
            assertThat(store.ballots(ROUND)).extracting(Ballot::voter).containsExactlyInAnyOrderElementsOf(accepted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyMembersScoringAtOnceEachCountOnceHoweverOftenTheySend() throws Exception {
        for (Stage from : List.of(Stage.VOTING, Stage.SPECIFYING, Stage.PROPOSING)) {
            Stage next = Stage.values()[from.ordinal() + 1];
            store.advance(store.header(ROUND).orElseThrow().at(next), from);
        }
        List<Callable<Boolean>> sends = new ArrayList<>();
        for (int member = 0; member < 40; member++) {
            ScoreSheet sheet = new ScoreSheet("member-" + member, "unemployment-pathways",
                    Map.of("outcome-measures", member % 6, "evaluation", 3, "sustainability", 4));
            for (int repeat = 0; repeat < 3; repeat++) {
                sends.add(() -> store.putScore(ROUND, sheet));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            long counted = 0;
            for (Future<Boolean> send : pool.invokeAll(sends)) {
                counted += send.get() ? 1 : 0;
            }
            assertThat(counted).as("one accepted send per member").isEqualTo(40);
            assertThat(store.scores(ROUND)).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }
}
