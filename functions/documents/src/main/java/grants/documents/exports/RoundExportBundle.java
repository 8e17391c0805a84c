package grants.documents.exports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samskivert.mustache.Template;
import grants.core.text.InWords;
import grants.core.allocation.AllocationCsv;
import grants.core.commissioning.Contract;
import grants.core.commissioning.Instalment;
import grants.core.commissioning.Priorities;
import grants.core.commissioning.ProposalOutcome;
import grants.core.commissioning.RoundCsv;
import grants.core.commissioning.RoundOutcome;
import grants.core.commissioning.RoundSetup;
import grants.core.exports.ExportFile;
import grants.core.mail.Templates;
import grants.core.money.Money;
import grants.core.rounds.RoundRenderer;
import grants.documents.Json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every file a published round exports: the rules' three CSVs, finance's payment schedule (one
 * line per instalment, with Bacs references), the awards as 360Giving data, the round report,
 * and the manifest with each file's SHA-256, last.
 */
public final class RoundExportBundle implements RoundRenderer {

    private static final Template REPORT = Templates.html("/grants/documents/exports/round-report.html.mustache");
    private static final int LABEL_WIDTH = 190;
    private static final int BAR_AREA = 420;
    private static final int ROW_HEIGHT = 18;

    @Override
    public List<ExportFile> render(RoundOutcome outcome, LocalDate publishedOn) {
        List<ExportFile> files = new ArrayList<>(List.of(
                csv("priorities.csv", RoundCsv.priorities(outcome.priorities()), outcome.priorities().ranked().size()),
                csv("proposals.csv", RoundCsv.proposals(outcome), outcome.proposals().size()),
                csv("contracts.csv", RoundCsv.contracts(outcome.contracts()), instalments(outcome)),
                payments(outcome),
                threeSixtyGiving(outcome, publishedOn),
                report(outcome, publishedOn)));
        files.add(manifest(outcome, publishedOn, files));
        return files;
    }

    private static ExportFile csv(String name, String text, int rows) {
        return new ExportFile(name, "text/csv; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), rows);
    }

    private static int instalments(RoundOutcome outcome) {
        return outcome.contracts().stream().mapToInt(contract -> contract.instalments().size()).sum();
    }

    /**
     * Finance's payments.csv, in the allocation runs' columns: one line per instalment due, ordered by
     * due date then contract (none for a zero amount), paid to the contract's lead organisation. A round has no finance
     * settings of its own: its cost centre is its id in capitals, as a programme's is by default.
     */
    static ExportFile payments(RoundOutcome outcome) {
        RoundSetup setup = outcome.setup();
        List<Map.Entry<Contract, Instalment>> due = new ArrayList<>();
        for (Contract contract : outcome.contracts()) {
            contract.instalments().stream().filter(instalment -> instalment.pence() > 0)
                    .forEach(instalment -> due.add(Map.entry(contract, instalment)));
        }
        due.sort(Comparator.<Map.Entry<Contract, Instalment>, LocalDate>comparing(entry -> entry.getValue().due())
                .thenComparing(entry -> entry.getKey().id()));
        String referencePart = referencePrefix(setup.roundId());
        String costCentre = setup.roundId().toUpperCase(Locale.ROOT);
        List<PaymentsCsv.Payment> payments = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            Contract contract = due.get(i).getKey();
            Instalment instalment = due.get(i).getValue();
            String lead = contract.leadOrganisation();
            payments.add(new PaymentsCsv.Payment(PaymentReferences.reference("CR", referencePart, i + 1, due.size()),
                    setup.organisation(lead).orElseThrow().name(), lead, null, null, contract.id(),
                    instalment.number(), instalment.due().toString(), instalment.pence(), costCentre, null,
                    setup.roundId()));
        }
        return PaymentsCsv.write(payments);
    }

    /** Six characters of the round id's hash: two rounds never share a payment reference. */
    private static String referencePrefix(String roundId) {
        return "round-" + AllocationCsv.sha256(roundId.getBytes(StandardCharsets.UTF_8)).substring(0, 6).toUpperCase(Locale.ROOT);
    }

    /** The awards in the 360Giving Data Standard (1.4): one grant per contract, its whole amount. */
    static ExportFile threeSixtyGiving(RoundOutcome outcome, LocalDate publishedOn) {
        RoundSetup setup = outcome.setup();
        ObjectNode root = Json.object().put("version", "1.4");
        ArrayNode grants = root.putArray("grants");
        for (Contract contract : outcome.contracts()) {
            ProposalOutcome proposal = outcome.proposals().stream()
                    .filter(p -> p.proposal().id().equals(contract.proposalId())).findFirst().orElseThrow();
            RoundSetup.Organisation lead = setup.organisation(contract.leadOrganisation()).orElseThrow();
            ObjectNode grant = grants.addObject()
                    .put("id", "360G-" + setup.roundId() + "-" + contract.proposalId())
                    .put("title", proposal.proposal().title())
                    .put("description", "Commissioned under specification " + contract.specificationId() + " of "
                            + setup.name() + ": " + Money.pounds(contract.annualPence()) + " a year for "
                            + contract.years() + " years.")
                    .put("currency", "GBP")
                    .put("amountAwarded", BigDecimal.valueOf(contract.totalPence(), 2))
                    .put("awardDate", publishedOn.toString());
            grant.putArray("plannedDates").addObject().put("startDate", contract.instalments().get(0).due().toString())
                    .put("endDate", setup.fund().start().plusYears(contract.years()).minusDays(1).toString())
                    .put("duration", 12 * contract.years());
            grant.putArray("fundingOrganization").addObject().put("id", "360G-" + setup.roundId() + "-funder")
                    .put("name", setup.name());
            grant.putArray("recipientOrganization").addObject().put("id", "360G-" + setup.roundId() + "-org-" + lead.id())
                    .put("name", lead.name());
            grant.putArray("grantProgramme").addObject().put("title", setup.name());
        }
        return new ExportFile("360giving.json", "application/json",
                (Json.writePretty(root) + "\n").getBytes(StandardCharsets.UTF_8), outcome.contracts().size());
    }

