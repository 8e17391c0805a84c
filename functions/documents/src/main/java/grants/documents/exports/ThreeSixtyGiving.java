package grants.documents.exports;

import grants.core.programme.Programme;

import com.fasterxml.jackson.core.JsonGenerator;
import grants.core.allocation.AllocationRow;
import grants.documents.Json;
import grants.core.programme.FinanceSettings;
import grants.core.programme.Partnership;
import grants.core.programme.Submission;
import grants.core.money.Money;
import grants.core.text.Csv;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
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

    static final String JSON_NAME = "360giving.json";
    static final String JSON_TYPE = "application/json";
    static final String CSV_NAME = "360giving.csv";
    static final String CSV_TYPE = "text/csv; charset=utf-8";

    /** One grant's fields, shared by both files (and the payment line) so they can never disagree. */
    record Grant(String id, String title, String description, String amount, String awardDate,
                 String fundingOrgId, String fundingOrgName, String recipientId, String recipientName,
                 String locationName, String geoCode, String geoCodeType, String programmeTitle) {
    }

    /** What every grant of a run shares, worked out once: the identifiers' stem, the funder, the date. */
    static final class Grants {

        private final ExportContext context;
        private final FinanceSettings finance;
        private final String idStem;
        private final String recipientStem;
        private final String titleStem;
        private final String awardDate;

        Grants(ExportContext context) {
            this.context = context;
            this.finance = context.programme().finance();
            this.idStem = "360G-" + finance.identifierPrefix() + "-" + context.programme().programmeId() + "-";
            this.recipientStem = idStem + "org-";
            this.titleStem = context.programme().name() + ": ";
            this.awardDate = context.awardDate();
        }

        /** The grant of one funded row, its partnership and its project. */
        Grant of(AllocationRow row, Partnership partnership, Submission project) {
            String recipientId = partnership.orgId() != null ? partnership.orgId() : recipientStem + partnership.id();
            return new Grant(idStem + partnership.id(), titleStem + partnership.name(),
                    "Improvement project \"" + project.title() + "\". " + row.reason(),
                    Money.format(row.finalGrantPence()), awardDate, finance.fundingOrgId(), finance.fundingOrgName(),
                    recipientId, partnership.payee(), partnership.name(), partnership.areaCode(),
                    partnership.areaCode() == null ? null : geoCodeType(partnership), context.programme().name());
        }
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
     * The JSON package is written grant by grant as it is rendered: the same bytes as the whole tree
     * pretty-printed by Jackson's default printer, then a line feed. This opens it.
     */
    static JsonGenerator startJson(OutputStream out) throws IOException {
        JsonGenerator json = Json.MAPPER.createGenerator(out).useDefaultPrettyPrinter();
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeStringField("version", "1.4");
        json.writeArrayFieldStart("grants");
        return json;
    }

    /** Closes the package after its last grant. */
    static void endJson(JsonGenerator json) throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
        json.close();
    }

    static void write(JsonGenerator json, Grant grant) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", grant.id());
        json.writeStringField("title", grant.title());
        json.writeStringField("description", grant.description());
        json.writeStringField("currency", "GBP");
        json.writeFieldName("amountAwarded");
        json.writeNumber(grant.amount()); // as a BigDecimal of scale 2 would be written: "12.30", "0.05"
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

    /** The CSV's header line. */
    static void csvHeader(StringBuilder csv) {
        Csv.line(csv, CSV_COLUMNS);
    }

    /** One grant's line of the CSV. */
    static void csvLine(StringBuilder csv, Grant grant) {
        Csv.line(csv, Arrays.asList(grant.id(), grant.title(), grant.description(), "GBP", grant.amount(),
                grant.awardDate(), grant.fundingOrgId(), grant.fundingOrgName(), grant.recipientId(),
                grant.recipientName(), grant.locationName(), "GB", grant.geoCode(), grant.geoCodeType(),
                grant.programmeTitle()));
    }
}
