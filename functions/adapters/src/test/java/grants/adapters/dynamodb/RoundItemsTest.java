package grants.adapters.dynamodb;

import grants.core.commissioning.Fraction;
import grants.core.commissioning.Moderation;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.Round;
import grants.core.commissioning.RoundSetup;
import grants.core.commissioning.Specification;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.Stage;
import grants.documents.Json;
import grants.documents.commissioning.RoundJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A round's stored items are its own shape, not the API's JSON: each field an attribute, money whole
 * pence in number attributes, thresholds and moderated scores exact fractions; what is optional is
 * absent and reads back as it was.
 */
class RoundItemsTest {

    private static final String ROUND = "coventry-commissioning-2002";

    private Round coventry;

    @BeforeEach
    void readCoventry() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/data/coventry-commissioning-round.json")) {
            coventry = RoundJson.read(Json.MAPPER.readTree(in));
        }
    }

    @Test
    void theSetUpIsAMapOfAttributesWithMoneyInPenceAndFractionsExact() {
        Map<String, AttributeValue> item = RoundItems.header(RoundHeader.open(coventry.setup()));

        assertThat(item.get("schemaVersion").n()).isEqualTo("2");
        Map<String, AttributeValue> setup = item.get("setup").m();
        assertThat(setup.get("fund").m().get("annualPence").n()).as("£5,000,000.00 a year").isEqualTo("500000000");
        assertThat(setup.get("fundableThreshold").m()).as("0.60")
                .containsEntry("numerator", AttributeValue.fromN("3")).containsEntry("denominator", AttributeValue.fromN("5"));
        assertThat(setup.get("eurRate").s()).as("as written, its scale kept").isEqualTo("1.4830");
        assertThat(setup.get("issues").l().get(0).m().get("surveyRank").n()).isEqualTo("1");
        assertThat(RoundItems.header(item).setup()).isEqualTo(coventry.setup());
        assertThat(RoundItems.header(item).stage()).isEqualTo(Stage.VOTING);
    }

    @Test
    void specificationsPanelsAndProposalsAreAttributesNeverJson() {
        Specification specification = coventry.specifications().get(0);
        Panel panel = coventry.panels().get(0);
        Proposal proposal = coventry.proposal("unemployment-pathways").orElseThrow();
        Map<String, AttributeValue> specItem = RoundItems.specification(ROUND, specification);
        Map<String, AttributeValue> panelItem = RoundItems.panel(ROUND, panel);
        Map<String, AttributeValue> proposalItem = RoundItems.proposal(ROUND, proposal);

        assertThat(specItem.get("maxAnnualPence").n()).as("£1,200,000.00").isEqualTo("120000000");
        assertThat(panelItem.get("members").l().get(0).m().get("organisation").s()).isEqualTo("jobcentre");
        assertThat(proposalItem.get("annualPence").n()).as("£700,000.00").isEqualTo("70000000");
        assertThat(proposalItem.get("sponsor").m().get("organisation").s()).isEqualTo("jobcentre");
        assertThat(proposalItem.get("milestones").l()).hasSize(2);
        for (Map<String, AttributeValue> item : List.of(specItem, panelItem, proposalItem)) {
            assertThat(item).doesNotContainKey("document");
            assertThat(item.values()).noneMatch(value -> value.s() != null && value.s().startsWith("{"));
        }
        assertThat(RoundItems.specification(specItem)).isEqualTo(specification);
        assertThat(RoundItems.panel(panelItem)).isEqualTo(panel);
        assertThat(RoundItems.proposal(proposalItem)).isEqualTo(proposal);
    }

    @Test
    void whatIsOptionalIsAbsentAndReadsBackAsItWas() {
        RoundSetup s = coventry.setup();
        RoundSetup noRate = new RoundSetup(s.roundId(), s.name(), s.fund(), null, s.priorityCount(), s.dotsPerVoter(),
                s.crossCuttingThemes(), s.criteria(), s.scoreScale(), s.fundableThreshold(), s.moderationSpread(),
                s.panelQuorum(), List.of(new RoundSetup.Issue("crime", "Crime", "Safer streets", 2, List.of(
                        new RoundSetup.Evidence("Burglary is twice the city's rate", "Police", LocalDate.of(2001, 11, 30))))),
                s.voters(), s.organisations(), s.mailingList());
        Specification noSubGroup = new Specification("spec-crime", "crime", "Safer streets", List.of(), 100, null);
        Proposal bare = new Proposal("bare", "spec-crime", "Bare", "cvs", List.of(), 1, null, null, false, 0,
                Map.of("health", ""), List.of(), List.of());
        Proposal noCommitment = new Proposal("p2", "spec-crime", "P2", "cvs", List.of("chamber"), 2, "plan",
                new Proposal.Sponsor("jobcentre", null), true, 1, Map.of(), List.of(), List.of());

        Map<String, AttributeValue> header = RoundItems.header(RoundHeader.open(noRate));
        assertThat(header.get("setup").m()).doesNotContainKey("eurRate");
        assertThat(RoundItems.header(header).setup()).isEqualTo(noRate);
        assertThat(RoundItems.specification(RoundItems.specification(ROUND, noSubGroup))).isEqualTo(noSubGroup);
        assertThat(RoundItems.proposal(RoundItems.proposal(ROUND, bare))).isEqualTo(bare);
        assertThat(RoundItems.proposal(RoundItems.proposal(ROUND, noCommitment))).isEqualTo(noCommitment);
    }

    @Test
    void aModeratedScoreIsAnExactFraction() {
        Moderation moderation = new Moderation("p1", Fraction.ofDecimal(new java.math.BigDecimal("0.8333")), "c1", "agreed");
        Map<String, AttributeValue> item = RoundItems.moderation(ROUND, moderation);

        assertThat(item.get("score").m()).containsEntry("numerator", AttributeValue.fromN("8333"))
                .containsEntry("denominator", AttributeValue.fromN("10000"));
        assertThat(RoundItems.moderation(item).moderation()).isEqualTo(moderation);
    }

    @Test
    void anItemStoredAsTheRoundDocumentsJsonIsRefusedByNameNotReadAsEmpty() {
        Map<String, AttributeValue> schema1 = GrantsTable.item(Keys.round(ROUND), Keys.proposal("p1"), 1);
        schema1.put("document", AttributeValue.fromS("{\"id\":\"p1\"}"));
        schema1.put("lead", AttributeValue.fromS("cvs"));

        assertThatThrownBy(() -> RoundItems.proposal(schema1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PROPOSAL#p1").hasMessageContaining("before schemaVersion 2");
    }
}
