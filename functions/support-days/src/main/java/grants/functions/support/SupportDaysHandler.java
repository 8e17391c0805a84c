package grants.functions.support;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoAllocationRunRepository;
import grants.adapters.dynamodb.DynamoProgrammeRepository;
import grants.adapters.dynamodb.DynamoSupportStore;
import grants.adapters.s3.S3ExportStore;
import grants.adapters.s3.S3PresignedLinks;
import grants.core.support.SupportService;
import grants.http.ApiHandler;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The SupportDays function: advisers, support pools, bookings and balances over the HTTP API. */
public class SupportDaysHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    /** Every route this function serves; template.yaml must declare exactly these. */
    public static final List<String> ROUTES = SupportRoutes.ALL;

    static final String TABLE_ENV = "GRANTS_TABLE_NAME";
    static final String BUCKET_ENV = "EXPORT_BUCKET_NAME";

    private final SupportRoutes routes;

    public SupportDaysHandler() {
        this(AwsClients.fromEnvironment(), Environment.required(TABLE_ENV), Environment.required(BUCKET_ENV));
        Core.getGlobalContext().register(this);
    }

    public SupportDaysHandler(AwsClients aws, String tableName, String exportBucket) {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamoDb = aws.dynamoDb();
        SupportService service = new SupportService(new DynamoProgrammeRepository(dynamoDb, tableName, clock),
                new DynamoAllocationRunRepository(dynamoDb, tableName, clock), new DynamoSupportStore(dynamoDb, tableName),
                clock, new SecureRandom());
        this.routes = new SupportRoutes(service, new S3ExportStore(aws.s3(), exportBucket),
                new S3PresignedLinks(aws, exportBucket), clock);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return ApiHandler.handle(request, context, routes::handle);
    }

    /** SnapStart priming: a real request through every layer before the snapshot. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        handleRequest(APIGatewayV2HTTPEvent.builder().withRouteKey(SupportRoutes.GET_BALANCES)
                .withPathParameters(Map.of("programmeId", "snapstart-priming")).build(), null);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh
    }

}
