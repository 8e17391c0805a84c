package grants.adapters.dynamodb;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.Ballot;
import grants.core.commissioning.Contract;
import grants.core.commissioning.Decisions;
import grants.core.commissioning.Round;
import grants.core.commissioning.ScoreSheet;
import grants.core.commissioning.Moderation;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.Specification;
import grants.core.rounds.Meeting;
import grants.core.rounds.RecordedModeration;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.Stage;
import grants.documents.Json;
import grants.documents.commissioning.RoundJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.Instant;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A round in DynamoDB on the local stack: its records read back whole, and racing writers lose nothing. */
class DynamoRoundStoreTest {

    private static final String ROUND = "coventry-commissioning-2002";

    private static final Actor MANAGER = Actor.system("manager@coventry.example", Role.PROGRAMME_MANAGER);

    private GrantsTable table;
    private AuditTable auditTable;
    private DynamoRoundStore store;
    private DynamoAuditTrail trail;
    private Round coventry;

    @BeforeEach
    void freshTable() throws IOException {
        table = StoreTables.fresh(getClass(), Clock.systemUTC());
        auditTable = StoreTables.auditBeside(table);
        store = new DynamoRoundStore(table, auditTable);
        trail = new DynamoAuditTrail(auditTable);
        try (InputStream in = getClass().getResourceAsStream("/data/coventry-commissioning-round.json")) {
            coventry = RoundJson.read(Json.MAPPER.readTree(in));
        }
        store.create(RoundHeader.open(coventry.setup()), entry("ROUND_SET_UP", ROUND));
    }

    private static AuditEntry entry(String action, String target) {
        return AuditEntry.by(MANAGER, Instant.now(), ROUND, action, target, null, null);
    }

    /** The round's trail, every entry of it, as the audit route reads it. */
    private List<AuditEntry> recorded() {
        return trail.page(ROUND, Optional.empty(), 1000).entries();
    }

    private List<String> recorded(String action) {
        return recorded().stream().filter(e -> e.action().equals(action)).map(AuditEntry::target).toList();
    }

    @Test
    void everyRecordOfARoundReadsBackAsItWasWritten() {
        assertThat(store.header(ROUND).orElseThrow().setup()).isEqualTo(coventry.setup());
        assertThat(store.create(RoundHeader.open(coventry.setup()), entry("ROUND_SET_UP", ROUND))).as("a round is created once").isFalse();
        coventry.ballots().forEach(ballot -> store.putBallot(ROUND, ballot, entry("BALLOT_CAST", ballot.voter())));
        assertThat(store.ballots(ROUND)).containsExactlyInAnyOrderElementsOf(coventry.ballots());

        assertThat(store.advance(store.header(ROUND).orElseThrow().at(Stage.SPECIFYING), Stage.VOTING)).isTrue();
        coventry.specifications().forEach(specification -> store.putSpecification(ROUND, specification, entry("SPECIFICATION_WRITTEN", specification.id())));
        coventry.panels().forEach(panel -> store.putPanel(ROUND, panel, entry("PANEL_NAMED", panel.specification())));
        assertThat(store.specifications(ROUND)).containsExactlyInAnyOrderElementsOf(coventry.specifications());
        assertThat(store.panels(ROUND)).containsExactlyInAnyOrderElementsOf(coventry.panels());

        assertThat(store.advance(store.header(ROUND).orElseThrow().at(Stage.PROPOSING), Stage.SPECIFYING)).isTrue();
        coventry.proposals().forEach(proposal -> store.putProposal(ROUND, proposal, entry("PROPOSAL_SENT", proposal.id())));
        assertThat(store.proposals(ROUND)).containsExactlyInAnyOrderElementsOf(coventry.proposals());

        assertThat(store.advance(store.header(ROUND).orElseThrow().at(Stage.SCORING), Stage.PROPOSING)).isTrue();
        coventry.scores().forEach(score -> store.putScore(ROUND, score, entry("SCORE_SUBMITTED", score.proposal())));
        coventry.moderations().forEach(moderation -> store.putModeration(ROUND, moderation, entry("SCORE_MODERATED", moderation.proposal())));
        assertThat(store.scores(ROUND)).containsExactlyInAnyOrderElementsOf(coventry.scores());
        assertThat(store.moderations(ROUND)).extracting(RecordedModeration::moderation)
                .containsExactlyInAnyOrderElementsOf(coventry.moderations());
        assertThat(store.moderations(ROUND)).as("pending until confirmed").noneMatch(RecordedModeration::confirmed);

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
        assertThat(store.putContracts(ROUND, many)).as("nothing before the round is decided").isFalse();
        assertThat(store.contracts(ROUND)).isEmpty();
        assertThat(store.advance(store.header(ROUND).orElseThrow().at(Stage.DECIDED), Stage.VOTING)).isTrue();

        assertThat(store.putContracts(ROUND, many)).isTrue();
        assertThat(store.contracts(ROUND)).containsExactlyElementsOf(many);
        assertThat(store.putContracts(ROUND, many.subList(0, 120))).as("retried after an override dropped 30").isTrue();
        assertThat(store.contracts(ROUND)).containsExactlyElementsOf(many.subList(0, 120));

        assertThat(store.advance(store.header(ROUND).orElseThrow().published(List.of("spec-crime")), Stage.DECIDED)).isTrue();
        assertThat(store.header(ROUND).orElseThrow().publishedSpecifications()).containsExactly("spec-crime");
        assertThat(store.putContracts(ROUND, many.subList(0, 130))).as("a waiting specification published later (C10)")
                .isTrue();
        assertThat(store.contracts(ROUND)).hasSize(130);
    }

