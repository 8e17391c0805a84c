package grants.adapters.dynamodb;

import grants.core.errors.ConflictException;
import grants.core.errors.TooLargeException;
import grants.core.json.Json;
import grants.core.json.ProgrammeJson;
import grants.core.programme.Programme;
import grants.core.run.ProgrammeStore;
import grants.core.run.StoredProgramme;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.List;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.s;

/**
 * Programmes in the grants table. The canonical document is gzipped and cut into parts of at most
 * {@value #PART_BYTES} bytes (DynamoDB items hold 400 KB), written before the head item that names
 * them, so a reader sees the old document or the new one, never a mix. The head carries a version
 * number that guards read-modify-write.
 */
public final class DynamoProgrammeRepository implements ProgrammeStore {

    static final int PART_BYTES = 350_000;
    /** Far beyond any programme (100,000 partnerships gzip to a few MB); a guard against mistakes. */
    static final int MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public DynamoProgrammeRepository(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    static String programmeKey(String programmeId) {
        return "PROGRAMME#" + programmeId;
    }

    @Override
    public StoredProgramme save(Programme programme, String inputHash, OptionalLong expectedVersion) {
        String pk = programmeKey(programme.programmeId());
        String parts = "DOC#" + UUID.randomUUID();
        int partCount = writeParts(pk, parts, compressed(programme));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":parts", s(parts),
                ":count", n(partCount),
                ":inputHash", s(inputHash),
                ":updatedAt", s(clock.instant().toString()),
                ":zero", n(0),
                ":one", n(1)));
        UpdateItemRequest.Builder update = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(GrantsTable.key(pk, "PROGRAMME"))
                // Attribute names go through #placeholders: several may be reserved words.
                .updateExpression("SET #parts = :parts, #count = :count, #inputHash = :inputHash, #updatedAt = :updatedAt,"
                        + " #version = if_not_exists(#version, :zero) + :one")
                .expressionAttributeNames(Map.of("#parts", "documentParts", "#count", "partCount",
                        "#inputHash", "inputHash", "#updatedAt", "updatedAt", "#version", "version"))
                .returnValues(ReturnValue.ALL_OLD);
        if (expectedVersion.isPresent()) {
            update.conditionExpression("#version = :expected");
            values.put(":expected", n(expectedVersion.getAsLong()));
        }
        try {
            Map<String, AttributeValue> old = dynamoDb.updateItem(update.expressionAttributeValues(values).build()).attributes();
            long version = old == null || old.get("version") == null ? 1 : Long.parseLong(old.get("version").n()) + 1;
            if (old != null && old.get("documentParts") != null) {
                expireParts(pk, old.get("documentParts").s(), Integer.parseInt(old.get("partCount").n()));
            }
            return new StoredProgramme(programme, version, inputHash);
        } catch (ConditionalCheckFailedException e) {
            deleteParts(pk, parts, partCount);
            throw new ConflictException("PROGRAMME_CHANGED", "Programme \"" + programme.programmeId()
                    + "\" was changed by someone else meanwhile; read it again and retry.");
        }
    }

    @Override
    public Optional<StoredProgramme> load(String programmeId) {
        return head(programmeKey(programmeId), "PROGRAMME").map(item -> new StoredProgramme(
                readParts(programmeKey(programmeId), item), Long.parseLong(item.get("version").n()),
                item.get("inputHash").s()));
    }

    @Override
    public boolean exists(String programmeId) {
        return head(programmeKey(programmeId), "PROGRAMME").isPresent();
    }

    @Override
    public void saveSnapshot(Programme programme, String inputHash) {
        String pk = programmeKey(programme.programmeId());
        String parts = "SNAPSHOT#" + inputHash;
        int partCount = writeParts(pk, parts, compressed(programme)); // content-addressed: rewriting is harmless
        try {
            dynamoDb.putItem(request -> request.tableName(tableName)
                    .item(Map.of("pk", s(pk), "sk", s(parts), "documentParts", s(parts), "partCount", n(partCount)))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException sameContentAlreadyThere) {
            // the key is the content's hash: an existing snapshot is this very programme
        }
    }

    @Override
    public Optional<Programme> snapshot(String programmeId, String inputHash) {
        return head(programmeKey(programmeId), "SNAPSHOT#" + inputHash)
                .map(item -> readParts(programmeKey(programmeId), item));
    }

    private Optional<Map<String, AttributeValue>> head(String pk, String sk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(tableName)
                .key(GrantsTable.key(pk, sk)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static String partKey(String parts, int index) {
        return parts + "#PART#" + String.format("%05d", index);
    }

    private int writeParts(String pk, String parts, byte[] document) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0, index = 0; from < document.length || index == 0; from += PART_BYTES, index++) {
            byte[] part = Arrays.copyOfRange(document, from, Math.min(from + PART_BYTES, document.length));
            items.add(Map.of("pk", s(pk), "sk", s(partKey(parts, index)),
                    "bytes", AttributeValue.fromB(SdkBytes.fromByteArray(part))));
        }
        BatchWriter.putAll(dynamoDb, tableName, items);
        return items.size();
    }

    private Programme readParts(String pk, Map<String, AttributeValue> head) {
        String parts = head.get("documentParts").s();
        int count = Integer.parseInt(head.get("partCount").n());
        ByteArrayOutputStream document = new ByteArrayOutputStream();
        for (int index = 0; index < count; index++) {
            Map<String, AttributeValue> part = head(pk, partKey(parts, index)).orElseThrow(() ->
                    new IllegalStateException("programme document part missing: " + pk));
            document.writeBytes(part.get("bytes").b().asByteArray());
        }
        return ProgrammeJson.read(Json.parse(gunzip(document.toByteArray())));
    }

    /**
     * A replaced document's parts are left for DynamoDB's TTL to remove an hour later, not deleted
     * now: a reader that fetched the old head a moment ago may still be reading them.
     */
    private void expireParts(String pk, String parts, int count) {
        long expiresAt = clock.instant().plus(Duration.ofHours(1)).getEpochSecond();
        for (int index = 0; index < count; index++) {
            String sk = partKey(parts, index);
            try {
                dynamoDb.updateItem(request -> request.tableName(tableName).key(GrantsTable.key(pk, sk))
                        .updateExpression("SET " + GrantsTable.EXPIRES_AT + " = :at")
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(":at", n(expiresAt))));
            } catch (ConditionalCheckFailedException alreadyGone) {
                // nothing left to expire
            }
        }
    }

    /** Parts no head ever named (a write that lost its conditional update): nobody can be reading them. */
    private void deleteParts(String pk, String parts, int count) {
        for (int index = 0; index < count; index++) {
            String sk = partKey(parts, index);
            dynamoDb.deleteItem(request -> request.tableName(tableName).key(GrantsTable.key(pk, sk)));
        }
    }

    private static byte[] compressed(Programme programme) {
        byte[] document = gzip(Json.write(ProgrammeJson.write(programme)));
        if (document.length > MAX_DOCUMENT_BYTES) {
            throw new TooLargeException("The programme is " + document.length / (1024 * 1024) + " MB compressed, more than "
                    + MAX_DOCUMENT_BYTES / (1024 * 1024) + " MB.");
        }
        return document;
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
