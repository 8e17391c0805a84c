package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.adapters.aws.AwsClients;
import grants.adapters.dynamodb.GrantsTable;
import grants.functions.allocate.AllocateGrantsHandler;
import grants.localaws.LocalAwsStack;
import grants.localaws.LocalLambdaContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The system's functions running in this JVM against the embedded AWS stack, called with the
 * same API Gateway events the deployed functions receive, so the local runner exercises the very
 * code that runs in Lambda.
 */
final class LocalFunctions implements AutoCloseable {

    static final String TABLE_NAME = "grants-local";
    static final String EXPORT_BUCKET = "grants-local-exports";

    private final LocalAwsStack stack;
    private final AllocateGrantsHandler allocateGrants;

    private LocalFunctions(LocalAwsStack stack, AllocateGrantsHandler allocateGrants) {
        this.stack = stack;
        this.allocateGrants = allocateGrants;
    }

    static LocalFunctions start(Path stateDirectory) {
        LocalAwsStack stack = LocalAwsStack.persistent(stateDirectory);
        try {
            AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                    stack::sesEndpoint), stack.accessKey(), stack.secretKey());
            GrantsTable.createIfMissing(aws.dynamoDb(), TABLE_NAME);
            return new LocalFunctions(stack, new AllocateGrantsHandler(aws,
                    new AllocateGrantsHandler.Settings(TABLE_NAME, EXPORT_BUCKET, Duration.ofHours(1))));
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
