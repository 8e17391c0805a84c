package grants.functions.allocate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.adapters.aws.AwsClients;
import grants.adapters.dynamodb.DynamoAllocationRunRepository;
import grants.adapters.dynamodb.DynamoProgrammeRepository;
import grants.core.errors.GrantsException;
import grants.core.run.AllocationService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The AllocateGrants function: programmes and allocation runs over the HTTP API. Thin by design:
 * routes parse and call {@link AllocationService}; failures the user can act on become 4xx with
 * the fields named, anything else a 500 that names only the request id.
 */
public class AllocateGrantsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String TABLE_ENV = "GRANTS_TABLE_NAME";

    private final AllocationRoutes routes;

    /** Lambda's constructor: one SDK client per container, configured from the environment. */
    public AllocateGrantsHandler() {
        this(serviceFor(AwsClients.fromEnvironment().dynamoDb(), requiredEnv(TABLE_ENV)));
    }

    public AllocateGrantsHandler(AllocationService service) {
        this.routes = new AllocationRoutes(service);
    }

    public static AllocationService serviceFor(DynamoDbClient dynamoDb, String tableName) {
        Clock clock = Clock.systemUTC();
        return new AllocationService(new DynamoProgrammeRepository(dynamoDb, tableName, clock),
                new DynamoAllocationRunRepository(dynamoDb, tableName, clock), clock, new SecureRandom());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        String requestId = context == null ? "unknown" : context.getAwsRequestId();
        try {
            return routes.handle(request).orElseGet(() -> HttpResponses.routeNotFound(request.getRouteKey()));
        } catch (GrantsException failure) {
            return HttpResponses.error(failure);
        } catch (RuntimeException unexpected) {
            StringWriter trace = new StringWriter();
            unexpected.printStackTrace(new PrintWriter(trace));
            String line = "ERROR request " + requestId + " " + request.getRouteKey() + ": " + trace;
            if (context != null) {
                context.getLogger().log(line);
            } else {
                System.err.println(line);
            }
            return HttpResponses.internalError(requestId);
        }
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
