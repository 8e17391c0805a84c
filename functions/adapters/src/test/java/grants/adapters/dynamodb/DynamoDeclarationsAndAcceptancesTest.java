package grants.adapters.dynamodb;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.Round;
import grants.core.rounds.Acceptance;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.Stage;
import grants.documents.Json;
import grants.documents.commissioning.RoundJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's answers per proposal and a contract's acceptance in DynamoDB on the local stack: each
 * answer given once, a declaration that repeats one writes nothing (nor its audit entry), a late
 * interest only at its stage, an acceptance once and only while published, and a set-up change (a
 * cross-cutting theme added) only over the set-up it was made from.
 */
class DynamoDeclarationsAndAcceptancesTest {

    private static final String ROUND = "coventry-commissioning-2002";
    private static final Actor MANAGER = Actor.system("manager@coventry.example", Role.PROGRAMME_MANAGER);

    private DynamoRoundStore store;
    private DynamoAuditTrail trail;
    private Round coventry;

    @BeforeEach
    void freshTable() throws IOException {
        GrantsTable table = StoreTables.fresh(getClass(), Clock.systemUTC());
        AuditTable auditTable = StoreTables.auditBeside(table);
        store = new DynamoRoundStore(table, auditTable);
        trail = new DynamoAuditTrail(auditTable);
        try (InputStream in = getClass().getResourceAsStream("/data/coventry-commissioning-round.json")) {
            coventry = RoundJson.read(Json.MAPPER.readTree(in));
        }
        store.create(RoundHeader.open(coventry.setup()), entry("ROUND_SET_UP"));
    }

    @Test
    void eachAnswerIsGivenOnceAndADeclarationRepeatingOneWritesNothing() {
        assertThat(store.declare(ROUND, "spec-unemployment", "u3", List.of("unemployment-pathways",
                "unemployment-employers"), List.of("unemployment-employers"), entry("INTERESTS_DECLARED"))).isTrue();

        assertThat(store.declare(ROUND, "spec-unemployment", "u3", List.of("unemployment-employers",
                "unemployment-northside"), List.of(), entry("INTERESTS_DECLARED"))).isFalse();

        assertThat(store.declaredAgainst(ROUND)).isEqualTo(Map.of("u3", Set.of("unemployment-pathways",
                "unemployment-employers")));
        assertThat(store.declarations(ROUND)).isEqualTo(Map.of("u3", List.of("unemployment-employers")));
        assertThat(actions()).containsOnlyOnce("INTERESTS_DECLARED");
    }

    @Test
    void aLateInterestIsWrittenOnlyAtItsStageAndOnce() {
        store.advance(store.header(ROUND).orElseThrow().at(Stage.PROPOSING), Stage.VOTING);
        store.putProposal(ROUND, coventry.proposal("unemployment-pathways").orElseThrow(), entry("PROPOSAL_SENT"));
        store.declare(ROUND, "spec-unemployment", "u2", List.of("unemployment-pathways"), List.of(), entry("INTERESTS_DECLARED"));

        assertThat(store.addLateInterest(ROUND, "u2", "unemployment-pathways", Stage.SCORING, entry("LATE")))
                .as("the round is proposing, not scoring").isFalse();
        assertThat(store.addLateInterest(ROUND, "u2", "unemployment-pathways", Stage.PROPOSING, entry("LATE"))).isTrue();
        assertThat(store.addLateInterest(ROUND, "u2", "unemployment-pathways", Stage.PROPOSING, entry("LATE"))).isFalse();

        assertThat(store.declarations(ROUND).get("u2")).containsExactly("unemployment-pathways");
        assertThat(actions()).containsOnlyOnce("LATE");
    }

    @Test
    void aContractIsAcceptedOnceAndOnlyOnceTheRoundIsPublished() {
        Acceptance acceptance = new Acceptance("contract-unemployment-pathways", "pathways",
                Instant.parse("2002-08-01T10:00:00Z"), "bids@pathways.example");
        assertThat(store.acceptContract(ROUND, acceptance, entry("CONTRACT_ACCEPTED"))).as("voting").isFalse();
        store.advance(store.header(ROUND).orElseThrow().at(Stage.PUBLISHED), Stage.VOTING);

        assertThat(store.acceptContract(ROUND, acceptance, entry("CONTRACT_ACCEPTED"))).isTrue();
        assertThat(store.acceptContract(ROUND, new Acceptance(acceptance.contractId(), "pathways", Instant.now(), "other"),
                entry("CONTRACT_ACCEPTED"))).isFalse();

        assertThat(store.acceptances(ROUND)).containsExactly(acceptance);
        assertThat(actions()).containsOnlyOnce("CONTRACT_ACCEPTED");
    }

