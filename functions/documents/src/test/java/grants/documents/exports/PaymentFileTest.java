package grants.documents.exports;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.allocation.Allocation;
import grants.core.allocation.AllocationEngine;
import grants.core.commissioning.Decisions;
import grants.core.exports.ExportFile;
import grants.core.programme.Programme;
import grants.core.run.AllocationRun;
import grants.core.run.RunHeader;
import grants.documents.Fixtures;
import grants.documents.ProgrammeJson;
import grants.documents.commissioning.RoundJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One finance import reads both payment files: an allocation run's and a commissioning round's
 * payments.csv have the same columns, and every value is what the input documents and the rules
 * say it must be. Expected lines are worked out here from the documents themselves.
 */
class PaymentFileTest {

    private static final String RUN_ID = "20070601T101500123Z-3fa9c1";
    private static final Instant COMMITTED_AT = Instant.parse("2007-06-01T10:15:00.123Z");
    /** The awards of commissioning-rules.md's worked example (and the README's per-specification totals). */
    private static final List<String> COVENTRY_AWARDS = List.of("unemployment-pathways", "unemployment-northside",
            "crime-safer-streets", "young-people-spon-end", "skills-network", "housing-homes-together",
            "cohesion-northside");

    private final JsonNode westMidlands = Fixtures.document(Fixtures.WEST_MIDLANDS);
    private final JsonNode coventry = Fixtures.document("coventry-commissioning-round.json");

    @Test
    void bothPaymentFilesHaveTheSameHeaderRowWithEveryColumnFinanceNeeds() {
        String allocation = text(allocationPayments()).lines().findFirst().orElseThrow();
        String round = text(roundPayments()).lines().findFirst().orElseThrow();

        assertThat(allocation).isEqualTo(round);
        assertThat(allocation.split(",")).containsExactly("payment_reference", "payee", "organisation_id",
                "partnership_id", "partnership_name", "contract_id", "instalment", "due_date", "amount_gbp",
                "cost_centre", "run_id", "round_id");
    }

    @Test
    void theWestMidlandsRunPaysEachPartnershipItsTierRateOnceOnTheDayOfTheCommit() {
        // the document has no finance block: the defaults are the programme id in capitals and GRNT
        String costCentre = westMidlands.get("programmeId").asText().toUpperCase(Locale.ROOT);
        TreeMap<String, JsonNode> byId = new TreeMap<>();
        westMidlands.get("partnerships").forEach(p -> byId.put(p.get("id").asText(), p));
        List<String> expected = new ArrayList<>();
        int number = 0;
        for (JsonNode partnership : byId.values()) {
            String type = partnership.get("type").asText();
            String tier = type.equals("METROPOLITAN") || type.equals("UNITARY") ? "SINGLE_TIER" : "TWO_TIER";
            String name = partnership.get("name").asText();
            expected.add(String.join(",", "GRNT-3FA9C1-" + String.format("%03d", ++number), name, "",
                    partnership.get("id").asText(), name, "", "1", "2007-06-01",
                    westMidlands.get("grantRates").get(tier).asText(), costCentre, RUN_ID, ""));
        }

        List<String> lines = text(allocationPayments()).lines().skip(1).toList();

        assertThat(lines).containsExactlyElementsOf(expected);
        assertThat(total(lines)).as("the worked example's final grants, to the penny").isEqualByComparingTo("372400.00");
    }

    @Test
    void aRunsReferencesMadeTogetherAreTheSameAsEachMadeAlone() {
        for (int payments : new int[] {1, 38, 999, 1000, 12_345}) {
            java.util.function.IntFunction<String> ofRun = PaymentReferences.ofRun("L2D", RUN_ID, payments);
            for (int number = 1; number <= payments; number++) {
                assertThat(ofRun.apply(number)).isEqualTo(PaymentReferences.reference("L2D", RUN_ID, number, payments));
            }
        }
    }

