package grants.adapters.dynamodb;

import grants.core.errors.ConflictException;
import grants.core.errors.TooLargeException;
import grants.documents.Json;
import grants.documents.ProgrammeJson;
import grants.core.programme.Programme;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.programme.AdditionalFund;
import grants.core.programme.Contact;
import grants.core.run.ProgrammeOutline;
import grants.core.run.ProgrammeStore;
import grants.core.run.ProgrammeSummary;
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

    /** The stored document is the programme document in its canonical form; the head names its parts. */
    private static final int SCHEMA_VERSION = 1;
    /** A snapshot head's attribute: what the finance email needs of the programme, as JSON. */
    private static final String OUTLINE = "outline";

    private final GrantsTable table;
    /**
     * The last document read, by its parts' name. Parts are never rewritten under the same name (a save
     * writes new ones; a snapshot's are named by its content's hash), so a document read again under the
     * same name is the same programme: paging a preview of 100,000 partnerships reads and parses it once.
     */
    private volatile ReadDocument lastRead;

    private record ReadDocument(String pk, String parts, Programme programme) {
    }

    public DynamoProgrammeRepository(GrantsTable table) {
        this.table = table;
    }

    @Override
    public StoredProgramme save(Programme programme, String inputHash, OptionalLong expectedVersion) {
        String pk = Keys.programme(programme.programmeId());
        String parts = Keys.documentParts(UUID.randomUUID().toString());
        int partCount = writeParts(pk, parts, compressed(programme));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":parts", s(parts),
                ":count", n(partCount),
                ":inputHash", s(inputHash),
                ":updatedAt", s(table.clock().instant().toString()),
                ":schemaVersion", n(SCHEMA_VERSION),
                ":zero", n(0),
                ":one", n(1)));
        UpdateItemRequest.Builder update = UpdateItemRequest.builder()
                .tableName(table.name())
                .key(GrantsTable.key(pk, Keys.PROGRAMME_HEAD))
                // Attribute names go through #placeholders: several may be reserved words.
                .updateExpression("SET #parts = :parts, #count = :count, #inputHash = :inputHash, #updatedAt = :updatedAt,"
                        + " #schemaVersion = :schemaVersion, #version = if_not_exists(#version, :zero) + :one")
                .expressionAttributeNames(Map.of("#parts", "documentParts", "#count", "partCount",
                        "#inputHash", "inputHash", "#updatedAt", "updatedAt", "#version", "version",
                        "#schemaVersion", GrantsTable.SCHEMA_VERSION_ATTRIBUTE))
                .returnValues(ReturnValue.ALL_OLD);
        if (expectedVersion.isPresent()) {
            update.conditionExpression("#version = :expected");
            values.put(":expected", n(expectedVersion.getAsLong()));
        }
        try {
            Map<String, AttributeValue> old = table.client().updateItem(update.expressionAttributeValues(values).build()).attributes();
            long version = old == null || old.get("version") == null ? 1 : Long.parseLong(old.get("version").n()) + 1;
            if (old != null && old.get("documentParts") != null) {
                expireParts(pk, old.get("documentParts").s(), Integer.parseInt(old.get("partCount").n()));
            }
            listed(programme, version, inputHash);
            return new StoredProgramme(programme, version, inputHash,
                    old == null || old.get("inputHash") == null ? Optional.empty() : Optional.of(old.get("inputHash").s()));
        } catch (ConditionalCheckFailedException e) {
            deleteParts(pk, parts, partCount);
            throw new ConflictException("PROGRAMME_CHANGED", "Programme \"" + programme.programmeId()
                    + "\" was changed by someone else meanwhile; read it again and retry.");
        }
    }

    /** The programme's line in the list of programmes; rewritten by every save, so it follows the head. */
    private void listed(Programme programme, long version, String inputHash) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.PROGRAMMES, programme.programmeId(), SCHEMA_VERSION);
        item.put("programmeId", s(programme.programmeId()));
        item.put("name", s(programme.name()));
        item.put("version", n(version));
        item.put("inputHash", s(inputHash));
        table.client().putItem(request -> request.tableName(table.name()).item(item));
    }

    @Override
    public List<ProgrammeSummary> list() {
        return table.query(Keys.PROGRAMMES, "").stream().map(item -> new ProgrammeSummary(GrantsTable.text(item, "programmeId"),
                GrantsTable.text(item, "name"), GrantsTable.number(item, "version"), GrantsTable.text(item, "inputHash")))
                .toList();
    }

    @Override
    public Optional<StoredProgramme> load(String programmeId) {
        return table.get(Keys.programme(programmeId), Keys.PROGRAMME_HEAD).map(item -> new StoredProgramme(
                readParts(Keys.programme(programmeId), item), Long.parseLong(item.get("version").n()),
                item.get("inputHash").s()));
    }

    @Override
    public boolean exists(String programmeId) {
        return table.get(Keys.programme(programmeId), Keys.PROGRAMME_HEAD).isPresent();
    }

    @Override
    public void saveSnapshot(Programme programme, String inputHash) {
        String pk = Keys.programme(programme.programmeId());
        String parts = Keys.snapshot(inputHash);
        int partCount = writeParts(pk, parts, compressed(programme)); // content-addressed: rewriting is harmless
        Map<String, AttributeValue> head = GrantsTable.item(pk, parts, SCHEMA_VERSION);
        head.put("documentParts", s(parts));
        head.put("partCount", n(partCount));
        head.put(OUTLINE, s(outline(ProgrammeOutline.of(programme))));
        table.putIfAbsent(head); // the key is the content's hash: an existing snapshot is this very programme
    }

    @Override
    public Optional<Programme> snapshot(String programmeId, String inputHash) {
        return table.get(Keys.programme(programmeId), Keys.snapshot(inputHash))
                .map(item -> readParts(Keys.programme(programmeId), item));
    }

    /**
     * The snapshot's outline, from its head alone when the head carries it (every snapshot written
     * since it was added); otherwise from the whole snapshot.
     */
    @Override
    public Optional<ProgrammeOutline> snapshotOutline(String programmeId, String inputHash) {
        return table.get(Keys.programme(programmeId), Keys.snapshot(inputHash)).map(head -> head.get(OUTLINE) != null
                ? outline(programmeId, head.get(OUTLINE).s())
                : ProgrammeOutline.of(readParts(Keys.programme(programmeId), head)));
    }

    private static String outline(ProgrammeOutline outline) {
        ObjectNode node = Json.object().put("name", outline.name());
        ArrayNode contacts = node.putArray("financeContacts");
        outline.financeContacts().forEach(contact -> contacts.addObject().put("role", contact.role())
                .put("name", contact.name()).put("email", contact.email()));
        ArrayNode funds = node.putArray("additionalFunds");
        outline.additionalFunds().forEach(fund -> funds.addObject().put("source", fund.source())
                .put("amountPence", fund.amountPence()).put("purpose", fund.purpose()));
        outline.grantBudgetPence().ifPresent(pence -> node.put("grantBudgetPence", pence));
        return Json.write(node);
    }

    private static ProgrammeOutline outline(String programmeId, String stored) {
        JsonNode node = Json.parse(stored);
        List<Contact> contacts = new ArrayList<>();
        node.path("financeContacts").forEach(contact -> contacts.add(new Contact(text(contact, "role"),
                text(contact, "name"), text(contact, "email"))));
        List<AdditionalFund> funds = new ArrayList<>();
        node.path("additionalFunds").forEach(fund -> funds.add(new AdditionalFund(text(fund, "source"),
                fund.path("amountPence").asLong(), text(fund, "purpose"))));
        JsonNode grantBudget = node.get("grantBudgetPence");
        return new ProgrammeOutline(programmeId, text(node, "name"), contacts, funds,
                grantBudget == null ? OptionalLong.empty() : OptionalLong.of(grantBudget.asLong()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private int writeParts(String pk, String parts, byte[] document) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0, index = 0; from < document.length || index == 0; from += PART_BYTES, index++) {
            byte[] part = Arrays.copyOfRange(document, from, Math.min(from + PART_BYTES, document.length));
            Map<String, AttributeValue> item = GrantsTable.item(pk, Keys.part(parts, index), SCHEMA_VERSION);
            item.put("bytes", AttributeValue.fromB(SdkBytes.fromByteArray(part)));
            items.add(item);
        }
        BatchWriter.putAll(table, items);
        return items.size();
    }

    private Programme readParts(String pk, Map<String, AttributeValue> head) {
        String parts = head.get("documentParts").s();
        ReadDocument last = lastRead;
        if (last != null && last.pk().equals(pk) && last.parts().equals(parts)) {
            return last.programme();
        }
        Programme programme = readUncached(pk, parts, Integer.parseInt(head.get("partCount").n()));
        lastRead = new ReadDocument(pk, parts, programme);
        return programme;
    }

    private Programme readUncached(String pk, String parts, int count) {
        ByteArrayOutputStream document = new ByteArrayOutputStream();
        for (int index = 0; index < count; index++) {
            Map<String, AttributeValue> part = table.get(pk, Keys.part(parts, index)).orElseThrow(() ->
                    new IllegalStateException("programme document part missing: " + pk));
            document.writeBytes(part.get("bytes").b().asByteArray());
        }
        return ProgrammeJson.readStored(Json.parse(gunzip(document.toByteArray())));
    }

    /**
     * A replaced document's parts are left for DynamoDB's TTL to remove an hour later, not deleted
     * now: a reader that fetched the old head a moment ago may still be reading them.
     */
    private void expireParts(String pk, String parts, int count) {
        long expiresAt = table.clock().instant().plus(Duration.ofHours(1)).getEpochSecond();
        for (int index = 0; index < count; index++) {
            String sk = Keys.part(parts, index);
            try {
                table.client().updateItem(request -> request.tableName(table.name()).key(GrantsTable.key(pk, sk))
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
            String sk = Keys.part(parts, index);
            table.client().deleteItem(request -> request.tableName(table.name()).key(GrantsTable.key(pk, sk)));
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
