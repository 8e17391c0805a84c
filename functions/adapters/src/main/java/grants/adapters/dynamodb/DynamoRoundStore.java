package grants.adapters.dynamodb;

import grants.core.audit.AuditEntry;
import grants.core.commissioning.Ballot;
import grants.core.commissioning.Contract;
import grants.core.commissioning.ManagerDecision;
import grants.core.commissioning.Moderation;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.ScoreSheet;
import grants.core.commissioning.Specification;
import grants.core.rounds.Meeting;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.RoundStore;
import grants.core.rounds.Stage;
import grants.documents.commissioning.RoundDocuments;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static grants.adapters.dynamodb.GrantsTable.s;

/**
 * A round in one partition of the grants table. Every write that needs a stage is a transaction
 * of a condition check on the round's head, the write itself and its audit entry (in the audit
 * table), so a ballot racing the close of voting is counted or refused, never half-done, and
 * recorded exactly when it is counted; a score or moderation is written once.
 */
public final class DynamoRoundStore implements RoundStore {

    private static final int MAX_ATTEMPTS = 12;

    private final GrantsTable table;
    private final AuditTable audit;

    public DynamoRoundStore(GrantsTable table, AuditTable audit) {
        this.table = table;
        this.audit = audit;
    }

    /** The round's head, its entry in the list of rounds and the audit entry, all or none. */
    @Override
    public boolean create(RoundHeader header, AuditEntry entry) {
        TransactWriteItem head = TransactWriteItem.builder().put(put -> put.tableName(table.name())
                .item(RoundItems.header(header)).conditionExpression("attribute_not_exists(pk)")).build();
        TransactWriteItem listed = TransactWriteItem.builder().put(put -> put.tableName(table.name())
                .item(RoundItems.listed(header.roundId()))).build();
        try {
            table.client().transactWriteItems(request -> request.transactItems(head, listed, audit.inTransaction(entry)));
            return true;
        } catch (TransactionCanceledException exists) {
            if (failed(exists, 0)) {
                return false;
            }
            throw exists;
        }
    }

    @Override
    public List<String> roundIds() {
        return table.query(Keys.ROUNDS, "").stream().map(item -> GrantsTable.text(item, "roundId")).sorted().toList();
    }

    @Override
    public Optional<RoundHeader> header(String roundId) {
        return table.get(Keys.round(roundId), Keys.ROUND_HEAD).map(RoundItems::header);
    }

    @Override
    public boolean advance(RoundHeader next, Stage expected) {
        try {
            table.client().putItem(request -> request.tableName(table.name()).item(RoundItems.header(next))
                    .conditionExpression("#stage = :expected").expressionAttributeNames(Map.of("#stage", "stage"))
                    .expressionAttributeValues(Map.of(":expected", s(expected.name()))));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException movedOn) {
            return false;
        }
    }

    @Override
    public boolean advance(RoundHeader next, Stage expected, AuditEntry entry) {
        TransactWriteItem head = TransactWriteItem.builder().put(put -> put.tableName(table.name())
                .item(RoundItems.header(next)).conditionExpression("#stage = :expected")
                .expressionAttributeNames(Map.of("#stage", "stage"))
                .expressionAttributeValues(Map.of(":expected", s(expected.name())))).build();
        try {
            table.client().transactWriteItems(request -> request.transactItems(head, audit.inTransaction(entry)));
            return true;
        } catch (TransactionCanceledException movedOn) {
            if (failed(movedOn, 0)) {
                return false;
            }
            throw movedOn;
        }
    }

    @Override
    public boolean putBallot(String roundId, Ballot ballot, AuditEntry entry) {
        return putAt(roundId, Stage.VOTING, RoundItems.ballot(roundId, ballot), false, entry);
    }

    @Override
    public List<Ballot> ballots(String roundId) {
        return table.query(Keys.round(roundId), Keys.ballotPrefix()).stream().map(RoundItems::ballot).toList();
    }

    @Override
    public boolean putSpecification(String roundId, Specification specification, AuditEntry entry) {
        return putAt(roundId, Stage.SPECIFYING, RoundItems.document(roundId, Keys.specification(specification.id()),
                RoundDocuments.specification(specification)), false, entry);
    }

    @Override
    public List<Specification> specifications(String roundId) {
        return documents(roundId, Keys.specificationPrefix()).stream().map(RoundDocuments::readSpecification).toList();
    }

    @Override
    public boolean putPanel(String roundId, Panel panel, AuditEntry entry) {
        return putAt(roundId, Stage.SPECIFYING, RoundItems.document(roundId, Keys.panel(panel.specification()),
                RoundDocuments.panel(panel)), false, entry);
    }

    @Override
    public List<Panel> panels(String roundId) {
        return documents(roundId, Keys.panelPrefix()).stream().map(RoundDocuments::readPanel).toList();
    }

    @Override
    public boolean declare(String roundId, String specification, String member, List<String> interests,
                           AuditEntry entry) {
        return putNew(RoundItems.declaration(roundId, specification, member, interests), entry);
    }

    @Override
    public Map<String, List<String>> declarations(String roundId) {
        Map<String, List<String>> declared = new TreeMap<>();
        table.query(Keys.round(roundId), Keys.declarationPrefix())
                .forEach(item -> declared.put(GrantsTable.text(item, "member"), GrantsTable.strings(item, "interests")));
        return declared;
    }

    @Override
    public boolean putProposal(String roundId, Proposal proposal, AuditEntry entry) {
        return putAt(roundId, Stage.PROPOSING, RoundItems.document(roundId, Keys.proposal(proposal.id()),
                RoundDocuments.proposal(proposal)), false, entry);
    }

