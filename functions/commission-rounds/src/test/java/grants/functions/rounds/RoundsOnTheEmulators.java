package grants.functions.rounds;

import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.wiring.Wiring;
import grants.localaws.AwsStack;
import grants.localaws.TestAwsStack;

import java.time.Clock;
import java.util.Map;

/** CommissionRounds' dependencies on the shared local stack: a fresh table and export bucket per test class. */
record RoundsOnTheEmulators(Wiring wiring, AwsClients aws, String bucket) {

    static RoundsOnTheEmulators wiring(Class<?> test) {
        return wiring(test, Clock.systemUTC());
    }

    static RoundsOnTheEmulators wiring(Class<?> test, Clock clock) {
        AwsStack stack = TestAwsStack.shared();
        AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
        String table = TestAwsStack.uniqueTableName(test);
        String bucket = "exports-" + Long.toHexString(System.nanoTime());
        GrantsTable.createIfMissing(aws.dynamoDb(), table);
        AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
        aws.s3().createBucket(request -> request.bucket(bucket));
        return new RoundsOnTheEmulators(new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit",
                Environment.EXPORT_BUCKET, bucket)), aws, clock), aws, bucket);
    }
}
