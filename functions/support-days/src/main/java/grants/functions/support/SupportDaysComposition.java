package grants.functions.support;

import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoLedgerStore;
import grants.adapters.dynamodb.DynamoSupportStore;
import grants.adapters.s3.S3PresignedLinks;
import grants.adapters.dynamodb.DynamoAssessmentStore;
import grants.adapters.wiring.ProgrammePartnerships;
import grants.adapters.wiring.Wiring;
import grants.core.assessment.AssessmentService;
import grants.core.assessment.NeedsFromAssessments;
import grants.core.assessment.Profiles;
import grants.core.support.AdviserSuggestions;
import grants.core.support.PartnershipNeeds;
import grants.core.ledger.LedgerService;
import grants.core.support.BalancesExport;
import grants.core.support.SupportService;

import java.security.SecureRandom;

/**
 * Everything the SupportDays function uses, built once per container from what the functions share
 * ({@link Wiring}): the support service, the balances export (written through a presigned link, so
 * this jar carries no S3 client), and the routes over them. The handler only routes.
 */
public final class SupportDaysComposition {

    private final SupportRoutes routes;
    private final String financeClientId;

    public SupportDaysComposition(Wiring wiring) {
        this.financeClientId = wiring.environment().optional(Environment.FINANCE_CLIENT_ID, "");
        S3PresignedLinks links = new S3PresignedLinks(wiring.aws(), wiring.environment().required(Environment.EXPORT_BUCKET));
        // A booking commits its days at the adviser's day rate to the programme's ledger, in its own transaction.
        LedgerService ledger = new LedgerService(new DynamoLedgerStore(wiring.table(), wiring.auditTable()), wiring.clock());
        SupportService support = new SupportService(wiring.programmes(), wiring.runs(),
                new DynamoSupportStore(wiring.table(), wiring.auditTable()), wiring.clock(), new SecureRandom(), ledger);
        this.routes = new SupportRoutes(support, new BalancesExport(support, links, links, wiring.clock()), wiring.auditLog(),
                new SuggestionRoutes(new AdviserSuggestions(support, needs(wiring))));
    }

    /** A partnership's weakest domains, from its confirmed assessments (read-only: bookings never write them). */
    private static PartnershipNeeds needs(Wiring wiring) {
        DynamoAssessmentStore store = wiring.assessments();
        ProgrammePartnerships partnerships = new ProgrammePartnerships(wiring.programmes());
        AssessmentService assessments = new AssessmentService(store, partnerships, wiring.clock());
        return new NeedsFromAssessments(new Profiles(store, assessments, partnerships));
    }

    SupportRoutes routes() {
        return routes;
    }

    /** The finance system's app client, whose access tokens are a machine caller's. */
    String financeClientId() {
        return financeClientId;
    }
}
