package grants.documents.exports;

import grants.core.programme.Programme;

import com.fasterxml.jackson.core.JsonGenerator;
import grants.core.exports.FileRendering;
import grants.core.allocation.AllocationRow;
import grants.documents.Json;
import grants.core.programme.FinanceSettings;
import grants.core.programme.Partnership;
import grants.core.programme.Submission;
import grants.core.text.Csv;

import java.math.BigDecimal;
import java.io.IOException;
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

    /**
     * The JSON package, written grant by grant as it is rendered: the same bytes as the whole tree
     * pretty-printed by Jackson's default printer, then a line feed.
     */
    static FileRendering json(ExportContext context) {
        return new FileRendering("360giving.json", "application/json", out -> {
            List<Grant> grants = grants(context);
            JsonGenerator json = Json.MAPPER.createGenerator(out).useDefaultPrettyPrinter();
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("version", "1.4");
            json.writeArrayFieldStart("grants");
            for (Grant grant : grants) {
                write(json, grant);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
            json.close();
            return grants.size();
        });
    }

    private static void write(JsonGenerator json, Grant grant) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", grant.id());
        json.writeStringField("title", grant.title());
        json.writeStringField("description", grant.description());
        json.writeStringField("currency", "GBP");
        json.writeNumberField("amountAwarded", grant.amount());
        json.writeStringField("awardDate", grant.awardDate());
        json.writeArrayFieldStart("fundingOrganization");
        idAndName(json, grant.fundingOrgId(), grant.fundingOrgName());
        json.writeEndArray();
        json.writeArrayFieldStart("recipientOrganization");
        idAndName(json, grant.recipientId(), grant.recipientName());
        json.writeEndArray();
        json.writeArrayFieldStart("beneficiaryLocation");
        json.writeStartObject();
        json.writeStringField("name", grant.locationName());
        json.writeStringField("countryCode", "GB");
        if (grant.geoCode() != null) {
            json.writeStringField("geoCode", grant.geoCode());
            json.writeStringField("geoCodeType", grant.geoCodeType());
        }
        json.writeEndObject();
        json.writeEndArray();
        json.writeArrayFieldStart("grantProgramme");
        json.writeStartObject();
        json.writeStringField("title", grant.programmeTitle());
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void idAndName(JsonGenerator json, String id, String name) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", id);
        json.writeStringField("name", name);
        json.writeEndObject();
    }

    static FileRendering csv(ExportContext context) {
        return new FileRendering("360giving.csv", "text/csv; charset=utf-8", out -> {
            List<Grant> grants = grants(context);
            ChunkedText csv = new ChunkedText(out);
            Csv.line(csv.text(), CSV_COLUMNS);
            for (Grant grant : grants) {
                Csv.line(csv.text(), java.util.Arrays.asList(grant.id(), grant.title(), grant.description(), "GBP",
                        grant.amount().toPlainString(), grant.awardDate(), grant.fundingOrgId(), grant.fundingOrgName(),
                        grant.recipientId(), grant.recipientName(), grant.locationName(), "GB", grant.geoCode(),
                        grant.geoCodeType(), grant.programmeTitle()));
                csv.lineDone();
            }
            csv.flush();
            return grants.size();
        });
    }
}
