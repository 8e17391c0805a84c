package grants.functions.events;

import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoEventStore;
import grants.adapters.dynamodb.DynamoLedgerStore;
import grants.adapters.dynamodb.DynamoSupportStore;
import grants.adapters.wiring.Wiring;
import grants.core.events.ActionLearningSets;
import grants.core.events.EventParticipation;
import grants.core.events.EventService;
import grants.core.ledger.LedgerService;

import java.util.Optional;

/**
 * Everything the HoldEvents function uses, built once per container from what the functions share ({@link Wiring}):
 * the events store (which draws facilitators' days on the support store's adviser counters), the events and sets
 * use cases, participation, and the routes over them. The handler only routes.
 */
public final class HoldEventsComposition {

    private final EventRoutes routes;
    private final String financeClientId;
    private final EventService events;

    public HoldEventsComposition(Wiring wiring) {
        this.financeClientId = wiring.environment().optional(Environment.FINANCE_CLIENT_ID, "");
        DynamoEventStore store = new DynamoEventStore(wiring.table(), wiring.auditTable());
        DynamoSupportStore support = new DynamoSupportStore(wiring.table(), wiring.auditTable());
        // An event's cost is committed to the programme's ledger, in the event's own transaction.
        LedgerService ledger = new LedgerService(new DynamoLedgerStore(wiring.table(), wiring.auditTable()), wiring.clock());
        this.events = new EventService(wiring.programmes(), support, store, wiring.clock(), Optional.of(ledger));
        this.routes = new EventRoutes(events, new ActionLearningSets(support, store, wiring.clock()),
                new EventParticipation(store), wiring.clock());
    }

    EventRoutes routes() {
        return routes;
    }

    /** The events use case, for the daily reminder run. */
    EventService events() {
        return events;
    }

    String financeClientId() {
        return financeClientId;
    }
}