    static ExportFile report(RoundOutcome outcome, LocalDate publishedOn) {
        RoundSetup setup = outcome.setup();
        Map<String, Object> page = new HashMap<>();
        page.put("roundName", setup.name());
        page.put("publishedOn", InWords.date(publishedOn));
        page.put("fundAnnual", Money.pounds(setup.fund().annualPence()));
        page.put("years", setup.fund().years());
        page.put("firstYear", setup.fund().firstYear());
        page.put("awardedAnnual", Money.pounds(outcome.awardedAnnualPence()));
        page.put("unawardedAnnual", Money.pounds(outcome.unawardedAnnualPence()));
        page.put("awardedTotal", Money.pounds(outcome.awardedTotalPence()));
        page.put("contracts", outcome.contracts().size());
        page.put("tieNote", outcome.priorities().tieNote());
        List<Map<String, Object>> priorities = new ArrayList<>();
        for (Priorities.RankedIssue issue : outcome.priorities().ranked()) {
            priorities.add(Map.of("rank", issue.rank(), "title", issue.issue().title(), "dots", issue.dots(),
                    "surveyRank", issue.issue().surveyRank(), "selected", issue.selected()));
        }
        page.put("priorities", priorities);
        List<Map<String, Object>> specifications = new ArrayList<>();
        List<Map<String, Object>> bars = new ArrayList<>();
        long largest = Math.max(1, outcome.budgets().stream().mapToLong(b -> b.specification().maxAnnualPence()).max().orElse(1));
        for (RoundOutcome.SpecificationBudget budget : outcome.budgets()) {
            String max = Money.pounds(budget.specification().maxAnnualPence());
            String awarded = Money.pounds(budget.awardedAnnualPence());
            specifications.add(Map.of("id", budget.specification().id(), "outcome", budget.specification().outcome(),
                    "max", max, "awarded", awarded, "left", Money.pounds(budget.leftAnnualPence())));
            int y = bars.size() * ROW_HEIGHT + 2;
            long maxWidth = budget.specification().maxAnnualPence() * BAR_AREA / largest;
            bars.add(Map.of("label", budget.specification().id(), "max", max, "awarded", awarded,
                    "labelX", LABEL_WIDTH - 6, "barX", LABEL_WIDTH, "y", y, "textY", y + 11, "maxWidth", maxWidth,
                    "awardedWidth", budget.awardedAnnualPence() * BAR_AREA / largest, "amountX", LABEL_WIDTH + maxWidth + 6));
        }
        page.put("specifications", specifications);
        page.put("bars", bars);
        page.put("chartWidth", LABEL_WIDTH + BAR_AREA + 200);
        page.put("chartHeight", bars.size() * ROW_HEIGHT + 4);
        List<Map<String, Object>> proposals = new ArrayList<>();
        for (ProposalOutcome proposal : outcome.proposals()) {
            proposals.add(Map.of("id", proposal.proposal().id(), "lead", proposal.proposal().lead(),
                    "annual", Money.pounds(proposal.proposal().annualPence()),
                    "score", proposal.finalScore() == null ? "" : proposal.finalScore().format(),
                    "status", proposal.status().name(), "reason", proposal.reason()));
        }
        page.put("proposals", proposals);
        return new ExportFile("round-report.html", "text/html; charset=utf-8",
                REPORT.execute(page).getBytes(StandardCharsets.UTF_8), outcome.proposals().size());
    }

    private static ExportFile manifest(RoundOutcome outcome, LocalDate publishedOn, List<ExportFile> files) {
        ObjectNode manifest = Json.object()
                .put("roundId", outcome.setup().roundId())
                .put("publishedOn", publishedOn.toString());
        manifest.putObject("totals")
                .put("fundAnnualGbp", Money.format(outcome.setup().fund().annualPence()))
                .put("awardedAnnualGbp", Money.format(outcome.awardedAnnualPence()))
                .put("unawardedAnnualGbp", Money.format(outcome.unawardedAnnualPence()))
                .put("awardedTotalGbp", Money.format(outcome.awardedTotalPence()))
                .put("contracts", outcome.contracts().size());
        ArrayNode list = manifest.putArray("files");
        for (ExportFile file : files) {
            list.addObject().put("name", file.name()).put("contentType", file.contentType())
                    .put("bytes", file.bytes().length).put("rows", file.rows()).put("sha256", file.sha256());
        }
        return new ExportFile(ExportBundle.MANIFEST, "application/json",
                (Json.writePretty(manifest) + "\n").getBytes(StandardCharsets.UTF_8), files.size());
    }
}
