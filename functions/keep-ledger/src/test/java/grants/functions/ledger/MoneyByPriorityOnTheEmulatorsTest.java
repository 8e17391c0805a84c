package grants.functions.ledger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.dynamodb.DynamoReportingStore;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.Round;
import grants.core.reporting.Register;
import grants.documents.Json;
import grants.http.Identity;
import grants.localaws.LocalLambdaContext;
import grants.testing.TestRounds;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where Coventry's money goes, through KeepLedger on the emulators (its reads of the round and of a
 * register checked against its policy, as every call of this module is): the seven published contracts
 * by priority, the file finance downloads, and a register named that no indicator links to a contract.
 */
class MoneyByPriorityOnTheEmulatorsTest {

    private final LedgerOnTheEmulators stack = new LedgerOnTheEmulators(getClass());
    private final Round coventry = TestRounds.coventry();
    private final String round = coventry.setup().roundId();
    private final Actor steeringGroup = LedgerOnTheEmulators.person("board", Role.BOARD_MEMBER, round);

    @Test
    void aBoardMemberReadsEachPrioritysMoneyAndShareAndDownloadsTheSameAsAFile() {
        stack.published(coventry, steeringGroup);

        JsonNode map = call(LedgerRoutes.MONEY_BY_PRIORITY, null, 200).json();
        JsonNode unemployment = map.path("priorities").findParents("issueId").stream()
                .filter(priority -> priority.path("issueId").asText().equals("unemployment")).findFirst().orElseThrow();
        assertThat(unemployment.path("committedInWords").asText()).isEqualTo("£3,000,000.00");
        assertThat(unemployment.path("byYear").get(0).path("year").asText()).isEqualTo("2002-03");
        assertThat(unemployment.path("byYear").get(0).path("committedInWords").asText()).isEqualTo("£1,000,000.00");
        assertThat(unemployment.path("share").path("inWords").asText()).isEqualTo("20/77 of the money committed (25.97%)");
        assertThat(map.path("totals").path("committedInWords").asText()).isEqualTo("£11,550,000.00");
        assertThat(map.path("totals").path("unawardedInWords").asText()).isEqualTo("£3,450,000.00");

        String csv = call(LedgerRoutes.MONEY_BY_PRIORITY_CSV, null, 200).text();
        assertThat(csv.lines()).first().isEqualTo("round,priority,title,year,committed,share_numerator,"
                + "share_denominator,share");
        assertThat(csv.lines()).contains(round + ",unemployment,Unemployment and worklessness,2002-03,1000000.00,,,",
                round + ",unemployment,Unemployment and worklessness,all,3000000.00,20,77,20/77 of the money committed"
                        + " (25.97%)",
                round + ",committed,All priorities,all,11550000.00,,,",
                round + ",unawarded,Left unawarded of the fund,all,3450000.00,23,100,23/100 of the fund (23.00%)");
    }

    @Test
    void aRegisterNamedIsReadAndWhatItDoesNotLinkIsSaid() {
        stack.published(coventry, steeringGroup);
        new DynamoReportingStore(stack.wiring.table(), stack.wiring.auditTable()).create(
                Register.empty("coventry-scs", "Coventry's register"), AuditEntry.by(steeringGroup,
                        stack.clock.instant(), "coventry-scs", "REGISTER_CREATED", "coventry-scs", null, "a register"));

        JsonNode themes = call(LedgerRoutes.MONEY_BY_PRIORITY, "coventry-scs", 200).json().path("themes");

        assertThat(themes.path("contractsInNoTheme")).hasSize(7);
        assertThat(themes.path("inNoThemeInWords").asText()).isEqualTo("£11,550,000.00");
        assertThat(themes.path("note").asText()).contains("7 contracts feed no indicator of this register.");
        assertThat(call(LedgerRoutes.MONEY_BY_PRIORITY, "no-such-register", 404).text()).contains("no-such-register");
    }

    private LedgerOnTheEmulators.Answer call(String routeKey, String register, int status) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey)
                .withPathParameters(Map.of("scopeId", round))
                .withQueryStringParameters(register == null ? null : Map.of("register", register))
                .withRequestContext(Identity.verified(Identity.claimsOf(steeringGroup))).build();
        APIGatewayV2HTTPResponse response = stack.handler.handleRequest(event, new LocalLambdaContext("KeepLedgerFunction"));
        String text = response.getIsBase64Encoded() ? new String(Base64.getDecoder().decode(response.getBody()),
                StandardCharsets.UTF_8) : response.getBody();
        assertThat(response.getStatusCode()).as(text).isEqualTo(status);
        boolean json = String.valueOf(response.getHeaders().get("content-type")).startsWith("application/json");
        return new LedgerOnTheEmulators.Answer(status, text, json ? Json.parse(text) : Json.object());
    }
}
