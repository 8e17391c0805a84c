package grants.adapters.dynamodb;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.audit.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail in its own table on the local stack: entries read back newest first, none is
 * lost to another of the same instant, and none can be overwritten through the way entries are
 * written. (That no function may update or delete one on AWS is TemplateRulesTest's.)
 */
class DynamoAuditTrailTest {

    private static final Actor MANAGER = Actor.system("manager@westmidlands.example", Role.PROGRAMME_MANAGER);
    private static final Instant NINE = Instant.parse("2007-06-01T09:00:00Z");

    private AuditTable table;
    private DynamoAuditTrail trail;

    @BeforeEach
    void freshTable() {
        table = StoreTables.auditBeside(StoreTables.fresh(getClass(), Clock.systemUTC()));
        trail = new DynamoAuditTrail(table);
    }

    private static AuditEntry entry(Instant at, String target, String after) {
        return AuditEntry.by(MANAGER, at, "wm", "PROGRAMME_LOADED", target, null, after);
    }

    @Test
    void entriesReadBackNewestFirstWithWhoWhenAndWhat() {
        trail.append(entry(NINE, "programme wm", "version 1"));
        trail.append(entry(NINE.plusSeconds(60), "programme wm", "version 2"));

        AuditTrail.Page page = trail.page("wm", Optional.empty(), 10);
        assertThat(page.entries()).extracting(AuditEntry::after).containsExactly("version 2", "version 1");
        assertThat(page.entries().get(0)).isEqualTo(entry(NINE.plusSeconds(60), "programme wm", "version 2"));
        assertThat(trail.page("other", Optional.empty(), 10).entries()).as("a trail of its own").isEmpty();
    }

    @Test
    void changesAtTheSameInstantAreEachKept() {
        for (int i = 0; i < 50; i++) {
            trail.append(entry(NINE, "ballot " + i, null));
        }
        assertThat(trail.page("wm", Optional.empty(), 100).entries()).hasSize(50);
    }

    /** The attack: a writer replaces an entry with its own words, under the entry's key. */
    @Test
    void anEntryCannotBeOverwrittenThroughTheWayEntriesAreWritten() {
        trail.append(entry(NINE, "programme wm", "version 1"));
        Map<String, AttributeValue> original = table.client().scan(request -> request.tableName(table.name())).items().get(0);

        Put forged = table.put(entry(NINE, "programme wm", "version 1, as someone would rather it had been"));
        Map<String, AttributeValue> sameKey = new HashMap<>(forged.item());
        sameKey.put(GrantsTable.PK, original.get(GrantsTable.PK));
        sameKey.put(GrantsTable.SK, original.get(GrantsTable.SK));
        assertThatThrownBy(() -> table.client().putItem(request -> request.tableName(forged.tableName()).item(sameKey)
                .conditionExpression(forged.conditionExpression()))).isInstanceOf(ConditionalCheckFailedException.class);

        assertThat(trail.page("wm", Optional.empty(), 10).entries()).extracting(AuditEntry::after)
                .containsExactly("version 1");
    }
}