    @Override
    public List<Proposal> proposals(String roundId) {
        return documents(roundId, Keys.proposalPrefix()).stream().map(RoundDocuments::readProposal).toList();
    }

    @Override
    public boolean putScore(String roundId, ScoreSheet sheet, AuditEntry entry) {
        return putAt(roundId, Stage.SCORING, RoundItems.score(roundId, Keys.score(sheet.proposal(), sheet.member()), sheet),
                true, entry);
    }

    @Override
    public void recordRefusedScore(String roundId, ScoreSheet sheet, AuditEntry entry) {
        if (!putNew(RoundItems.score(roundId, Keys.refusedScore(sheet.proposal(), sheet.member()), sheet), entry)) {
            audit.append(entry); // the first attempt is kept; this one is recorded all the same
        }
    }

    @Override
    public List<ScoreSheet> scores(String roundId) {
        return table.query(Keys.round(roundId), Keys.scorePrefix()).stream().map(RoundItems::score).toList();
    }

    @Override
    public List<ScoreSheet> refusedScores(String roundId) {
        return table.query(Keys.round(roundId), Keys.refusedScorePrefix()).stream().map(RoundItems::score).toList();
    }

    @Override
    public boolean putModeration(String roundId, Moderation moderation, AuditEntry entry) {
        return putAt(roundId, Stage.SCORING, RoundItems.moderation(roundId, moderation), true, entry);
    }

    @Override
    public List<Moderation> moderations(String roundId) {
        return table.query(Keys.round(roundId), Keys.moderationPrefix()).stream().map(RoundItems::moderation).toList();
    }

    @Override
    public void putMeeting(String roundId, Meeting meeting) {
        table.client().putItem(request -> request.tableName(table.name()).item(RoundItems.meeting(roundId, meeting)));
    }

    @Override
    public List<Meeting> meetings(String roundId) {
        return table.query(Keys.round(roundId), Keys.meetingPrefix()).stream().map(RoundItems::meeting).toList();
    }

    @Override
    public boolean putDecision(String roundId, ManagerDecision decision, AuditEntry entry) {
        return putAt(roundId, Stage.DECIDED, RoundItems.decision(roundId, decision), false, entry);
    }

    @Override
    public List<ManagerDecision> decisions(String roundId) {
        return table.query(Keys.round(roundId), Keys.decisionPrefix()).stream().map(RoundItems::decision).toList();
    }

    @Override
    public void putContracts(String roundId, List<Contract> contracts) {
        BatchWriter.putAll(table, contracts.stream().map(contract -> RoundItems.contract(roundId, contract)).toList());
    }

    @Override
    public List<Contract> contracts(String roundId) {
        return table.query(Keys.round(roundId), Keys.contractPrefix()).stream().map(RoundItems::contract).toList();
    }

    private List<String> documents(String roundId, String prefix) {
        return table.query(Keys.round(roundId), prefix).stream().map(RoundItems::document).toList();
    }

    /** Writes the item, and its audit entry, only if no item has its key yet; false if one had, and nothing is written. */
    private boolean putNew(Map<String, AttributeValue> item, AuditEntry entry) {
        TransactWriteItem put = TransactWriteItem.builder().put(request -> request.tableName(table.name()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
        try {
            table.client().transactWriteItems(request -> request.transactItems(put, audit.inTransaction(entry)));
            return true;
        } catch (TransactionCanceledException refused) {
            if (failed(refused, 0)) {
                return false;
            }
            throw refused;
        }
    }

    /** Whether the transaction's write at {@code index} was refused by its condition. */
    private static boolean failed(TransactionCanceledException refused, int index) {
        return refused.cancellationReasons().size() > index
                && "ConditionalCheckFailed".equals(refused.cancellationReasons().get(index).code());
    }

    /**
     * Writes the item and its audit entry if the round is at the stage, in one transaction; with
     * {@code once}, only if no item has its key yet. False when either condition fails, and nothing
     * (not the entry either) is written.
     */
    private boolean putAt(String roundId, Stage stage, Map<String, AttributeValue> item, boolean once, AuditEntry entry) {
        TransactWriteItem check = TransactWriteItem.builder().conditionCheck(condition -> condition.tableName(table.name())
                .key(GrantsTable.key(Keys.round(roundId), Keys.ROUND_HEAD))
                .conditionExpression("#stage = :stage").expressionAttributeNames(Map.of("#stage", "stage"))
                .expressionAttributeValues(Map.of(":stage", s(stage.name())))).build();
        TransactWriteItem put = TransactWriteItem.builder().put(request -> {
            request.tableName(table.name()).item(item);
            if (once) {
                request.conditionExpression("attribute_not_exists(pk)");
            }
        }).build();
        // Many members scoring at once all check the round's head: DynamoDB may cancel a transaction
        // that meets another on it (TransactionConflict), which is worth trying again.
        for (int attempt = 1; ; attempt++) {
            try {
                table.client().transactWriteItems(request -> request.transactItems(check, put, audit.inTransaction(entry)));
                return true;
            } catch (TransactionCanceledException refused) {
                List<String> codes = refused.cancellationReasons().stream().map(reason -> String.valueOf(reason.code())).toList();
                if (failed(refused, 0) || failed(refused, 1)) {
                    return false;
                }
                if (!codes.contains("TransactionConflict") || attempt == MAX_ATTEMPTS) {
                    throw refused;
                }
                pause(attempt);
            }
        }
    }

    /** Backs off with jitter, so racing writers spread out. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 10L << Math.min(attempt, 6)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a round's write", interrupted);
        }
    }
}
