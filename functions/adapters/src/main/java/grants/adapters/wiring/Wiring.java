package grants.adapters.wiring;

import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.DynamoAllocationRunRepository;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.DynamoAuditTrail;
import grants.adapters.dynamodb.DynamoBindingStore;
import grants.adapters.dynamodb.DynamoCommitJobs;
import grants.adapters.dynamodb.DynamoExportIndex;
import grants.adapters.dynamodb.DynamoRoundStore;
import grants.adapters.dynamodb.DynamoNoticeStore;
import grants.adapters.dynamodb.DynamoProgrammeRepository;
import grants.adapters.dynamodb.DynamoSendLog;
import grants.adapters.dynamodb.DynamoSendRate;
import grants.adapters.dynamodb.DynamoSupportStore;
import grants.adapters.dynamodb.GrantsTable;
import grants.core.access.BindingService;
import grants.core.audit.AuditLog;
import grants.core.notices.NoticeService;
import grants.core.rounds.SeparateIds;
import grants.core.run.AllocationService;
import grants.core.run.CommitJobs;
import grants.core.support.SupportService;
import grants.documents.JsonProgrammeDocuments;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * What every function is built from, once per container: its settings, its SDK clients, the
 * grants table's repositories, and the use cases that need nothing but the table. Each function's
 * handler wires itself from this in its constructor, adding only what it alone uses (S3, SES,
 * SQS), so no function's jar must carry an SDK module it does not use.
 */
public final class Wiring {

    private final Environment environment;
    private final AwsClients aws;
    private final Clock clock;
    private final DynamoProgrammeRepository programmes;
    private final DynamoAllocationRunRepository runs;
    private final DynamoNoticeStore notices;
    private final DynamoSupportStore support;
    private final DynamoExportIndex exportIndex;
    private final DynamoSendLog sendLog;
    private final DynamoRoundStore rounds;
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
        this.support = new DynamoSupportStore(table, auditTable);
        this.exportIndex = new DynamoExportIndex(table);
        this.sendLog = new DynamoSendLog(table);
        aws.hook().ifPresent(hook -> hook.wiredWith(environment)); // tests: which local resource is which
        this.rounds = new DynamoRoundStore(table, auditTable);
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

    public DynamoSendLog sendLog() {
        return sendLog;
    }

    /** The rate at which notices go out, shared by every container that sends them. */
    public DynamoSendRate noticeRate() {
        double perSecond = Double.parseDouble(environment.optional(Environment.NOTICE_RATE_PER_SECOND, "1"));
        return new DynamoSendRate(table, "notices", Math.max(1, (int) Math.floor(perSecond)));
    }

    /** Who is bound to what: written by managers through AllocateGrants, read by SignInClaims. */
    public BindingService bindingService() {
        return new BindingService(new DynamoBindingStore(table), auditLog());
    }

    public AuditLog auditLog() {
        return new AuditLog(new DynamoAuditTrail(auditTable), clock);
    }

    /** Keeps rounds and programmes (and so their audit trails) from ever sharing an id. */
    public SeparateIds separateIds() {
        return new SeparateIds(programmes, rounds);
    }

    public AllocationService allocationService() {
        return new AllocationService(programmes, runs, new JsonProgrammeDocuments(), clock, new SecureRandom());
    }

    /**
     * Commits, in the request for programmes of up to {@link Environment#COMMIT_IN_BACKGROUND_ABOVE}
     * partnerships ({@link CommitJobs#DEFAULT_BACKGROUND_ABOVE} unless set) and in the background above that.
     */
    public CommitJobs commitJobs() {
        return commitJobs(allocationService());
    }

    /** The same, on an allocation service the function already has. */
    public CommitJobs commitJobs(AllocationService allocations) {
        return new CommitJobs(allocations, programmes, runs, new DynamoCommitJobs(table, auditTable), clock,
                environment.wholeNumber(Environment.COMMIT_IN_BACKGROUND_ABOVE,
                        CommitJobs.DEFAULT_BACKGROUND_ABOVE));
    }

    public NoticeService noticeService() {
        return new NoticeService(programmes, runs, notices, notices, clock, auditLog());
    }

    public SupportService supportService() {
        return new SupportService(programmes, runs, support, clock, new SecureRandom());
    }
}
