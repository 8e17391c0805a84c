package grants.functions.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.DynamoAssessmentStore;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.wiring.ProgrammePartnerships;
import grants.adapters.wiring.Wiring;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.assessment.Answer;
import grants.core.assessment.AssessmentService;
import grants.core.assessment.Domain;
import grants.core.assessment.Domains;
import grants.core.assessment.Kind;
import grants.core.assessment.Statement;
import grants.core.assessment.Wave;
import grants.core.run.AllocationService;
import grants.core.run.CommitRequest;
import grants.core.support.Adviser;
import grants.core.support.BookingRequest;
import grants.core.support.SupportService;
import grants.adapters.dynamodb.DynamoSupportStore;
import grants.documents.Json;
import grants.http.Identity;
import grants.localaws.AwsStack;
import grants.localaws.LocalLambdaContext;
import grants.localaws.TestAwsStack;
import grants.testing.TestProgrammes;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking suggestions on the local stack: Rugby's confirmed baseline (weakest in governance and
 * accountability) makes SupportDays offer the governance advisers with days left first, then the
 * one for its next weakest domain, each with the reason; an adviser with no days left is not offered.
 */
class SupportSuggestionsHandlerTest {

    private static final String L2D = "l2d-2007-08";

    @Test
    void aPartnershipIsOfferedAdvisersForItsWeakestDomainsWithDaysLeftBestFirst() {
        AwsStack stack = TestAwsStack.shared();
        AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
        String table = TestAwsStack.uniqueTableName(getClass());
        GrantsTable.createIfMissing(aws.dynamoDb(), table);
        AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
        Wiring wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit",
                Environment.EXPORT_BUCKET, "unused")), aws, Clock.systemUTC());
        AllocationService allocations = TestProgrammes.allocations(wiring.programmes(), wiring.runs(), wiring.clock());
        allocations.putProgramme(L2D, TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, L2D));
        allocations.commit(L2D, CommitRequest.confirming(allocations.dryRun(L2D).inputHash()), Optional.empty());
        Actor lead = person("project.lead@rugby.lsp.example");
        SupportService support = new SupportService(wiring.programmes(), wiring.runs(),
                new DynamoSupportStore(wiring.table(), wiring.auditTable()), wiring.clock(), new SecureRandom());
        support.putAdviser(L2D, new Adviser("gov-a", "Asha Khan", List.of("governance and accountability"), 24));
        support.putAdviser(L2D, new Adviser("gov-spent", "Bill Spent", List.of("governance and accountability"), 1));
        support.putAdviser(L2D, new Adviser("lead", "Cara Lee", List.of("leadership of partnerships"), 40));
        support.putAdviser(L2D, new Adviser("health", "Dev Patel", List.of("health"), 40));
        support.book(lead, L2D, new BookingRequest("gov-spent", "rugby", null, LocalDate.of(2007, 9, 3), 1, "governance"),
                Optional.empty());
        AssessmentService assessments = new AssessmentService(new DynamoAssessmentStore(wiring.table(), wiring.auditTable()),
                new ProgrammePartnerships(wiring.programmes()), wiring.clock());
        assessments.setFramework(person("manager@westmidlands.example"), L2D, List.of(
                new Domain(Domains.GOVERNANCE_AND_ACCOUNTABILITY, "Governance and accountability", List.of(
                        new Statement("roles-clear", "Roles are clear."), new Statement("scrutiny", "Decisions are scrutinised.")),
                        List.of("governance and accountability"), List.of()),
                new Domain(Domains.STRATEGIC, "Strategic?", List.of(new Statement("objectives", "Objectives are clear.")),
                        List.of("leadership of partnerships"), List.of())));
        assessments.submit(lead, L2D, "rugby", "rugby-baseline", Wave.BASELINE, Kind.SELF, List.of(
                new Answer("roles-clear", 1, "No terms of reference."), new Answer("scrutiny", 2, "Minutes late."),
                new Answer("objectives", 3, "In the Community Strategy.")));
        assessments.confirm(person("champion@rugby.lsp.example"), L2D, "rugby", "rugby-baseline");

        APIGatewayV2HTTPEvent get = EventLoader.loadApiGatewayHttpEvent("get-support-suggestions.json");
        get.setRequestContext(Identity.verified(Identity.claimsOf(lead)));
        APIGatewayV2HTTPResponse response = new SupportDaysHandler(wiring).handleRequest(get,
                new LocalLambdaContext("SupportDaysFunction"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode suggestions = Json.parse(response.getBody()).path("suggestions");
        assertThat(suggestions.findValuesAsText("reason")).containsExactly(
                "Matches governance and accountability, your weakest domain (score 1.5 of 4); 12 days left",
                "Matches being strategic, your second weakest domain (score 3 of 4); 20 days left");
        assertThat(suggestions.findValuesAsText("adviserId")).containsExactly("gov-a", "lead");
        get.setQueryStringParameters(Map.of("partnershipId", "coventry"));
        assertThat(new SupportDaysHandler(wiring).handleRequest(get, new LocalLambdaContext("SupportDaysFunction"))
                .getStatusCode()).as("another partnership's suggestions").isEqualTo(403);
    }

    private static Actor person(String email) {
        String partnership = email.endsWith("rugby.lsp.example") ? "rugby" : null;
        Role role = partnership == null ? Role.PROGRAMME_MANAGER : Role.PARTNERSHIP_MEMBER;
        return new Actor("sub-" + email, email, Set.of(role), Optional.ofNullable(partnership), Optional.empty(), Set.of(L2D));
    }
}