    @Test
    void aWriteOutOfItsStageChangesNothing() {
        assertThat(store.putProposal(ROUND, coventry.proposals().get(0), entry("PROPOSAL_SENT", "p"))).isFalse();
        assertThat(store.putScore(ROUND, coventry.scores().get(0), entry("SCORE_SUBMITTED", "p"))).isFalse();
        assertThat(store.proposals(ROUND)).isEmpty();
        assertThat(store.scores(ROUND)).isEmpty();
        assertThat(recorded()).as("a refused write leaves no entry").extracting(AuditEntry::action)
                .containsExactly("ROUND_SET_UP");
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
                casts.add(pool.submit(() -> store.putBallot(ROUND, ballot, entry("BALLOT_CAST", ballot.voter()))));
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
            assertThat(recorded("BALLOT_CAST")).as("an entry for each counted ballot, none for a refused one")
                    .containsExactlyInAnyOrderElementsOf(accepted);
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
                sends.add(() -> store.putScore(ROUND, sheet, entry("SCORE_SUBMITTED", sheet.member())));
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
            assertThat(recorded("SCORE_SUBMITTED")).as("one entry per member, whatever they resent").hasSize(40)
                    .doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    private void advanceTo(Stage stage) {
        for (Stage from : Stage.values()) {
            if (from.compareTo(stage) >= 0) {
                return;
            }
            store.advance(store.header(ROUND).orElseThrow().at(Stage.values()[from.ordinal() + 1]), from);
        }
    }

    @Test
    void organisationsRacingForOneProposalIdLeaveItWithOneLeadAndNoneTakesItOverAfter() throws Exception {
        advanceTo(Stage.PROPOSING);
        Proposal pathways = coventry.proposal("unemployment-pathways").orElseThrow();
        List<String> leads = List.of("pathways", "riverside", "northside", "cvs", "chamber", "greenways");
        List<Callable<Boolean>> sends = new ArrayList<>();
        for (String lead : leads) {
            for (int repeat = 0; repeat < 4; repeat++) {
                sends.add(() -> store.putProposal(ROUND, ledBy(pathways, lead), entry("PROPOSAL_SENT", lead)));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<String> accepted = new ArrayList<>();
            List<Future<Boolean>> results = pool.invokeAll(sends);
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).get()) {
                    accepted.add(leads.get(i / 4));
                }
            }
            String winner = store.proposals(ROUND).get(0).lead();
            assertThat(accepted).as("only the first organisation's sends were written").isNotEmpty()
                    .allMatch(winner::equals);
            assertThat(store.putProposal(ROUND, ledBy(pathways, winner.equals("cvs") ? "chamber" : "cvs"), entry("PROPOSAL_SENT", "x")))
                    .as("a later takeover is refused by the condition").isFalse();
            assertThat(store.proposals(ROUND)).singleElement().extracting(Proposal::lead).isEqualTo(winner);
            assertThat(store.putProposal(ROUND, ledBy(pathways, winner), entry("PROPOSAL_SENT", winner))).as("its own lead changes it").isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSpecificationIsReplacedOnlyByOneOfItsOwnPriority() {
        advanceTo(Stage.SPECIFYING);
        Specification housing = coventry.specification("spec-housing").orElseThrow();
        assertThat(store.putSpecification(ROUND, housing, entry("SPECIFICATION_WRITTEN", housing.id()))).isTrue();
        Specification hijack = new Specification(housing.id(), "crime", "Crime down", List.of("Recorded crime"),
                housing.maxAnnualPence(), housing.subGroup());
        assertThat(store.putSpecification(ROUND, hijack, entry("SPECIFICATION_WRITTEN", hijack.id()))).isFalse();
        assertThat(store.specifications(ROUND)).containsExactly(housing);
        Specification changed = new Specification(housing.id(), housing.issue(), "Warmer homes", housing.indicators(),
                housing.maxAnnualPence(), housing.subGroup());
        assertThat(store.putSpecification(ROUND, changed, entry("SPECIFICATION_WRITTEN", changed.id()))).isTrue();
        assertThat(store.specifications(ROUND)).containsExactly(changed);
    }

    @Test
    void aMeetingsNotesAreNeverOverwrittenAndEachWrittenMeetingIsAudited() {
        LocalDateTime at = LocalDateTime.parse("2002-07-10T10:00");
        AuditEntry meeting = entry("MEETING_NOTED", "proposal unemployment-pathways");
        assertThat(store.putMeeting(ROUND, new Meeting("unemployment-pathways", at, 90, null), meeting)).isTrue();
        Meeting noted = new Meeting("unemployment-pathways", at, 60, "The lead explained the referral route.");
        assertThat(store.putMeeting(ROUND, noted, meeting)).as("notes added to a scheduled meeting").isTrue();
        assertThat(store.putMeeting(ROUND, new Meeting("unemployment-pathways", at, 60, "Nothing was said."), meeting))
                .isFalse();
        assertThat(store.putMeeting(ROUND, new Meeting("unemployment-pathways", at, 90, null), meeting)).isFalse();
        assertThat(store.meetings(ROUND)).containsExactly(noted);
        assertThat(recorded("MEETING_NOTED")).as("the two meetings written, not the two refused")
                .containsExactly("proposal unemployment-pathways", "proposal unemployment-pathways");
    }

    @Test
    void aModerationIsPendingUntilConfirmedOnceAndOnlyFromScoringOn() {
        Moderation moderation = coventry.moderations().get(0);
        assertThat(store.putModeration(ROUND, moderation, entry("SCORE_MODERATED", "m"))).as("not before scoring").isFalse();
        advanceTo(Stage.SCORING);
        assertThat(store.confirmModeration(ROUND, moderation.proposal(), "manager", entry("MODERATION_CONFIRMED", "manager"))).as("nothing to confirm").isFalse();
        assertThat(store.putModeration(ROUND, moderation, entry("SCORE_MODERATED", "m"))).isTrue();
        assertThat(store.moderations(ROUND)).singleElement().isEqualTo(RecordedModeration.pending(moderation));
        assertThat(store.confirmModeration(ROUND, moderation.proposal(), "h2", entry("MODERATION_CONFIRMED", "h2"))).isTrue();
        assertThat(store.confirmModeration(ROUND, moderation.proposal(), "manager", entry("MODERATION_CONFIRMED", "manager"))).as("confirmed once").isFalse();
        assertThat(store.moderations(ROUND)).singleElement().isEqualTo(new RecordedModeration(moderation, "h2"));

        store.advance(store.header(ROUND).orElseThrow().at(Stage.DECIDED), Stage.SCORING);
        assertThat(store.putModeration(ROUND, new Moderation("unemployment-pathways", moderation.score(), "u2", "late"),
                entry("SCORE_MODERATED", "late")))
                .as("after scoring, for a proposal its specification waits for (the use case checks which)").isTrue();
    }

    @Test
    void aPanelMemberIsAddedOnlyToThePanelAsReadAndWithItsAuditEntry() {
        Panel named = coventry.panels().get(0);
        advanceTo(Stage.SPECIFYING);
        assertThat(store.putPanel(ROUND, named, entry("PANEL_NAMED", "manager"))).isTrue();
        Panel before = store.panels(ROUND).get(0);
        java.util.List<Panel.Member> more = new ArrayList<>(before.members());
        more.add(new Panel.Member("x9", "Added", "chamber", List.of()));
        Panel after = new Panel(before.specification(), more);
        store.advance(store.header(ROUND).orElseThrow().at(Stage.SCORING), Stage.SPECIFYING);
        assertThat(store.addPanelMember(ROUND, before, after, entry("PANEL_MEMBER_ADDED", "manager"))).isTrue();
        assertThat(store.panels(ROUND).get(0).members()).extracting(Panel.Member::id).contains("x9");
        assertThat(store.addPanelMember(ROUND, before, new Panel(before.specification(), before.members()),
                entry("PANEL_MEMBER_ADDED", "racing"))).as("the panel changed since it was read").isFalse();
        assertThat(store.panels(ROUND).get(0).members()).extracting(Panel.Member::id).contains("x9");
        assertThat(recorded("PANEL_MEMBER_ADDED")).as("the refused one left no entry").containsExactly("manager");
    }

    private static Proposal ledBy(Proposal proposal, String lead) {
        return new Proposal(proposal.id(), proposal.specification(), proposal.title() + " (" + lead + ")", lead,
                proposal.partners(), proposal.annualPence(), proposal.evaluationPlan(), proposal.sponsor(),
                proposal.clientGroupConsulted(), proposal.clientGroupSeats(), proposal.crossCutting(),
                proposal.milestones(), proposal.outputs());
    }

    @Test
    void aChangeWhoseAuditEntryCannotBeWrittenIsNotMade() {
        DynamoRoundStore withoutItsTrail = new DynamoRoundStore(table, new AuditTable(table.client(), "no-such-audit-table"));
        Ballot ballot = coventry.ballots().get(0);
        assertThatThrownBy(() -> withoutItsTrail.putBallot(ROUND, ballot, entry("BALLOT_CAST", ballot.voter())))
                .isInstanceOf(DynamoDbException.class);
        assertThat(store.ballots(ROUND)).as("the ballot went with its entry").isEmpty();
    }

    @Test
    void aRefusedScoreIsRecordedEveryTimeAndKeptOnce() {
        ScoreSheet sheet = coventry.scores().get(0);
        store.recordRefusedScore(ROUND, sheet, entry("SCORE_REFUSED", sheet.proposal()));
        store.recordRefusedScore(ROUND, sheet, entry("SCORE_REFUSED", sheet.proposal()));
        assertThat(store.refusedScores(ROUND)).containsExactly(sheet);
        assertThat(recorded("SCORE_REFUSED")).hasSize(2);
    }
}
