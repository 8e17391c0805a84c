package grants.functions.allocate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.audit.AuditEntry;
import grants.core.audit.AuditTrail;
import grants.documents.Json;

/** A page of the audit trail as the API represents it. */
final class AuditJson {

    private AuditJson() {
    }

    static ObjectNode page(String programmeId, AuditTrail.Page page) {
        ObjectNode node = Json.object().put("programmeId", programmeId);
        ArrayNode entries = node.putArray("entries");
        for (AuditEntry entry : page.entries()) {
            entries.addObject().put("at", entry.at().toString()).put("actor", entry.actorEmail())
                    .put("actorSubject", entry.actorSubject()).put("action", entry.action()).put("target", entry.target())
                    .put("before", entry.before()).put("after", entry.after());
        }
        page.next().ifPresent(next -> node.put("next", next));
        return node;
    }
}
