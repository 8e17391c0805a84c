package grants.documents.exports;

import grants.core.programme.Programme;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.exports.ExportFile;
import grants.core.allocation.AllocationRow;
import grants.documents.Json;
import grants.core.programme.FinanceSettings;
import grants.core.programme.Partnership;
import grants.core.programme.Submission;
import grants.core.text.Csv;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's grants in the 360Giving Data Standard (1.4): a JSON package and the flat CSV, one grant
 * per funded partnership, with the ten required fields and Beneficiary Location from the area.
 */
final class ThreeSixtyGiving {

    static final List<String> CSV_COLUMNS = List.of("Identifier", "Title", "Description", "Currency",
            "Amount Awarded", "Award Date", "Funding Org:Identifier", "Funding Org:Name", "Recipient Org:Identifier",
            "Recipient Org:Name", "Beneficiary Location:Name", "Beneficiary Location:Country Code",
            "Beneficiary Location:Geographic Code", "Beneficiary Location:Geographic Code Type",
            "Grant Programme:Title");

    private ThreeSixtyGiving() {
    }

    /** One grant's fields, shared by both files so they can never disagree. */
    private record Grant(String id, String title, String description, BigDecimal amount, String awardDate,
                         String fundingOrgId, String fundingOrgName, String recipientId, String recipientName,
                         String locationName, String geoCode, String geoCodeType, String programmeTitle) {
    }

    private static List<Grant> grants(ExportContext context) {
        FinanceSettings finance = context.programme().finance();
        String programmeId = context.programme().programmeId();
        List<Grant> grants = new ArrayList<>();
        for (AllocationRow row : context.grants()) {
            Partnership partnership = context.partnerships().get(row.partnershipId());
            Submission project = context.submissions().get(row.partnershipId());
            String recipientId = partnership.orgId() != null ? partnership.orgId()
                    : "360G-" + finance.identifierPrefix() + "-" + programmeId + "-org-" + partnership.id();
            grants.add(new Grant(
                    "360G-" + finance.identifierPrefix() + "-" + programmeId + "-" + partnership.id(),
                    context.programme().name() + ": " + partnership.name(),
                    "Improvement project \"" + project.title() + "\". " + row.reason(),
                    BigDecimal.valueOf(row.finalGrantPence(), 2), context.awardDate(),
                    finance.fundingOrgId(), finance.fundingOrgName(), recipientId, partnership.payee(),
                    partnership.name(), partnership.areaCode(),
                    partnership.areaCode() == null ? null : geoCodeType(partnership), context.programme().name()));
        }
        return grants;
    }

    /** The 360Giving codelist's type for the area of each kind of partnership. */
    private static String geoCodeType(Partnership partnership) {
        return switch (partnership.type()) {
            case METROPOLITAN -> "MD";
            case UNITARY -> "UA";
            case COUNTY -> "CTY";
            case DISTRICT -> "NMD";
        };
    }

    static ExportFile json(ExportContext context) {
        List<Grant> grants = grants(context);
        ObjectNode root = Json.object().put("version", "1.4");
        ArrayNode array = root.putArray("grants");
        for (Grant grant : grants) {
            ObjectNode node = array.addObject()
                    .put("id", grant.id())
                    .put("title", grant.title())
                    .put("description", grant.description())
                    .put("currency", "GBP")
                    .put("amountAwarded", grant.amount())
                    .put("awardDate", grant.awardDate());
            node.putArray("fundingOrganization").addObject().put("id", grant.fundingOrgId()).put("name", grant.fundingOrgName());
            node.putArray("recipientOrganization").addObject().put("id", grant.recipientId()).put("name", grant.recipientName());
            ObjectNode location = node.putArray("beneficiaryLocation").addObject()
                    .put("name", grant.locationName()).put("countryCode", "GB");
            if (grant.geoCode() != null) {
                location.put("geoCode", grant.geoCode()).put("geoCodeType", grant.geoCodeType());
            }
            node.putArray("grantProgramme").addObject().put("title", grant.programmeTitle());
        }
        return new ExportFile("360giving.json", "application/json",
                (Json.writePretty(root) + "\n").getBytes(StandardCharsets.UTF_8), grants.size());
    }

    static ExportFile csv(ExportContext context) {
        List<Grant> grants = grants(context);
        StringBuilder csv = new StringBuilder();
        Csv.line(csv, CSV_COLUMNS);
        for (Grant grant : grants) {
            Csv.line(csv, java.util.Arrays.asList(grant.id(), grant.title(), grant.description(), "GBP",
                    grant.amount().toPlainString(), grant.awardDate(), grant.fundingOrgId(), grant.fundingOrgName(),
                    grant.recipientId(), grant.recipientName(), grant.locationName(), "GB", grant.geoCode(),
                    grant.geoCodeType(), grant.programmeTitle()));
        }
        return new ExportFile("360giving.csv", "text/csv; charset=utf-8", csv.toString().getBytes(StandardCharsets.UTF_8),
                grants.size());
    }
}
