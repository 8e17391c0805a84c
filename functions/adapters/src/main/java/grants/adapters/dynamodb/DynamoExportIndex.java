package grants.adapters.dynamodb;

import grants.core.exports.ExportIndex;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Complete exports in the grants table, each in a partition of its own, with the file names. */
public final class DynamoExportIndex implements ExportIndex {

    private static final int SCHEMA_VERSION = 1;

    private final GrantsTable table;

    public DynamoExportIndex(GrantsTable table) {
        this.table = table;
    }

    @Override
    public void recordComplete(String programmeId, String runId, List<String> fileNames) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.export(programmeId, runId), Keys.EXPORT_ITEM, SCHEMA_VERSION);
        item.put("files", GrantsTable.strings(fileNames));
        table.client().putItem(request -> request.tableName(table.name()).item(item));
    }

    @Override
    public Optional<List<String>> files(String programmeId, String runId) {
        return table.get(Keys.export(programmeId, runId), Keys.EXPORT_ITEM).map(item -> GrantsTable.strings(item, "files"));
    }
}
