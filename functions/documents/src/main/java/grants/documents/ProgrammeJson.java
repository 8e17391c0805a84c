package grants.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.allocation.AllocationCsv;
import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import grants.core.money.Days;
import grants.core.money.Money;
import grants.core.programme.AdditionalFund;
import grants.core.programme.Contact;
import grants.core.programme.FinanceSettings;
import grants.core.programme.Partnership;
import grants.core.programme.PartnershipType;
import grants.core.programme.Programme;
import grants.core.programme.ProgrammeValidator;
import grants.core.programme.RedistributionPolicy;
import grants.core.programme.Submission;
import grants.core.programme.Tier;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a programme document (the shape of {@code west-midlands-2007-08.json}) with every problem
 * named by its field path, and writes the canonical form that is stored and hashed.
 */
public final class ProgrammeJson {

    public static final String PROGRAMME_ID_PATTERN = "[a-z0-9-]{1,64}";
    public static final String PARTNERSHIP_ID_PATTERN = "[a-z0-9-]{1,64}";
    private static final String ID_IN_WORDS = "1 to 64 characters of a-z, 0-9 and -";
    private static final String ORG_ID_PATTERN = "([A-Z]{2}-[A-Z0-9]{2,}|360G)-[A-Za-z0-9._-]+";
    private static final String[] SUBMISSION_FIELDS = {"partnership", "title", "basis", "sharedWith"};
    private static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private ProgrammeJson() {
    }

    /** Reads and validates a whole programme; throws with every problem found, or returns it. */
    public static Programme read(JsonNode document) {
        FieldReader reader = new FieldReader();
        if (!reader.isObject(document, "body")) {
            throw invalid(reader.problems());
        }
        reader.conformsTo("programme", document);
        Programme programme = readUnchecked(document, reader);
        List<Problem> problems = new ArrayList<>(reader.problems());
        // A field already reported as unreadable is not reported again as missing.
        Set<String> reported = problems.stream().map(Problem::field).collect(Collectors.toSet());
        ProgrammeValidator.problems(programme).stream()
                .filter(problem -> !reported.contains(problem.field()))
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return programme;
    }

    /**
     * Reads a programme this system stored itself. It met the schema and the rules when it came in,
     * so the schema is not checked again (for a national programme that check is most of the read);
     * a document that no longer reads, which only a fault could make, is refused as one.
     */
    public static Programme readStored(JsonNode document) {
        FieldReader reader = new FieldReader();
        Programme programme = readUnchecked(document, reader);
        if (!reader.problems().isEmpty()) {
            throw new IllegalStateException("a stored programme no longer reads: " + reader.problems().get(0).field()
                    + " " + reader.problems().get(0).problem());
        }
        return programme;
    }

    /** Reads one submission (the body of {@code PUT .../submissions/{partnershipId}}). */
    public static Submission readSubmission(JsonNode document, String partnershipId) {
        FieldReader reader = new FieldReader();
        if (!reader.isObject(document, "body")) {
            throw invalid(reader.problems());
        }
        reader.conformsTo("submission", document);
        reader.onlyFields(document, "", SUBMISSION_FIELDS);
        JsonNode owner = document.get("partnership");
        if (owner != null && !owner.isNull() && !partnershipId.equals(owner.asText())) {
            reader.problem("partnership", "is \"" + owner.asText() + "\" but the path names \"" + partnershipId + "\"");
        }
        Submission submission = submission(document, "", partnershipId, reader);
        if (!reader.problems().isEmpty()) {
            throw invalid(reader.problems());
        }
        return submission;
    }

    /**
     * Reads a programme sent for the programme a path names: a document without a
     * {@code programmeId} takes the path's, so the body need not repeat it.
     */
    public static Programme read(JsonNode document, String pathProgrammeId) {
        if (document.isObject() && !document.hasNonNull("programmeId")) {
            ((ObjectNode) document).put("programmeId", pathProgrammeId);
        }
        return read(document);
    }

    private static InvalidInputException invalid(List<Problem> problems) {
        return ProgrammeValidator.refused(problems);
    }

