package grants.functions.ledger;

import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoLedgerStore;
import grants.adapters.dynamodb.DynamoReportingStore;
import grants.adapters.wiring.Wiring;
import grants.core.ledger.LedgerService;
import grants.core.moneymap.MoneyMapping;

/**
 * Everything the KeepLedger function uses, built once per container from what the functions share
 * ({@link Wiring}): the ledger's use cases over its Dynamo store, and the routes over them.
 */
public final class KeepLedgerComposition {

    private final LedgerRoutes routes;
    private final String financeClientId;

    public KeepLedgerComposition(Wiring wiring) {
        this.financeClientId = wiring.environment().optional(Environment.FINANCE_CLIENT_ID, "");
        LedgerService ledger = new LedgerService(new DynamoLedgerStore(wiring.table(), wiring.auditTable()),
                wiring.clock());
        MoneyMapping mapping = new MoneyMapping(wiring.rounds(), new DynamoReportingStore(wiring.table(),
                wiring.auditTable()));
        this.routes = new LedgerRoutes(ledger, mapping, financeClientId);
    }

    LedgerRoutes routes() {
        return routes;
    }

    String financeClientId() {
        return financeClientId;
    }
}
