package grants.bench;

import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.localaws.LocalAwsStack;

import java.util.Map;

/** The grants table and the audit table of a bench on the embedded stack, created: the clients, and the settings naming them. */
record BenchTables(AwsClients aws, Environment environment) {

    static BenchTables on(LocalAwsStack stack) {
        AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
        GrantsTable.createIfMissing(aws.dynamoDb(), "bench");
        AuditTable.createIfMissing(aws.dynamoDb(), "bench-audit");
        return new BenchTables(aws, Environment.of(Map.of(Environment.TABLE, "bench", Environment.AUDIT_TABLE, "bench-audit")));
    }
}