    @Test
    void theCoventryRoundPaysEachContractsInstalmentsToItsLeadByDueDate() throws Exception {
        Map<String, JsonNode> proposals = new TreeMap<>();
        coventry.get("proposals").forEach(p -> proposals.put(p.get("id").asText(), p));
        Map<String, String> names = new TreeMap<>();
        coventry.get("organisations").forEach(o -> names.put(o.get("id").asText(), o.get("name").asText()));
        String roundId = coventry.get("roundId").asText();
        int years = coventry.get("fund").get("years").asInt();
        LocalDate firstApril = LocalDate.of(Integer.parseInt(coventry.get("fund").get("firstYear").asText()
                .substring(0, 4)), 4, 1);

        // rule C11: four instalments a year in advance, floor(annual / 4), the fourth takes the pence left
        TreeMap<String, String> byDueThenContract = new TreeMap<>();
        BigDecimal contracted = BigDecimal.ZERO;
        for (String id : COVENTRY_AWARDS) {
            JsonNode proposal = proposals.get(id);
            long annual = new BigDecimal(proposal.get("annualAmount").asText()).movePointRight(2).longValueExact();
            contracted = contracted.add(BigDecimal.valueOf(annual * years, 2));
            String lead = proposal.get("lead").asText();
            for (int year = 0; year < years; year++) {
                for (int quarter = 0; quarter < 4; quarter++) {
                    long pence = quarter == 3 ? annual - 3 * (annual / 4) : annual / 4;
                    LocalDate due = firstApril.plusYears(year).plusMonths(3L * quarter);
                    byDueThenContract.put(due + " contract-" + id, String.join(",", names.get(lead), lead, "", "",
                            "contract-" + id, String.valueOf(4 * year + quarter + 1), due.toString(),
                            BigDecimal.valueOf(pence, 2).toPlainString(), roundId.toUpperCase(Locale.ROOT), "",
                            roundId));
                }
            }
        }
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(roundId.getBytes(StandardCharsets.UTF_8))).substring(0, 6).toUpperCase(Locale.ROOT);
        List<String> expected = new ArrayList<>();
        for (String line : byDueThenContract.values()) {
            expected.add("CR-" + hash + "-" + String.format("%03d", expected.size() + 1) + "," + line);
        }

        List<String> lines = text(roundPayments()).lines().skip(1).toList();

        assertThat(lines).hasSize(7 * 12).containsExactlyElementsOf(expected);
        assertThat(total(lines)).as("7 contracts worth GBP 11550000.00 in all").isEqualByComparingTo(contracted)
                .isEqualByComparingTo("11550000.00");
        assertThat(lines).filteredOn(line -> line.contains(",contract-skills-network,"))
                .hasSize(12).allSatisfy(line -> assertThat(line).contains(",200000.00,"));
    }

    private ExportFile allocationPayments() {
        Programme programme = ProgrammeJson.read(westMidlands);
        Allocation allocation = AllocationEngine.allocate(programme);
        AllocationRun run = new AllocationRun(RunHeader.of(programme.programmeId(), RUN_ID, COMMITTED_AT, "input-hash",
                allocation, Optional.empty()), allocation.rows());
        return file(new ExportBundle().render(programme, run));
    }

    private ExportFile roundPayments() {
        return file(new RoundExportBundle().render(Decisions.decide(RoundJson.read(coventry)), LocalDate.of(2002, 3, 1)));
    }

    private static ExportFile file(List<ExportFile> files) {
        return files.stream().filter(f -> f.name().equals("payments.csv")).findFirst().orElseThrow();
    }

    private static String text(ExportFile file) {
        return new String(file.bytes(), StandardCharsets.UTF_8);
    }

    /** The amount_gbp column, summed exactly. No payee in these examples holds a comma. */
    private static BigDecimal total(List<String> lines) {
        return lines.stream().map(line -> new BigDecimal(line.split(",", -1)[8])).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
