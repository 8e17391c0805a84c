package grants.functions.allocate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoAllocationRunRepository;
import grants.adapters.dynamodb.DynamoExportIndex;
import grants.adapters.dynamodb.DynamoNoticeStore;
import grants.adapters.dynamodb.DynamoProgrammeRepository;
import grants.adapters.s3.S3PresignedLinks;
import grants.core.exports.ExportDownloads;
import grants.core.notices.NoticeService;
import grants.core.run.AllocationService;
import grants.http.ApiHandler;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The AllocateGrants function: programmes and allocation runs over the HTTP API. Thin by design:
 * routes parse and call {@link AllocationService}; failures the user can act on become 4xx with
 * the fields named, anything else a 500 that names only the request id.
 */
public class AllocateGrantsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        Resource {

    /** Every route this function serves; template.yaml must declare exactly these (checked in the template tests). */
    public static final List<String> ROUTES = AllocationRoutes.ALL;

    static final String TABLE_ENV = "GRANTS_TABLE_NAME";
    static final String BUCKET_ENV = "EXPORT_BUCKET_NAME";
    static final String LINK_EXPIRY_ENV = "EXPORT_LINK_EXPIRY_SECONDS";

    /** The settings the function runs with; in Lambda, from its environment. */
    public record Settings(String tableName, String exportBucket, Duration defaultLinkExpiry) {

        static Settings fromEnvironment() {
            return new Settings(Environment.required(TABLE_ENV), Environment.required(BUCKET_ENV),
                    Duration.ofSeconds(Long.parseLong(Environment.optional(LINK_EXPIRY_ENV, "3600"))));
        }
    }

    private final AllocationRoutes routes;

    /** Lambda's constructor: one SDK client per container, configured from the environment. */
    public AllocateGrantsHandler() {
        this(AwsClients.fromEnvironment(), Settings.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    public AllocateGrantsHandler(AwsClients aws, Settings settings) {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamoDb = aws.dynamoDb();
        AllocationService allocations = new AllocationService(
                new DynamoProgrammeRepository(dynamoDb, settings.tableName(), clock),
                new DynamoAllocationRunRepository(dynamoDb, settings.tableName(), clock), clock, new SecureRandom());
        S3PresignedLinks objects = new S3PresignedLinks(aws, settings.exportBucket());
        ExportDownloads downloads = new ExportDownloads(new DynamoExportIndex(dynamoDb, settings.tableName()), objects);
        DynamoNoticeStore noticeStore = new DynamoNoticeStore(dynamoDb, settings.tableName(), clock);
        NoticeService notices = new NoticeService(new DynamoProgrammeRepository(dynamoDb, settings.tableName(), clock),
                new DynamoAllocationRunRepository(dynamoDb, settings.tableName(), clock), noticeStore, noticeStore, clock);
        this.routes = new AllocationRoutes(allocations, downloads, notices, objects, settings.defaultLinkExpiry());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return ApiHandler.handle(request, context, routes::handle);
    }

    /**
     * SnapStart priming: one real request through every layer (routing, DynamoDB client, JSON, the
     * error mapper) before the snapshot, so restored containers start with those classes loaded.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        APIGatewayV2HTTPEvent priming = APIGatewayV2HTTPEvent.builder()
                .withRouteKey(AllocationRoutes.LIST_RUNS)
                .withPathParameters(Map.of("programmeId", "snapstart-priming"))
                .build();
        handleRequest(priming, null);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: clients re-resolve credentials and connections on use
    }

}
