package grants.adapters.dynamodb;

import grants.core.audit.AuditEntry;
import grants.core.errors.ConflictException;
import grants.core.run.CommitJob;
import grants.core.run.CommitJobStore;
import grants.core.run.CommitRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.number;
import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.text;

/**
 * Commit jobs under their programme. A new job and the programme's COMMITTING item are written in
 * one transaction, which refuses while COMMITTING names an unfinished job; the job's insert is the
 * stream record that starts the worker. A finished job marks COMMITTING finished rather than
 * deleting it, so the worker needs no permission to delete.
 */
public final class DynamoCommitJobs implements CommitJobStore {

    private static final int SCHEMA_VERSION = 1;

    private final GrantsTable table;
    private final AuditTable audit;

    public DynamoCommitJobs(GrantsTable table, AuditTable audit) {
        this.table = table;
        this.audit = audit;
    }

    /** The programme taken, the job and its audit entry: all three, or none. */
    @Override
    public CommitJob start(CommitJob job, AuditEntry entry) {
        Instant abandoned = job.requestedAt().minus(ABANDONED_AFTER);
        TransactWriteItem takeTheProgramme = TransactWriteItem.builder().put(put -> put.tableName(table.name())
                .item(committing(job, false))
                .conditionExpression("attribute_not_exists(pk) OR finished = :yes OR requestedAt < :abandoned")
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true),
                        ":abandoned", s(abandoned.toString())))).build();
        TransactWriteItem newJob = TransactWriteItem.builder().put(put -> put.tableName(table.name()).item(item(job))
                .conditionExpression("attribute_not_exists(pk)")).build();
        try {
            table.client().transactWriteItems(request -> request.transactItems(takeTheProgramme, newJob,
                    audit.inTransaction(entry)));
            return job;
        } catch (TransactionCanceledException refused) {
            if (refused.cancellationReasons().stream().noneMatch(reason -> "ConditionalCheckFailed".equals(reason.code()))) {
                throw refused;
            }
        }
        Optional<CommitJob> same = find(job.programmeId(), job.jobId());
        if (same.isPresent()) {
            return same.get(); // this very job, started by an earlier attempt of the request
        }
        String busy = table.get(Keys.programme(job.programmeId()), Keys.COMMITTING).map(item -> text(item, "jobId"))
                .orElse("another");
        throw new ConflictException("COMMIT_IN_PROGRESS", "Programme \"" + job.programmeId() + "\" is being committed"
                + " by job " + busy + "; nothing was started. Wait for it to finish, then preview and commit again if"
                + " you still need to.");
    }

    @Override
    public Optional<CommitJob> find(String programmeId, String jobId) {
        return table.get(Keys.programme(programmeId), Keys.commitJob(jobId)).map(DynamoCommitJobs::job);
    }

    @Override
    public CommitJob update(CommitJob job) {
        table.client().putItem(request -> request.tableName(table.name()).item(item(job)));
        if (job.finished()) {
            try {
                table.client().putItem(request -> request.tableName(table.name()).item(committing(job, true))
                        .conditionExpression("jobId = :job")
                        .expressionAttributeValues(Map.of(":job", s(job.jobId()))));
            } catch (ConditionalCheckFailedException notOurs) {
                // freed already, or taken by a later job after this one was given up as abandoned
            }
        }
        return job;
    }

    /** Which job holds the programme, and whether it has finished (then it holds it no longer). */
    private static Map<String, AttributeValue> committing(CommitJob job, boolean finished) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.programme(job.programmeId()), Keys.COMMITTING, SCHEMA_VERSION);
        item.put("jobId", s(job.jobId()));
        item.put("requestedAt", s(job.requestedAt().toString()));
        item.put("finished", AttributeValue.fromBool(finished));
        return item;
    }

    private static Map<String, AttributeValue> item(CommitJob job) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.programme(job.programmeId()), Keys.commitJob(job.jobId()),
                SCHEMA_VERSION);
        item.put("programmeId", s(job.programmeId()));
        item.put("jobId", s(job.jobId()));
        item.put("inputHash", s(job.inputHash()));
        job.supersedes().ifPresent(superseded -> {
            item.put("supersedesRunId", s(superseded.runId()));
            item.put("supersessionReason", s(superseded.reason()));
        });
        item.put("requestedBy", s(job.requestedBy()));
        if (job.requestedByEmail() != null) {
            item.put("requestedByEmail", s(job.requestedByEmail()));
        }
        item.put("requestedAt", s(job.requestedAt().toString()));
        item.put("state", s(job.state().name()));
        item.put("rowsWritten", n(job.rowsWritten()));
        item.put("rowsTotal", n(job.rowsTotal()));
        job.failure().ifPresent(failure -> item.put("failure", s(failure)));
        return item;
    }

    private static CommitJob job(Map<String, AttributeValue> item) {
        return new CommitJob(text(item, "programmeId"), text(item, "jobId"), text(item, "inputHash"),
                item.containsKey("supersedesRunId")
                        ? Optional.of(new CommitRequest.Supersession(text(item, "supersedesRunId"), text(item, "supersessionReason")))
                        : Optional.empty(),
                text(item, "requestedBy"), text(item, "requestedByEmail"), Instant.parse(text(item, "requestedAt")),
                CommitJob.State.valueOf(text(item, "state")), (int) number(item, "rowsWritten"),
                (int) number(item, "rowsTotal"), Optional.ofNullable(text(item, "failure")));
    }
}