    @Test
    void aSetUpChangeMadeFromAStaleReadIsRefusedAndNothingIsWritten() {
        RoundHeader read = store.header(ROUND).orElseThrow();
        RoundHeader first = withThemes(read, List.of(new grants.core.commissioning.RoundSetup.Theme("older-people", "Older people")));
        RoundHeader second = withThemes(read, List.of(new grants.core.commissioning.RoundSetup.Theme("transport", "Transport")));

        assertThat(store.replaceIfUnchanged(first, read, entry("CROSS_CUTTING_THEME_ADDED"))).isTrue();
        assertThat(store.replaceIfUnchanged(second, read, entry("CROSS_CUTTING_THEME_ADDED"))).as("read before the first").isFalse();

        assertThat(store.header(ROUND).orElseThrow().setup().crossCuttingThemes()).extracting(t -> t.id())
                .containsExactly("older-people");
        assertThat(actions()).containsOnlyOnce("CROSS_CUTTING_THEME_ADDED");
    }

    /**
     * Publishing the call and adding a cross-cutting theme are both conditional on the set-up read: whichever
     * writes second is refused, so a theme is never lost under a publication nor added after the call went out.
     */
    @Test
    void aPublicationAndAThemeAddedOverTheSameSetUpAreNeverBothWritten() {
        store.advance(store.header(ROUND).orElseThrow().at(Stage.SPECIFYING), Stage.VOTING);
        RoundHeader read = store.header(ROUND).orElseThrow();
        var health = new grants.core.commissioning.RoundSetup.Theme("health", "Health");

        assertThat(store.replaceIfUnchanged(withThemes(read, List.of(health)), read, entry("CROSS_CUTTING_THEME_ADDED"))).isTrue();
        assertThat(store.replaceIfUnchanged(read.at(Stage.PROPOSING), read, entry("SPECIFICATIONS_PUBLISHED"))).as("published over the set-up without it")
                .isFalse();
        RoundHeader reread = store.header(ROUND).orElseThrow();
        assertThat(reread.stage()).isEqualTo(Stage.SPECIFYING);
        assertThat(reread.setup().crossCuttingThemes()).containsExactly(health);

        assertThat(store.replaceIfUnchanged(reread.at(Stage.PROPOSING), reread, entry("SPECIFICATIONS_PUBLISHED"))).isTrue();
        assertThat(store.replaceIfUnchanged(withThemes(reread, List.of(health, new grants.core.commissioning.RoundSetup.Theme(
                "transport", "Transport"))), reread, entry("CROSS_CUTTING_THEME_ADDED"))).as("after the call went out")
                .isFalse();
        RoundHeader published = store.header(ROUND).orElseThrow();
        assertThat(published.stage()).isEqualTo(Stage.PROPOSING);
        assertThat(published.setup().crossCuttingThemes()).containsExactly(health);
        assertThat(actions()).containsOnlyOnce("CROSS_CUTTING_THEME_ADDED");
    }

    private static RoundHeader withThemes(RoundHeader header, List<grants.core.commissioning.RoundSetup.Theme> themes) {
        var s = header.setup();
        return new RoundHeader(new grants.core.commissioning.RoundSetup(s.roundId(), s.name(), s.fund(), s.eurRate(),
                s.priorityCount(), s.dotsPerVoter(), themes, s.criteria(), s.scoreScale(), s.fundableThreshold(),
                s.moderationSpread(), s.panelQuorum(), s.issues(), s.voters(), s.organisations(), s.mailingList()),
                header.stage(), header.selected(), header.tieNote(), header.closingDate());
    }

    private List<String> actions() {
        return trail.page(ROUND, Optional.empty(), 1000).entries().stream().map(AuditEntry::action).toList();
    }

    private static AuditEntry entry(String action) {
        return AuditEntry.by(MANAGER, Instant.now(), ROUND, action, "round " + ROUND, null, null);
    }
}
