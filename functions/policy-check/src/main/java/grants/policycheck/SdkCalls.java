package grants.policycheck;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SDK request turned into what IAM authorizes: one action on one resource with its condition
 * keys, or several. DynamoDB: the item's partition key is {@code dynamodb:LeadingKeys}; a Query's
 * is its key condition's; a batch's are all its items', per table; and each action inside a
 * transaction is authorized on its own ({@code TransactWriteItems} is not an IAM action: a Put in it
 * needs {@code dynamodb:PutItem} on its key, a ConditionCheck {@code dynamodb:ConditionCheckItem}).
 * SQS: the batch operations are authorized as their single actions ({@code SendMessageBatch} needs
 * {@code sqs:SendMessage}).
 */
final class SdkCalls {

    /** An access before its local resource name is turned into the template's: {@code name} is the local table, bucket or queue. */
    record Access(String action, String service, String name, String path, List<String> leadingKeys, String call) {
    }

    /** A local table's key attribute names (the template's, once the table is known). */
    interface KeyNames {
        String partitionKey(String localTable);

        Optional<String> sortKey(String localTable);
    }

    private static final Pattern EQUALITY = Pattern.compile("(#?[A-Za-z0-9_]+)\\s*=\\s*(:[A-Za-z0-9_]+)");

    private final KeyNames keys;

    SdkCalls(KeyNames keys) {
        this.keys = keys;
    }

    List<Access> of(String service, String operation, SdkRequest request) {
        return switch (service) {
            case "DynamoDb" -> dynamoDb(operation, request);
            case "Sqs" -> List.of(sqs(operation, request));
            case "S3" -> List.of(s3(operation, request));
            default -> List.of(new Access(service.toLowerCase(Locale.ROOT) + ":" + operation, service, "*", "",
                    List.of(), service + " " + operation));
        };
    }

