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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.s;

/** Programmes in the grants table: one item each, the canonical document gzipped, guarded by a version number. */
public final class DynamoProgrammeRepository implements ProgrammeStore {

    /** DynamoDB items hold 400 KB; leave room for the other attributes. */
    static final int MAX_DOCUMENT_BYTES = 380_000;

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
        byte[] document = compressed(programme);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":document", AttributeValue.fromB(SdkBytes.fromByteArray(document)),
                ":inputHash", s(inputHash),
                ":updatedAt", s(clock.instant().toString()),
                ":zero", n(0),
                ":one", n(1)));
        UpdateItemRequest.Builder update = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(GrantsTable.key(programmeKey(programme.programmeId()), "PROGRAMME"))
                // Attribute names go through #placeholders: several (e.g. document) may be reserved words.
                .updateExpression("SET #document = :document, #inputHash = :inputHash, #updatedAt = :updatedAt,"
                        + " #version = if_not_exists(#version, :zero) + :one")
                .expressionAttributeNames(Map.of("#document", "document", "#inputHash", "inputHash",
                        "#updatedAt", "updatedAt", "#version", "version"))
                .returnValues(ReturnValue.UPDATED_NEW);
        if (expectedVersion.isPresent()) {
            update.conditionExpression("#version = :expected");
            values.put(":expected", n(expectedVersion.getAsLong()));
        }
        try {
            long version = Long.parseLong(dynamoDb.updateItem(update.expressionAttributeValues(values).build())
                    .attributes().get("version").n());
            return new StoredProgramme(programme, version, inputHash);
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("PROGRAMME_CHANGED", "Programme \"" + programme.programmeId()
                    + "\" was changed by someone else meanwhile; read it again and retry.");
        }
    }

    @Override
    public Optional<StoredProgramme> load(String programmeId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(tableName)
                .key(GrantsTable.key(programmeKey(programmeId), "PROGRAMME")).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StoredProgramme(decompressed(item), Long.parseLong(item.get("version").n()),
                item.get("inputHash").s()));
    }

    @Override
    public void saveSnapshot(Programme programme, String inputHash) {
        Map<String, AttributeValue> item = new HashMap<>(GrantsTable.key(programmeKey(programme.programmeId()),
                "SNAPSHOT#" + inputHash));
        item.put("document", AttributeValue.fromB(SdkBytes.fromByteArray(compressed(programme))));
        try {
            dynamoDb.putItem(request -> request.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException sameContentAlreadyThere) {
            // the key is the content's hash: an existing snapshot is this very programme
        }
    }

    @Override
    public Optional<Programme> snapshot(String programmeId, String inputHash) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(tableName)
                .key(GrantsTable.key(programmeKey(programmeId), "SNAPSHOT#" + inputHash)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(decompressed(item));
    }

    private static byte[] compressed(Programme programme) {
        byte[] document = gzip(Json.write(ProgrammeJson.write(programme)));
        if (document.length > MAX_DOCUMENT_BYTES) {
            throw new TooLargeException("The programme is " + document.length / 1024 + " KB compressed, more than the "
                    + MAX_DOCUMENT_BYTES / 1024 + " KB one programme item can hold.");
        }
        return document;
    }

    private static Programme decompressed(Map<String, AttributeValue> item) {
        return ProgrammeJson.read(Json.parse(gunzip(item.get("document").b().asByteArray())));
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
