package grants.adapters.dynamodb;

import grants.adapters.aws.AwsClients;
import grants.localaws.AwsStack;
import grants.localaws.TestAwsStack;

import java.time.Clock;

/** A fresh grants table (and its audit table) on the tests' shared emulator stack. */
final class StoreTables {

    private StoreTables() {
    }

    static GrantsTable fresh(Class<?> test, Clock clock) {
        AwsStack stack = TestAwsStack.shared();
        AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
        String name = TestAwsStack.uniqueTableName(test);
        GrantsTable.createIfMissing(aws.dynamoDb(), name);
        return new GrantsTable(aws.dynamoDb(), name, clock);
    }

    /** The audit table beside a fresh grants table: for stores that write an entry in their transactions. */
    static AuditTable auditBeside(GrantsTable table) {
        AuditTable.createIfMissing(table.client(), table.name() + "-audit");
        return new AuditTable(table.client(), table.name() + "-audit");
    }
}
