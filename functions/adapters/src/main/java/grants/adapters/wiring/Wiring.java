package grants.adapters.wiring;

import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoAllocationRunRepository;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.DynamoAssessmentStore;
import grants.adapters.dynamodb.DynamoAuditTrail;
import grants.adapters.dynamodb.DynamoExportIndex;
import grants.adapters.dynamodb.DynamoRoundStore;
import grants.adapters.dynamodb.DynamoSendRate;
import grants.adapters.dynamodb.DynamoMonitoringStore;
import grants.adapters.dynamodb.DynamoNoticeStore;
import grants.adapters.dynamodb.DynamoProgrammeRepository;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.ses.SesMailer;
import grants.core.audit.AuditLog;

import java.time.Clock;

/**
 * What the functions share, built once per container: their settings, their SDK clients, the clock,
 * the grants table with the repositories more than one function reads, and the audit table with its
 * log. It builds no use case: each function's composition class (e.g. {@code CommissionRoundsComposition})
 * builds everything that function uses from this, adding only what it alone needs (S3, SES, SQS),
 * so no function's jar must carry an SDK module it does not use.
 */
public final class Wiring {

    private final Environment environment;
    private final AwsClients aws;
    private final Clock clock;
    private final DynamoProgrammeRepository programmes;
    private final DynamoAllocationRunRepository runs;
    private final DynamoNoticeStore notices;
    private final DynamoExportIndex exportIndex;
    private final DynamoRoundStore rounds;
    private final DynamoMonitoringStore monitoring;
    private final GrantsTable table;
    private final AuditTable auditTable;

    public Wiring(Environment environment, AwsClients aws, Clock clock) {
        this.environment = environment;
        this.aws = aws;
        this.clock = clock;
        this.table = new GrantsTable(aws.dynamoDb(), environment.required(Environment.TABLE), clock);
        // Named only for the functions that record changes; the others never touch it.
        this.auditTable = new AuditTable(aws.dynamoDb(), environment.optional(Environment.AUDIT_TABLE, ""));
        this.programmes = new DynamoProgrammeRepository(table);
        this.runs = new DynamoAllocationRunRepository(table, auditTable);
        this.notices = new DynamoNoticeStore(table);
        this.exportIndex = new DynamoExportIndex(table);
        aws.hook().ifPresent(hook -> hook.wiredWith(environment)); // tests: which local resource is which
        this.rounds = new DynamoRoundStore(table, auditTable);
        this.monitoring = new DynamoMonitoringStore(table, auditTable);
    }

    /** Lambda's: settings and credentials from the process environment, the system clock. */
    public static Wiring fromEnvironment() {
        return new Wiring(Environment.system(), AwsClients.fromEnvironment(), Clock.systemUTC());
    }

    public Environment environment() {
        return environment;
    }

    public AwsClients aws() {
        return aws;
    }

    public Clock clock() {
        return clock;
    }

    /** The grants table, for a store only one function uses (its composition builds it). */
    public GrantsTable table() {
        return table;
    }

    /** The audit table, for a store that writes its audit entries in its own transactions. */
    public AuditTable auditTable() {
        return auditTable;
    }

    public DynamoProgrammeRepository programmes() {
        return programmes;
    }

    public DynamoAllocationRunRepository runs() {
        return runs;
    }

    public DynamoNoticeStore notices() {
        return notices;
    }

    public DynamoExportIndex exportIndex() {
        return exportIndex;
    }

    public DynamoRoundStore rounds() {
        return rounds;
    }

    /** Monitored agreements, their reminders and ledger: MonitorAgreements reads and changes them, rounds and runs enter them. */
    public DynamoMonitoringStore monitoring() {
        return monitoring;
    }

    /** The audit trail every function that records changes writes to. */
    public AuditLog auditLog() {
        return new AuditLog(new DynamoAuditTrail(auditTable), clock);
    }

    /**
     * Learning to Deliver's frameworks and assessments: AssessPartnerships keeps them, SupportDays suggests
     * advisers from them, and a run's basis check reads them (AllocateGrants, CommitRuns).
     */
    public DynamoAssessmentStore assessments() {
        return new DynamoAssessmentStore(table, auditTable);
    }

    /** The seed's basis check from the confirmed assessments, for the allocation's preview and commit. */
    public AssessedBasesFromAssessments assessedBases() {
        return new AssessedBasesFromAssessments(assessments());
    }

    /**
     * The one send rate every sender of notices and survey emails shares (SES's account quota is one for
     * them all): {@code NOTICE_RATE_PER_SECOND} whole sends a second, at least one.
     */
    public DynamoSendRate noticesSendRate() {
        double perSecond = Double.parseDouble(environment.optional(Environment.NOTICE_RATE_PER_SECOND, "1"));
        return new DynamoSendRate(table, "notices", Math.max(1, (int) Math.floor(perSecond)));
    }

    /** SES as the senders of notices and survey emails use it: the sender's address and its configuration set, if any. */
    public SesMailer noticesMailer() {
        return new SesMailer(aws, environment.required(Environment.SENDER_EMAIL),
                environment.optional(Environment.SES_CONFIGURATION_SET, null));
    }
}
