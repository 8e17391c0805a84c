package grants.documents.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.monitoring.Agreement;
import grants.documents.FieldReader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code agreements} of a monitoring document: each with a known organisation and officer, an
 * end not before its start, instalments numbered 1..n, milestones (ids unique in the whole
 * document, as events name them alone) gating only instalments it has, and whole-number targets.
 */
final class AgreementJson {

    private static final int MAX_TARGET = 1_000_000_000;

    private final MonitoringFields fields;
    private final FieldReader reader;
    private final Map<String, MonitoringBook.Person> people;
    private final Map<String, MonitoringBook.Organisation> organisations;
    private final MonitoringFields.Once agreementIds;
    private final MonitoringFields.Once milestoneIds;
    private final Set<String> unreadable = new TreeSet<>();

    AgreementJson(MonitoringFields fields, Map<String, MonitoringBook.Person> people,
                  Map<String, MonitoringBook.Organisation> organisations) {
        this.fields = fields;
        this.reader = fields.reader();
        this.people = people;
        this.organisations = organisations;
        this.agreementIds = new MonitoringFields.Once(reader);
        this.milestoneIds = new MonitoringFields.Once(reader);
    }

    /** The readable agreements; {@code trail} is the audit trail their changes are recorded in. */
    List<Agreement> read(JsonNode document, String trail) {
        return fields.list(document, "", "agreements", (node, path) -> agreement(node, path, trail)).stream()
                .filter(Objects::nonNull).toList();
    }

    private Agreement agreement(JsonNode node, String path, String trail) {
        reader.onlyFields(node, path, "id", "source", "organisation", "officer", "start", "end", "instalments",
                "milestones", "outputs");
        String id = fields.id(node, path, "id");
        boolean unique = agreementIds.first(id, FieldReader.path(path, "id"), path);
        Agreement.Source source = reader.oneOf(node, path, "source", Agreement.Source.class, true);
        String organisation = known(node, path, "organisation", organisations.keySet(), "an organisation");
        String officer = known(node, path, "officer", people.keySet(), "a person");
        LocalDate start = fields.date(node, path, "start", true);
        LocalDate end = fields.date(node, path, "end", true);
        if (start != null && end != null && end.isBefore(start)) {
            reader.problem(FieldReader.path(path, "end"), "is " + end + ", before the agreement starts on " + start);
            end = null;
        }
        List<Agreement.Instalment> instalments = instalments(node, path);
        Set<Integer> numbers = new TreeSet<>();
        if (instalments != null) {
            instalments.forEach(i -> numbers.add(i.number()));
        }
        List<Agreement.Milestone> milestones = fields.list(node, path, "milestones",
                (milestone, milestonePath) -> milestone(milestone, milestonePath, instalments == null ? null : numbers));
        List<Agreement.Output> outputs = outputs(node, path);
        if (unique && id != null) {
            unreadable.add(id);
        }
        if (!unique || source == null || organisation == null || officer == null || start == null || end == null
                || instalments == null || milestones.contains(null) || outputs == null) {
            return null;
        }
        unreadable.remove(id);
        return new Agreement(id, source, trail, organisation, officer, start, end, instalments, milestones, outputs)
                .withOrganisationNamed(organisations.get(organisation).name());
    }

    /**
     * The ids of agreements with a problem already named: what events say of them is not checked,
     * so that one bad agreement is not reported again at every event naming it.
     */
    Set<String> unreadable() {
        return unreadable;
    }

    private String known(JsonNode node, String path, String field, Set<String> ids, String whatItIs) {
        return reader.known(node, path, field, ids, whatItIs);
    }

    /** Numbered 1..n, each once; null when any is unreadable. */
    private List<Agreement.Instalment> instalments(JsonNode node, String path) {
        List<Agreement.Instalment> instalments = fields.list(node, path, "instalments", (instalment, instalmentPath) -> {
            reader.onlyFields(instalment, instalmentPath, "n", "due", "amount");
            Integer n = fields.whole(instalment, instalmentPath, "n", 1, 10_000);
            LocalDate due = fields.date(instalment, instalmentPath, "due", true);
            Long pence = reader.pence(instalment, instalmentPath, "amount", true);
            return n == null || due == null || pence == null ? null : new Agreement.Instalment(n, due, pence);
        });
        if (instalments.contains(null)) {
            return null;
        }
        List<Integer> numbers = instalments.stream().map(Agreement.Instalment::number).sorted().toList();
        for (int i = 0; i < numbers.size(); i++) {
            if (numbers.get(i) != i + 1) {
                reader.problem(FieldReader.path(path, "instalments"), "are numbered " + numbers
                        + ": they must be numbered 1 to " + numbers.size() + ", each once");
                return null;
            }
        }
        return instalments;
    }

    /** {@code instalments}: the agreement's numbers, or null when they were unreadable (its gates are not checked). */
    private Agreement.Milestone milestone(JsonNode node, String path, Set<Integer> instalments) {
        reader.onlyFields(node, path, "id", "due", "description", "gates");
        String id = reader.text(node, path, "id", true);
        boolean unique = milestoneIds.first(id, FieldReader.path(path, "id"), path);
        LocalDate due = fields.date(node, path, "due", true);
        String description = reader.text(node, path, "description", true, FieldReader.MAX_LONG_TEXT);
        List<JsonNode> gateNodes = reader.array(node, path, "gates", false);
        Set<Integer> gates = new TreeSet<>();
        boolean gatesReadable = true;
        for (int i = 0; i < gateNodes.size(); i++) {
            String gatePath = FieldReader.path(path, "gates[" + i + "]");
            JsonNode gate = gateNodes.get(i);
            if (!gate.isIntegralNumber() || !gate.canConvertToInt()) {
                reader.problem(gatePath, "must be an instalment's number, got " + gate);
                gatesReadable = false;
            } else if (instalments != null && !instalments.contains(gate.intValue())) {
                reader.problem(gatePath, "is instalment " + gate.intValue() + ", which the agreement does not have");
                gatesReadable = false;
            } else {
                gates.add(gate.intValue());
            }
        }
        return unique && due != null && description != null && gatesReadable
                ? new Agreement.Milestone(id, due, description, gates) : null;
    }

    /** Each measure once, with a whole-number annual target; null when any is unreadable. */
    private List<Agreement.Output> outputs(JsonNode node, String path) {
        MonitoringFields.Once measures = new MonitoringFields.Once(reader);
        List<Agreement.Output> outputs = fields.list(node, path, "outputs", (output, outputPath) -> {
            reader.onlyFields(output, outputPath, "measure", "annualTarget");
            String measure = reader.text(output, outputPath, "measure", true);
            Integer target = fields.whole(output, outputPath, "annualTarget", 0, MAX_TARGET);
            return measures.first(measure, FieldReader.path(outputPath, "measure"), outputPath) && target != null
                    ? new Agreement.Output(measure, target) : null;
        });
        return outputs.contains(null) ? null : new ArrayList<>(outputs);
    }
}