    private static Programme readUnchecked(JsonNode doc, FieldReader reader) {
        reader.onlyFields(doc, "", "programmeId", "name", "region", "currency", "eurRate", "grantRates", "grantBudget",
                "additionalFunds", "supportDaysPerPartnership", "redistribution", "redistributeUnclaimed", "partnerships",
                "submissions", "finance", "financeContacts");
        String programmeId = reader.id(doc, "", "programmeId", PROGRAMME_ID_PATTERN, ID_IN_WORDS, true);
        String name = reader.text(doc, "", "name", false);
        String region = reader.text(doc, "", "region", false);
        String currency = reader.text(doc, "", "currency", false);
        if (currency != null && !currency.equals("GBP")) {
            reader.problem("currency", "must be GBP: grants are paid in pounds, got \"" + currency + "\"");
        }
        BigDecimal eurRate = reader.positiveDecimal(doc, "", "eurRate");
        Map<Tier, Long> rates = grantRates(doc, reader);
        Long budget = reader.pence(doc, "", "grantBudget", false);
        List<AdditionalFund> funds = new ArrayList<>();
        List<JsonNode> fundNodes = reader.array(doc, "", "additionalFunds", false);
        for (int i = 0; i < fundNodes.size(); i++) {
            String path = "additionalFunds[" + i + "]";
            JsonNode fund = fundNodes.get(i);
            if (reader.isObject(fund, path)) {
                reader.onlyFields(fund, path, "source", "amount", "purpose");
                String source = reader.text(fund, path, "source", true);
                Long amount = reader.pence(fund, path, "amount", true);
                String purpose = reader.text(fund, path, "purpose", false, FieldReader.MAX_LONG_TEXT);
                if (source != null && amount != null) {
                    funds.add(new AdditionalFund(source, amount, purpose));
                }
            }
        }
        Integer halfDays = reader.halfDays(doc, "", "supportDaysPerPartnership");
        RedistributionPolicy policy = doc.hasNonNull("redistribution")
                ? reader.oneOf(doc, "", "redistribution", RedistributionPolicy.class, true)
                : RedistributionPolicy.EQUAL;
        boolean redistributeUnclaimed = reader.bool(doc, "", "redistributeUnclaimed", false);

        List<Partnership> partnerships = new ArrayList<>();
        List<JsonNode> partnershipNodes = reader.array(doc, "", "partnerships", true);
        if (doc.has("partnerships") && partnershipNodes.isEmpty() && doc.get("partnerships").isArray()) {
            reader.problem("partnerships", "must list at least one partnership");
        }
        for (int i = 0; i < partnershipNodes.size(); i++) {
            Partnership partnership = partnership(partnershipNodes.get(i), "partnerships[" + i + "]", reader);
            if (partnership != null) {
                partnerships.add(partnership);
            }
        }
        List<Submission> submissions = new ArrayList<>();
        List<JsonNode> submissionNodes = reader.array(doc, "", "submissions", false);
        for (int k = 0; k < submissionNodes.size(); k++) {
            String path = "submissions[" + k + "]";
            JsonNode node = submissionNodes.get(k);
            if (reader.isObject(node, path)) {
                reader.onlyFields(node, path, SUBMISSION_FIELDS);
                String owner = reader.text(node, path, "partnership", true);
                Submission submission = submission(node, path, owner, reader);
                if (submission != null) {
                    submissions.add(submission);
                }
            }
        }
        String title = name == null ? programmeId : name;
        FinanceSettings finance = finance(doc, programmeId == null ? "programme" : programmeId, title, reader);
        List<Contact> financeContacts = contacts(doc, "", "financeContacts", false, reader);
        return new Programme(programmeId, title, region, eurRate,
                rates, budget == null ? OptionalLong.empty() : OptionalLong.of(budget), funds,
                halfDays == null ? 0 : halfDays, policy == null ? RedistributionPolicy.EQUAL : policy,
                redistributeUnclaimed, partnerships, submissions, finance, financeContacts);
    }

    private static Map<Tier, Long> grantRates(JsonNode doc, FieldReader reader) {
        Map<Tier, Long> rates = new EnumMap<>(Tier.class);
        JsonNode node = doc.get("grantRates");
        if (node == null || node.isNull()) {
            reader.problem("grantRates", "is required: the grant per partnership of each tier in use");
            return rates;
        }
        if (!reader.isObject(node, "grantRates")) {
            return rates;
        }
        node.fieldNames().forEachRemaining(key -> {
            boolean known = List.of("SINGLE_TIER", "TWO_TIER").contains(key);
            if (!known) {
                reader.problem("grantRates." + key, "is not a tier: use SINGLE_TIER or TWO_TIER");
                return;
            }
            Long pence = reader.pence(node, "grantRates", key, true);
            if (pence != null) {
                rates.put(Tier.valueOf(key), pence);
            }
        });
        return rates;
    }


