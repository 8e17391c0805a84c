package grants.adapters.dynamodb;

import grants.core.assessment.Answer;
import grants.core.assessment.Assessment;
import grants.core.assessment.CompetencyFramework;
import grants.core.assessment.Domain;
import grants.core.assessment.Kind;
import grants.core.assessment.Signature;
import grants.core.assessment.Statement;
import grants.core.assessment.Wave;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.number;
import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.strings;
import static grants.adapters.dynamodb.GrantsTable.text;

/**
 * Frameworks and assessments to and from their items: a framework's domains as a list of maps, an
 * assessment's answers likewise, moments as ISO text; {@code signatures} counts what was signed, so a
 * signature is put only over the item as it was read.
 */
final class AssessmentItems {

    static final int SCHEMA_VERSION = 1;
    static final String SIGNATURES = "signatures";

    private AssessmentItems() {
    }

    static Map<String, AttributeValue> framework(CompetencyFramework framework) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.assess(framework.programmeId()),
                Keys.framework(framework.version()), SCHEMA_VERSION);
        item.put("programmeId", s(framework.programmeId()));
        item.put("version", n(framework.version()));
        item.put("setBy", s(framework.setBy()));
        item.put("setAt", s(framework.setAt().toString()));
        item.put("domains", AttributeValue.fromL(framework.domains().stream().map(AssessmentItems::domain).toList()));
        return item;
    }

    static CompetencyFramework framework(Map<String, AttributeValue> item) {
        return new CompetencyFramework(text(item, "programmeId"), (int) number(item, "version"),
                item.get("domains").l().stream().map(value -> domain(value.m())).toList(), text(item, "setBy"),
                Instant.parse(text(item, "setAt")));
    }

    private static AttributeValue domain(Domain domain) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put("id", s(domain.id()));
        map.put("title", s(domain.title()));
        map.put("statements", AttributeValue.fromL(domain.statements().stream().map(statement ->
                AttributeValue.fromM(Map.of("id", s(statement.id()), "text", s(statement.text())))).toList()));
        map.put("specialisms", strings(domain.specialisms()));
        map.put("workshopTopics", strings(domain.workshopTopics()));
        return AttributeValue.fromM(map);
    }

    private static Domain domain(Map<String, AttributeValue> map) {
        return new Domain(text(map, "id"), text(map, "title"), map.get("statements").l().stream()
                .map(value -> new Statement(text(value.m(), "id"), text(value.m(), "text"))).toList(),
                strings(map, "specialisms"), strings(map, "workshopTopics"));
    }

    static Map<String, AttributeValue> assessment(Assessment assessment) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.assess(assessment.programmeId()),
                Keys.assessment(assessment.partnershipId(), assessment.id()), SCHEMA_VERSION);
        item.put("assessmentId", s(assessment.id()));
        item.put("programmeId", s(assessment.programmeId()));
        item.put("partnershipId", s(assessment.partnershipId()));
        item.put("frameworkVersion", n(assessment.frameworkVersion()));
        item.put("wave", s(assessment.wave().name()));
        item.put("kind", s(assessment.kind().name()));
        item.put("answers", AttributeValue.fromL(assessment.answers().stream().map(answer -> AttributeValue.fromM(Map.of(
                "statement", s(answer.statementId()), "score", n(answer.score()), "evidence", s(answer.evidence()))))
                .toList()));
        item.put("submittedBy", s(assessment.submittedBy()));
        item.put("submittedAt", s(assessment.submittedAt().toString()));
        assessment.confirmed().ifPresent(signature -> {
            item.put("confirmedBy", s(signature.by()));
            item.put("confirmedAt", s(signature.at().toString()));
        });
        assessment.coSigned().ifPresent(signature -> {
            item.put("coSignedBy", s(signature.by()));
            item.put("coSignedAt", s(signature.at().toString()));
        });
        item.put(SIGNATURES, n(signatures(assessment)));
        return item;
    }

    static Assessment assessment(Map<String, AttributeValue> item) {
        return new Assessment(text(item, "assessmentId"), text(item, "programmeId"), text(item, "partnershipId"),
                (int) number(item, "frameworkVersion"), Wave.valueOf(text(item, "wave")), Kind.valueOf(text(item, "kind")),
                item.get("answers").l().stream().map(value -> new Answer(text(value.m(), "statement"),
                        (int) number(value.m(), "score"), text(value.m(), "evidence"))).toList(),
                text(item, "submittedBy"), Instant.parse(text(item, "submittedAt")), signature(item, "confirmed"),
                signature(item, "coSigned"));
    }

    static int signatures(Assessment assessment) {
        return (assessment.confirmed().isPresent() ? 1 : 0) + (assessment.coSigned().isPresent() ? 1 : 0);
    }

    private static Optional<Signature> signature(Map<String, AttributeValue> item, String which) {
        return Optional.ofNullable(text(item, which + "By"))
                .map(by -> new Signature(by, Instant.parse(text(item, which + "At"))));
    }

    static List<Assessment> assessments(List<Map<String, AttributeValue>> items) {
        return items.stream().map(AssessmentItems::assessment).toList();
    }
}
