package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.documents.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code support ...}: adviser support days on the local stack, through the SupportDays function. */
@Command(name = "support", mixinStandardHelpOptions = true,
        description = "Adviser support days: advisers, pools, bookings and balances (after a committed run).",
        subcommands = {SupportCommand.Adviser.class, SupportCommand.Pool.class, SupportCommand.Book.class,
                SupportCommand.Deliver.class, SupportCommand.Cancel.class, SupportCommand.Balances.class})
final class SupportCommand {

    @Option(names = "--programme-id", required = true, paramLabel = "ID", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The programme, e.g. l2d-2007-08.")
    String programmeId;

    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".grants-local", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Where the local AWS stack keeps its tables and objects (default: ${DEFAULT-VALUE}).")
    Path stateDirectory;

    /** Calls one SupportDays route and prints its answer; the exit code follows the status. */
    int call(String routeKey, Map<String, String> path, ObjectNode body, Map<String, String> headers,
             Map<String, String> query) {
        Map<String, String> pathParameters = new HashMap<>(path);
        pathParameters.put("programmeId", programmeId);
        try (LocalFunctions functions = LocalFunctions.start(stateDirectory)) {
            APIGatewayV2HTTPResponse response = functions.supportDays(routeKey, pathParameters,
                    body == null ? null : Json.write(body), headers, query);
            JsonNode answer = Json.parse(response.getBody());
            if (response.getStatusCode() >= 400) {
                System.err.println(answer.get("error").get("message").asText());
                answer.get("error").get("details").forEach(detail -> System.err.println("  "
                        + detail.get("field").asText() + ": " + detail.get("problem").asText()));
                return response.getStatusCode() >= 500 ? 1 : AllocateCommand.BAD_INPUT;
            }
            if (answer.has("pools") && answer.has("advisers")) {
                BalancesTable.print(answer);
            } else {
                System.out.println(Json.writePretty(answer));
            }
            return 0;
        }
    }

    @Command(name = "adviser", description = "Adds or updates an adviser.")
    static final class Adviser implements Callable<Integer> {
        @ParentCommand SupportCommand support;
        @Option(names = "--id", required = true) String id;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--days", required = true, description = "Contracted days for the programme year.") String days;
        @Option(names = "--specialism", description = "Repeatable, from the list: economic development, health, housing ...") List<String> specialisms = List.of();

        @Override
        public Integer call() {
            ObjectNode body = Json.object().put("name", name).put("contractedDays", days);
            specialisms.forEach(body.putArray("specialisms")::add);
            return support.call("PUT /programmes/{programmeId}/advisers/{adviserId}", Map.of("adviserId", id), body,
                    Map.of(), null);
        }
    }

    @Command(name = "pool", description = "Creates a support pool of one locality's funded partnerships.")
    static final class Pool implements Callable<Integer> {
        @ParentCommand SupportCommand support;
        @Option(names = "--id", required = true) String id;
        @Option(names = "--members", required = true, split = ",", description = "Partnership ids, comma-separated.")
        List<String> members;

        @Override
        public Integer call() {
            ObjectNode body = Json.object();
            members.forEach(body.putArray("members")::add);
            return support.call("PUT /programmes/{programmeId}/support-pools/{poolId}", Map.of("poolId", id), body,
                    Map.of(), null);
        }
    }

    @Command(name = "book", description = "Books adviser days for a partnership or a pool.")
    static final class Book implements Callable<Integer> {
        @ParentCommand SupportCommand support;
        @Option(names = "--adviser", required = true) String adviser;
        @Option(names = "--partnership") String partnership;
        @Option(names = "--pool") String pool;
        @Option(names = "--date", required = true, description = "YYYY-MM-DD") String date;
        @Option(names = "--days", required = true, description = "In half-day steps: 0.5, 1.0 ...") String days;
        @Option(names = "--topic", required = true) String topic;
        @Option(names = "--idempotency-key", description = "A retried booking with the same key books once.") String key;

        @Override
        public Integer call() {
            ObjectNode body = Json.object().put("adviserId", adviser).put("date", date).put("days", days).put("topic", topic);
            if (partnership != null) {
                body.put("partnershipId", partnership);
            }
            if (pool != null) {
                body.put("poolId", pool);
            }
            return support.call("POST /programmes/{programmeId}/support-bookings", Map.of(), body,
                    key == null ? Map.of() : Map.of("idempotency-key", key), null);
        }
    }

    @Command(name = "deliver", description = "Marks a booking delivered, with a short note.")
    static final class Deliver implements Callable<Integer> {
        @ParentCommand SupportCommand support;
        @Option(names = "--booking", required = true) String booking;
        @Option(names = "--note", required = true) String note;

        @Override
        public Integer call() {
            return support.call("POST /programmes/{programmeId}/support-bookings/{bookingId}/deliver",
                    Map.of("bookingId", booking), Json.object().put("note", note), Map.of(), null);
        }
    }

    @Command(name = "cancel", description = "Cancels a booking; its days return.")
    static final class Cancel implements Callable<Integer> {
        @ParentCommand SupportCommand support;
        @Option(names = "--booking", required = true) String booking;

        @Override
        public Integer call() {
            return support.call("POST /programmes/{programmeId}/support-bookings/{bookingId}/cancel",
                    Map.of("bookingId", booking), null, Map.of(), null);
        }
    }

    @Command(name = "balances", description = "Entitled, booked, delivered and remaining days per partnership, pool and adviser.")
    static final class Balances implements Callable<Integer> {
        @ParentCommand SupportCommand support;
        @Option(names = "--csv", description = "Also write the CSV to the export bucket for finance.") boolean csv;

        @Override
        public Integer call() {
            return support.call("GET /programmes/{programmeId}/support-balances", Map.of(), null, Map.of(),
                    csv ? Map.of("format", "csv") : null);
        }
    }
}