    private static Partnership partnership(JsonNode node, String path, FieldReader reader) {
        if (!reader.isObject(node, path)) {
            return null;
        }
        reader.onlyFields(node, path, "id", "name", "type", "county", "laa", "contacts", "orgId", "accountableBody",
                "areaCode");
        String id = reader.id(node, path, "id", PARTNERSHIP_ID_PATTERN, ID_IN_WORDS, true);
        String name = reader.text(node, path, "name", true);
        PartnershipType type = reader.oneOf(node, path, "type", PartnershipType.class, true);
        String county = reader.text(node, path, "county", false);
        boolean laa = reader.bool(node, path, "laa", false);
        List<Contact> contacts = contacts(node, path, "contacts", true, reader);
        String orgId = orgId(node, path, "orgId", reader);
        String accountableBody = reader.text(node, path, "accountableBody", false);
        String areaCode = reader.id(node, path, "areaCode", "[A-Z][0-9]{8}", "an ONS area code such as E08000025", false);
        if (id == null || name == null) {
            return null;
        }
        return new Partnership(id, name, type, county, laa, contacts, orgId, accountableBody, areaCode);
    }

    private static List<Contact> contacts(JsonNode parent, String path, String field, boolean roleRequired,
                                          FieldReader reader) {
        List<Contact> contacts = new ArrayList<>();
        List<JsonNode> nodes = reader.array(parent, path, field, false);
        for (int c = 0; c < nodes.size(); c++) {
            String contactPath = FieldReader.path(path, field + "[" + c + "]");
            JsonNode contact = nodes.get(c);
            if (reader.isObject(contact, contactPath)) {
                reader.onlyFields(contact, contactPath, "role", "name", "email");
                String role = reader.text(contact, contactPath, "role", roleRequired);
                String contactName = reader.text(contact, contactPath, "name", false);
                String email = reader.text(contact, contactPath, "email", true);
                if (email != null && !email.matches(EMAIL_PATTERN)) {
                    reader.problem(contactPath + ".email", "is not an email address: \"" + email + "\"");
                }
                contacts.add(new Contact(role, contactName, email));
            }
        }
        return contacts;
    }

    private static String orgId(JsonNode parent, String path, String field, FieldReader reader) {
        return reader.id(parent, path, field, ORG_ID_PATTERN,
                "an organisation identifier such as GB-LAE-BIR or 360G-example-org", false);
    }

    private static FinanceSettings finance(JsonNode doc, String programmeId, String programmeName, FieldReader reader) {
        FinanceSettings defaults = FinanceSettings.defaultsFor(programmeId, programmeName);
        JsonNode node = doc.get("finance");
        if (node == null || node.isNull() || !reader.isObject(node, "finance")) {
            return defaults;
        }
        reader.onlyFields(node, "finance", "costCentre", "fundingOrgId", "fundingOrgName", "identifierPrefix",
                "paymentReferencePrefix");
        String costCentre = reader.text(node, "finance", "costCentre", false);
        String fundingOrgId = orgId(node, "finance", "fundingOrgId", reader);
        String fundingOrgName = reader.text(node, "finance", "fundingOrgName", false);
        String prefix = reader.id(node, "finance", "identifierPrefix", "[A-Za-z0-9-]{1,64}",
                "your registered 360Giving prefix, 1 to 64 letters, digits and -", false);
        String paymentPrefix = reader.id(node, "finance", "paymentReferencePrefix", "[A-Z0-9]{2,4}",
                "2 to 4 capital letters or digits", false);
        return new FinanceSettings(
                costCentre != null ? costCentre : defaults.costCentre(),
                fundingOrgId != null ? fundingOrgId : defaults.fundingOrgId(),
                fundingOrgName != null ? fundingOrgName : defaults.fundingOrgName(),
                prefix != null ? prefix : defaults.identifierPrefix(),
                paymentPrefix != null ? paymentPrefix : defaults.paymentReferencePrefix());
    }

