package grants.adapters.dynamodb;

import grants.core.exports.ExportIndex;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static grants.adapters.dynamodb.DynamoProgrammeRepository.programmeKey;

/** Complete exports in the grants table: {@code PROGRAMME#{id} / EXPORT#{runId}} with the file names. */
public final class DynamoExportIndex implements ExportIndex {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoExportIndex(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void recordComplete(String programmeId, String runId, List<String> fileNames) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(GrantsTable.key(programmeKey(programmeId),
                "EXPORT#" + runId));
        item.put("files", AttributeValue.fromL(fileNames.stream().map(AttributeValue::fromS).toList()));
        dynamoDb.putItem(request -> request.tableName(tableName).item(item));
    }

    @Override
    public Optional<List<String>> files(String programmeId, String runId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(tableName)
                .key(GrantsTable.key(programmeKey(programmeId), "EXPORT#" + runId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(item.get("files").l().stream().map(AttributeValue::s).toList());
    }
}
