package grants.functions.rounds;

import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoBindingStore;
import grants.adapters.dynamodb.DynamoLedgerStore;
import grants.adapters.s3.S3PresignedLinks;
import grants.adapters.wiring.Wiring;
import grants.core.access.BindingService;
import grants.core.ledger.LedgerService;
import grants.core.rounds.ContractAcceptances;
import grants.core.rounds.LateInterests;
import grants.core.rounds.ProposerMeetings;
import grants.core.rounds.RoundAwards;
import grants.core.rounds.RoundLetters;
import grants.core.rounds.RoundPanels;
import grants.core.rounds.RoundSchedules;
import grants.core.rounds.RoundService;
import grants.core.rounds.RoundStore;
import grants.core.rounds.RoundThemes;
import grants.core.rounds.SeparateIds;
import grants.core.secondcall.SecondCalls;
import grants.documents.exports.RoundExportBundle;

import java.time.Clock;
import java.time.Duration;

/**
 * Everything the CommissionRounds function uses, built once per container from what the functions
 * share ({@link Wiring}): the round's use cases over the round store, its letters, the decisions'
 * files (written through presigned links, so this jar carries no S3 client), and the routes over
 * them. The handler only routes.
 */
public final class CommissionRoundsComposition {

    private final RoundRoutes routes;
    private final String financeClientId;

    public CommissionRoundsComposition(Wiring wiring) {
        Environment settings = wiring.environment();
        this.financeClientId = settings.optional(Environment.FINANCE_CLIENT_ID, "");
        Duration linkExpiry = settings.seconds(Environment.EXPORT_LINK_EXPIRY_SECONDS, 3600);
        S3PresignedLinks exports = new S3PresignedLinks(wiring.aws(), settings.required(Environment.EXPORT_BUCKET));
        Clock clock = wiring.clock();
        RoundStore store = wiring.rounds();
        RoundLetters letters = new RoundLetters(wiring.notices(), wiring.notices(), clock);
        RoundService rounds = new RoundService(store, letters, clock);
        RoundPanels panels = new RoundPanels(store, rounds, clock);
        RoundAwards awards = new RoundAwards(store, rounds, new RoundExportBundle(), exports, letters, clock);
        FairRoutes fair = new FairRoutes(new RoundThemes(store, rounds, clock), new LateInterests(store, rounds, clock),
                new RoundSchedules(rounds, awards, clock), new ContractAcceptances(store, rounds, clock),
                new ProposerMeetings(store, rounds, panels, letters));
        // Who is bound in a round, read (never written) from the bindings AllocateGrants keeps.
        DynamoBindingStore bindingStore = new DynamoBindingStore(wiring.table());
        BindingService bindings = new BindingService(bindingStore, wiring.auditLog());
        // A second call: the round's staff bound in it and its money carried (BUDGET#* and BINDING#* puts).
        SecondCallRoutes secondCall = new SecondCallRoutes(new SecondCalls(rounds, new LedgerService(
                new DynamoLedgerStore(wiring.table(), wiring.auditTable()), clock), bindingStore, wiring.auditLog(), clock));
        this.routes = new RoundRoutes(rounds, panels, awards, exports, wiring.auditLog(),
                new SeparateIds(wiring.programmes(), store), linkExpiry, fair, bindings, secondCall);
    }

    RoundRoutes routes() {
        return routes;
    }

    /** The finance system's app client, whose access tokens are a machine caller's. */
    String financeClientId() {
        return financeClientId;
    }
}