    private static Submission submission(JsonNode node, String path, String owner, FieldReader reader) {
        String title = reader.text(node, path, "title", true);
        Submission.Basis basis = reader.oneOf(node, path, "basis", Submission.Basis.class, true);
        List<String> sharedWith = new ArrayList<>();
        List<JsonNode> partners = reader.array(node, path, "sharedWith", false);
        for (int m = 0; m < partners.size(); m++) {
            String partner = reader.element(partners.get(m), FieldReader.path(path, "sharedWith[" + m + "]"),
                    "a partnership id");
            if (partner != null) {
                sharedWith.add(partner);
            }
        }
        if (owner == null || title == null || basis == null) {
            return null;
        }
        return new Submission(owner, title, basis, sharedWith);
    }

    /** The canonical document: sorted partnerships, submissions and keys, so equal programmes hash equally. */
    public static ObjectNode write(Programme programme) {
        Programme canonical = programme.canonical();
        ObjectNode doc = Json.object();
        doc.put("programmeId", canonical.programmeId());
        doc.put("name", canonical.name());
        if (canonical.region() != null) {
            doc.put("region", canonical.region());
        }
        doc.put("currency", "GBP");
        doc.put("eurRate", canonical.eurRate().toPlainString());
        ObjectNode rates = doc.putObject("grantRates");
        canonical.grantRatesPence().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(rate -> rates.put(rate.getKey().name(), Money.format(rate.getValue())));
        canonical.grantBudgetPence().ifPresent(budget -> doc.put("grantBudget", Money.format(budget)));
        ArrayNode funds = doc.putArray("additionalFunds");
        for (AdditionalFund fund : canonical.additionalFunds()) {
            ObjectNode node = funds.addObject().put("source", fund.source()).put("amount", Money.format(fund.amountPence()));
            if (fund.purpose() != null) {
                node.put("purpose", fund.purpose());
            }
        }
        doc.put("supportDaysPerPartnership", Days.format(canonical.supportHalfDays()));
        doc.put("redistribution", canonical.redistribution().name());
        doc.put("redistributeUnclaimed", canonical.redistributeUnclaimed());
        ArrayNode partnerships = doc.putArray("partnerships");
        for (Partnership partnership : canonical.partnerships()) {
            ObjectNode node = partnerships.addObject()
                    .put("id", partnership.id())
                    .put("name", partnership.name())
                    .put("type", partnership.type().name())
                    .put("laa", partnership.laa());
            if (partnership.county() != null) {
                node.put("county", partnership.county());
            }
            putIfPresent(node, "orgId", partnership.orgId());
            putIfPresent(node, "accountableBody", partnership.accountableBody());
            putIfPresent(node, "areaCode", partnership.areaCode());
            node.set("contacts", writeContacts(partnership.contacts()));
        }
        FinanceSettings finance = canonical.finance();
        doc.putObject("finance")
                .put("costCentre", finance.costCentre())
                .put("fundingOrgId", finance.fundingOrgId())
                .put("fundingOrgName", finance.fundingOrgName())
                .put("identifierPrefix", finance.identifierPrefix())
                .put("paymentReferencePrefix", finance.paymentReferencePrefix());
        doc.set("financeContacts", writeContacts(canonical.financeContacts()));
        ArrayNode submissions = doc.putArray("submissions");
        for (Submission submission : canonical.submissions()) {
            submissions.add(writeSubmission(submission));
        }
        return doc;
    }

    private static ArrayNode writeContacts(List<Contact> contacts) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Contact contact : contacts) {
            ObjectNode node = array.addObject().put("email", contact.email());
            putIfPresent(node, "role", contact.role());
            putIfPresent(node, "name", contact.name());
        }
        return array;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** SHA-256 of the canonical document: equal for equal programmes whatever their input order (R10). */
    public static String inputHash(Programme programme) {
        return AllocationCsv.sha256(Json.write(write(programme)).getBytes(StandardCharsets.UTF_8));
    }

    public static ObjectNode writeSubmission(Submission submission) {
        ObjectNode node = Json.object()
                .put("partnership", submission.partnershipId())
                .put("title", submission.title())
                .put("basis", submission.basis().name());
        ArrayNode shared = node.putArray("sharedWith");
        submission.sorted().sharedWith().forEach(shared::add);
        return node;
    }
}