    private List<Access> dynamoDb(String operation, SdkRequest request) {
        List<Access> accesses = new ArrayList<>();
        if (request instanceof GetItemRequest get) {
            accesses.add(item("GetItem", get.tableName(), get.key(), operation));
        } else if (request instanceof PutItemRequest put) {
            accesses.add(item("PutItem", put.tableName(), put.item(), operation));
        } else if (request instanceof UpdateItemRequest update) {
            accesses.add(item("UpdateItem", update.tableName(), update.key(), operation));
        } else if (request instanceof DeleteItemRequest delete) {
            accesses.add(item("DeleteItem", delete.tableName(), delete.key(), operation));
        } else if (request instanceof QueryRequest query) {
            List<String> leading = queriedPartition(query).map(List::of).orElse(List.of());
            accesses.add(new Access("dynamodb:Query", "dynamodb", query.tableName(),
                    query.indexName() == null ? "" : "index/" + query.indexName(), leading,
                    "Query of " + query.tableName() + " " + leading));
        } else if (request instanceof BatchWriteItemRequest batch) {
            batch.requestItems().forEach((table, writes) -> {
                List<String> leading = new ArrayList<>();
                for (WriteRequest write : writes) {
                    Map<String, AttributeValue> key = write.putRequest() != null ? write.putRequest().item()
                            : write.deleteRequest().key();
                    leading.add(text(key.get(keys.partitionKey(table))));
                }
                accesses.add(new Access("dynamodb:BatchWriteItem", "dynamodb", table, "", distinct(leading),
                        "BatchWriteItem of " + writes.size() + " items to " + table + " " + distinct(leading)));
            });
        } else if (request instanceof BatchGetItemRequest batch) {
            batch.requestItems().forEach((table, wanted) -> {
                List<String> leading = new ArrayList<>();
                wanted.keys().forEach(key -> leading.add(text(key.get(keys.partitionKey(table)))));
                accesses.add(new Access("dynamodb:BatchGetItem", "dynamodb", table, "", distinct(leading),
                        "BatchGetItem of " + wanted.keys().size() + " items from " + table + " " + distinct(leading)));
            });
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem write : transaction.transactItems()) {
                if (write.put() != null) {
                    accesses.add(item("PutItem", write.put().tableName(), write.put().item(), "TransactWriteItems: Put"));
                } else if (write.update() != null) {
                    accesses.add(item("UpdateItem", write.update().tableName(), write.update().key(),
                            "TransactWriteItems: Update"));
                } else if (write.delete() != null) {
                    accesses.add(item("DeleteItem", write.delete().tableName(), write.delete().key(),
                            "TransactWriteItems: Delete"));
                } else if (write.conditionCheck() != null) {
                    accesses.add(item("ConditionCheckItem", write.conditionCheck().tableName(),
                            write.conditionCheck().key(), "TransactWriteItems: ConditionCheck"));
                }
            }
        } else if (request instanceof TransactGetItemsRequest transaction) {
            for (TransactGetItem get : transaction.transactItems()) {
                accesses.add(item("GetItem", get.get().tableName(), get.get().key(), "TransactGetItems: Get"));
            }
        } else {
            // Scan, DescribeTable, CreateTable...: the table, and no leading keys (IAM has none to give either).
            String table = request.getValueForField("TableName", String.class).orElse("*");
            accesses.add(new Access("dynamodb:" + operation, "dynamodb", table, "", List.of(), operation + " of " + table));
        }
        return accesses;
    }

    private Access item(String action, String table, Map<String, AttributeValue> item, String operation) {
        String partition = text(item.get(keys.partitionKey(table)));
        String sort = keys.sortKey(table).map(item::get).map(SdkCalls::text).orElse(null);
        return new Access("dynamodb:" + action, "dynamodb", table, "", List.of(partition),
                operation + " on " + table + " key " + keys.partitionKey(table) + "=" + partition
                        + (sort == null ? "" : ", " + keys.sortKey(table).get() + "=" + sort));
    }

    /** The partition a Query reads: its key condition's equality on the partition key. */
    private Optional<String> queriedPartition(QueryRequest query) {
        String partitionKey = keys.partitionKey(query.tableName());
        if (query.hasKeyConditions() && query.keyConditions().containsKey(partitionKey)) {
            Condition condition = query.keyConditions().get(partitionKey);
            return Optional.of(text(condition.attributeValueList().get(0)));
        }
        if (query.keyConditionExpression() == null) {
            return Optional.empty();
        }
        Matcher equality = EQUALITY.matcher(query.keyConditionExpression());
        while (equality.find()) {
            String name = equality.group(1);
            if (name.startsWith("#")) {
                name = query.expressionAttributeNames().get(name);
            }
            if (partitionKey.equals(name)) {
                return Optional.of(text(query.expressionAttributeValues().get(equality.group(2))));
            }
        }
        return Optional.empty();
    }

    private static String text(AttributeValue value) {
        if (value == null) {
            return "";
        }
        return value.s() != null ? value.s() : value.n() != null ? value.n() : String.valueOf(value.b());
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().distinct().sorted().toList();
    }

    private static Access sqs(String operation, SdkRequest request) {
        String action = switch (operation) {
            case "SendMessageBatch" -> "SendMessage";
            case "DeleteMessageBatch" -> "DeleteMessage";
            case "ChangeMessageVisibilityBatch" -> "ChangeMessageVisibility";
            default -> operation;
        };
        String queue = request.getValueForField("QueueUrl", String.class)
                .or(() -> request.getValueForField("QueueName", String.class)).orElse("*");
        return new Access("sqs:" + action, "sqs", queue, "", List.of(), operation + " to " + queue);
    }

    private static Access s3(String operation, SdkRequest request) {
        String bucket = request.getValueForField("Bucket", String.class).orElse("*");
        String key = request.getValueForField("Key", String.class).orElse("");
        String action = switch (operation) {
            case "GetObject", "HeadObject" -> "GetObject";
            case "PutObject", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload" -> "PutObject";
            case "ListObjects", "ListObjectsV2" -> "ListBucket";
            default -> operation;
        };
        return new Access("s3:" + action, "s3", bucket, key, List.of(), operation + " of " + bucket + "/" + key);
    }
}
