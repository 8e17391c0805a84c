package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.adapters.aws.AwsClients;
import grants.adapters.dynamodb.GrantsTable;
import grants.functions.allocate.AllocateGrantsHandler;
import grants.localaws.LocalAwsStack;
import grants.localaws.LocalLambdaContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.util.Map;

/**
 * The system's functions running in this JVM against the embedded AWS stack, called with the
 * same API Gateway events the deployed functions receive, so the local runner exercises the very
 * code that runs in Lambda.
 */
final class LocalFunctions implements AutoCloseable {

    static final String TABLE_NAME = "grants-local";

    private final LocalAwsStack stack;
    private final AllocateGrantsHandler allocateGrants;

    private LocalFunctions(LocalAwsStack stack, AllocateGrantsHandler allocateGrants) {
        this.stack = stack;
        this.allocateGrants = allocateGrants;
    }

    static LocalFunctions start(Path stateDirectory) {
        LocalAwsStack stack = LocalAwsStack.persistent(stateDirectory);
        try {
            DynamoDbClient dynamoDb = AwsClients.local(stack.dynamoDbEndpoint(), stack.accessKey(), stack.secretKey())
                    .dynamoDb();
            GrantsTable.createIfMissing(dynamoDb, TABLE_NAME);
            return new LocalFunctions(stack, new AllocateGrantsHandler(AllocateGrantsHandler.serviceFor(dynamoDb, TABLE_NAME)));
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    APIGatewayV2HTTPResponse allocateGrants(String routeKey, Map<String, String> pathParameters, String body,
                                            Map<String, String> headers) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withPathParameters(pathParameters)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
        return allocateGrants.handleRequest(event, new LocalLambdaContext("AllocateGrantsFunction"));
    }

    @Override
    public void close() {
        stack.close();
    }
}
