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
import grants.core.rounds.RecordedModeration;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.RoundStore;
import grants.core.rounds.Stage;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static grants.adapters.dynamodb.GrantsTable.s;

/**
 * A round in one partition of the grants table. Every write that needs a stage is a transaction
 * of a condition check on the round's head, the write itself and its audit entry (in the audit
 * table), so a ballot racing the close of voting is counted or refused, never half-done, and
 * recorded exactly when it is counted; a score or moderation is written once.
 */
public final class DynamoRoundStore implements RoundStore {

    /**
     * A score or moderation is taken while scoring and, for a proposal still undecided (the use case
     * checks which), after: its specification waits for it (rule C10).
     */
    private static final Set<Stage> SCORES_TAKEN = Set.of(Stage.SCORING, Stage.DECIDED, Stage.PUBLISHED);
    /** Decisions and contracts change while decided and, for specifications still waiting, once published. */
    /** A panel member may be added from naming panels until the specification is published (the use case checks). */
    private static final Set<Stage> PANEL_GROWS = Set.of(Stage.SPECIFYING, Stage.PROPOSING, Stage.SCORING, Stage.DECIDED,
            Stage.PUBLISHED);
    private static final Set<Stage> DECIDING = Set.of(Stage.DECIDED, Stage.PUBLISHED);

    private static final int MAX_ATTEMPTS = 12;
    /** A transaction holds at most 100 actions: these and the check of the round's head. */
    static final int CONTRACTS_PER_TRANSACTION = 99;

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

    /**
     * The set-up map is compared whole (DynamoDB compares maps and lists by value), so a set-up changed
     * meanwhile fails the put.
     */
    @Override
    public boolean replaceIfUnchanged(RoundHeader next, RoundHeader current, AuditEntry entry) {
        TransactWriteItem head = TransactWriteItem.builder().put(put -> put.tableName(table.name())
                .item(RoundItems.header(next)).conditionExpression("#stage = :stage AND #setup = :setup")
                .expressionAttributeNames(Map.of("#stage", "stage", "#setup", "setup"))
                .expressionAttributeValues(Map.of(":stage", s(current.stage().name()),
                        ":setup", RoundItems.setupOf(current)))).build();
        try {
            table.client().transactWriteItems(request -> request.transactItems(head, audit.inTransaction(entry)));
            return true;
        } catch (TransactionCanceledException changed) {
            if (failed(changed, 0)) {
                return false;
            }
            throw changed;
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
        // Only its own priority's specification replaces one: a sub-group never overwrites another's.
        return putAt(roundId, Set.of(Stage.SPECIFYING), RoundItems.specification(roundId, specification),
                Condition.of("attribute_not_exists(pk) OR #issue = :issue", Map.of("#issue", "issue"),
                        Map.of(":issue", s(specification.issue()))), entry);
    }

    @Override
    public List<Specification> specifications(String roundId) {
        return table.query(Keys.round(roundId), Keys.specificationPrefix()).stream().map(RoundItems::specification).toList();
    }

    @Override
    public boolean putPanel(String roundId, Panel panel, AuditEntry entry) {
        return putAt(roundId, Stage.SPECIFYING, RoundItems.panel(roundId, panel), false, entry);
    }

    /** A panel member added after the panels were named: conditional on the panel's members as the use case read them. */
    @Override
    public boolean addPanelMember(String roundId, Panel before, Panel after, AuditEntry entry) {
        return putAt(roundId, PANEL_GROWS, RoundItems.panel(roundId, after), Condition.of("#members = :before",
                Map.of("#members", "members"), Map.of(":before", RoundItems.membersOf(before))), entry);
    }

    @Override
    public List<Panel> panels(String roundId) {
        return table.query(Keys.round(roundId), Keys.panelPrefix()).stream().map(RoundItems::panel).toList();
    }

    /** One item per proposal answered, each written once, all in one transaction with the audit entry. */
    @Override
    public boolean declare(String roundId, String specification, String member, List<String> against,
                           List<String> interests, AuditEntry entry) {
        List<TransactWriteItem> answers = against.stream().map(proposal -> TransactWriteItem.builder().put(put -> put
                .tableName(table.name()).item(RoundItems.declaration(roundId, specification, member, proposal,
                        interests.contains(proposal), false)).conditionExpression("attribute_not_exists(pk)")).build())
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        answers.add(audit.inTransaction(entry));
        try {
            table.client().transactWriteItems(request -> request.transactItems(answers));
            return true;
        } catch (TransactionCanceledException refused) {
            if (java.util.stream.IntStream.range(0, against.size()).anyMatch(index -> failed(refused, index))) {
                return false;
            }
            throw refused;
        }
    }

    @Override
    public Map<String, List<String>> declarations(String roundId) {
        Map<String, List<String>> declared = new TreeMap<>();
        answers(roundId).forEach(item -> {
            List<String> interests = declared.computeIfAbsent(GrantsTable.text(item, "member"),
                    member -> new java.util.ArrayList<>());
            if (RoundItems.isInterest(item)) {
                interests.add(GrantsTable.text(item, "proposal"));
            }
        });
        return declared;
    }

    @Override
    public Map<String, java.util.Set<String>> declaredAgainst(String roundId) {
        Map<String, java.util.Set<String>> against = new TreeMap<>();
        answers(roundId).forEach(item -> against.computeIfAbsent(GrantsTable.text(item, "member"),
                member -> new java.util.TreeSet<>()).add(GrantsTable.text(item, "proposal")));
        return against;
    }

    /** The late interest replaces the member's answer (none, or no interest) while the round is at the stage. */
    @Override
    public boolean addLateInterest(String roundId, String member, String proposal, Stage at, AuditEntry entry) {
        String specification = proposals(roundId).stream().filter(p -> p.id().equals(proposal)).findFirst()
                .map(Proposal::specification).orElseThrow();
        return putAt(roundId, Set.of(at), RoundItems.declaration(roundId, specification, member, proposal, true, true),
                Condition.of("attribute_not_exists(pk) OR #interest = :no", Map.of("#interest", "interest"),
                        Map.of(":no", AttributeValue.fromBool(false))), entry);
    }

    private List<Map<String, AttributeValue>> answers(String roundId) {
        return table.query(Keys.round(roundId), Keys.declarationPrefix()).stream().filter(RoundItems::isAnswer).toList();
    }

    @Override
    public boolean putProposal(String roundId, Proposal proposal, AuditEntry entry) {
        // A proposal id stays with the organisation that first sent it, however the requests race.
        return putAt(roundId, Set.of(Stage.PROPOSING), RoundItems.proposal(roundId, proposal),
                Condition.of("attribute_not_exists(pk) OR #lead = :lead", Map.of("#lead", "lead"),
                        Map.of(":lead", s(proposal.lead()))), entry);
    }

    @Override
    public List<Proposal> proposals(String roundId) {
        return table.query(Keys.round(roundId), Keys.proposalPrefix()).stream().map(RoundItems::proposal).toList();
    }

    @Override
    public boolean putScore(String roundId, ScoreSheet sheet, AuditEntry entry) {
        return putAt(roundId, SCORES_TAKEN, RoundItems.score(roundId, Keys.score(sheet.proposal(), sheet.member()), sheet),
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
        return putAt(roundId, SCORES_TAKEN, RoundItems.moderation(roundId, moderation), true, entry);
    }

    @Override
    public boolean confirmModeration(String roundId, String proposalId, String confirmedBy, AuditEntry entry) {
        TransactWriteItem confirm = TransactWriteItem.builder().update(update -> update.tableName(table.name())
                .key(GrantsTable.key(Keys.round(roundId), Keys.moderation(proposalId)))
                .updateExpression("SET #confirmedBy = :by")
                .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#confirmedBy)")
                .expressionAttributeNames(Map.of("#confirmedBy", "confirmedBy"))
                .expressionAttributeValues(Map.of(":by", s(confirmedBy)))).build();
        return transactAt(roundId, SCORES_TAKEN, List.of(confirm), entry);
    }

    @Override
    public List<RecordedModeration> moderations(String roundId) {
        return table.query(Keys.round(roundId), Keys.moderationPrefix()).stream().map(RoundItems::moderation).toList();
    }

    /** A meeting's notes are never overwritten: the put, and its audit entry, hold only while the stored meeting has none. */
    @Override
    public boolean putMeeting(String roundId, Meeting meeting, AuditEntry entry) {
        TransactWriteItem put = TransactWriteItem.builder().put(request -> request.tableName(table.name())
                .item(RoundItems.meeting(roundId, meeting)).conditionExpression("attribute_not_exists(#note)")
                .expressionAttributeNames(Map.of("#note", "note"))).build();
        try {
            table.client().transactWriteItems(request -> request.transactItems(put, audit.inTransaction(entry)));
            return true;
        } catch (TransactionCanceledException noted) {
            if (failed(noted, 0)) {
                return false;
            }
            throw noted;
        }
    }

    @Override
    public List<Meeting> meetings(String roundId) {
        return table.query(Keys.round(roundId), Keys.meetingPrefix()).stream().map(RoundItems::meeting).toList();
    }

    @Override
    public boolean putDecision(String roundId, ManagerDecision decision, AuditEntry entry) {
        return putAt(roundId, DECIDING, RoundItems.decision(roundId, decision), false, entry);
    }

    @Override
    public List<ManagerDecision> decisions(String roundId) {
        return table.query(Keys.round(roundId), Keys.decisionPrefix()).stream().map(RoundItems::decision).toList();
    }

    /**
     * Transactions of up to {@value #CONTRACTS_PER_TRANSACTION} contracts, each with a check that the round
     * is still DECIDED: PutItem and ConditionCheckItem in the round's partition, which is all CommissionRounds'
     * policy allows it (no BatchWriteItem). Each transaction writes all its contracts or none; a retry writes
     * the same items again, so a publication cut short between transactions is completed by its retry. A
     * contract an earlier attempt wrote and these no longer hold is kept, marked void (nothing may delete).
     */
    @Override
    public boolean putContracts(String roundId, List<Contract> contracts) {
        List<Map<String, AttributeValue>> items = new java.util.ArrayList<>();
        contracts.forEach(contract -> items.add(RoundItems.contract(roundId, contract)));
        java.util.Set<String> current = contracts.stream().map(Contract::id).collect(java.util.stream.Collectors.toSet());
        table.query(Keys.round(roundId), Keys.contractPrefix()).stream()
                .filter(item -> !RoundItems.isVoid(item) && !current.contains(GrantsTable.text(item, "contractId")))
                .forEach(stale -> items.add(RoundItems.voided(stale)));
        for (int from = 0; from < items.size(); from += CONTRACTS_PER_TRANSACTION) {
            if (!putAllAt(roundId, DECIDING, items.subList(from, Math.min(items.size(), from + CONTRACTS_PER_TRANSACTION)))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<Contract> contracts(String roundId) {
        return table.query(Keys.round(roundId), Keys.contractPrefix()).stream().filter(item -> !RoundItems.isVoid(item))
                .map(RoundItems::contract).toList();
    }

    /** Once per contract, while the round is published, with its audit entry. */
    @Override
    public boolean acceptContract(String roundId, grants.core.rounds.Acceptance acceptance, AuditEntry entry) {
        return putAt(roundId, Stage.PUBLISHED, RoundItems.acceptance(roundId, acceptance), true, entry);
    }

    @Override
    public List<grants.core.rounds.Acceptance> acceptances(String roundId) {
        return table.query(Keys.round(roundId), Keys.acceptancePrefix()).stream().map(RoundItems::acceptance).toList();
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

    /** A write's own condition, beside the stage's (null: none). */
    private record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

        static final Condition NEW = new Condition("attribute_not_exists(pk)", Map.of(), Map.of());

        static Condition of(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
            return new Condition(expression, names, values);
        }
    }

    private boolean putAt(String roundId, Stage stage, Map<String, AttributeValue> item, boolean once, AuditEntry entry) {
        return putAt(roundId, Set.of(stage), item, once, entry);
    }

    private boolean putAt(String roundId, Set<Stage> stages, Map<String, AttributeValue> item, boolean once, AuditEntry entry) {
        return putAt(roundId, stages, item, once ? Condition.NEW : null, entry);
    }

    /**
     * Writes the item and its audit entry if the round is at the stage, in one transaction, and only
     * if the item's own condition (if any) holds. False when either condition fails, and nothing (not
     * the entry either) is written.
     */
    private boolean putAt(String roundId, Set<Stage> stages, Map<String, AttributeValue> item, Condition condition,
                          AuditEntry entry) {
        TransactWriteItem put = TransactWriteItem.builder().put(request -> {
            request.tableName(table.name()).item(item);
            if (condition != null) {
                request.conditionExpression(condition.expression());
                if (!condition.names().isEmpty()) {
                    request.expressionAttributeNames(condition.names());
                }
                if (!condition.values().isEmpty()) {
                    request.expressionAttributeValues(condition.values());
                }
            }
        }).build();
        return transactAt(roundId, stages, List.of(put), entry);
    }

    /** Puts the items, all or none, while the round is at the stage. */
    private boolean putAllAt(String roundId, Set<Stage> stages, List<Map<String, AttributeValue>> items) {
        return transactAt(roundId, stages, items.stream()
                .map(item -> TransactWriteItem.builder().put(request -> request.tableName(table.name()).item(item)).build())
                .toList(), null);
    }

    /**
     * The writes, a check that the round is at the stage and the audit entry (if any), in one
     * transaction; false if the stage or a write's own condition failed, and nothing is written.
     */
    private boolean transactAt(String roundId, Set<Stage> stages, List<TransactWriteItem> writes, AuditEntry entry) {
        Map<String, AttributeValue> values = new java.util.LinkedHashMap<>();
        stages.stream().sorted().forEach(stage -> values.put(":stage" + values.size(), s(stage.name())));
        TransactWriteItem check = TransactWriteItem.builder().conditionCheck(condition -> condition.tableName(table.name())
                .key(GrantsTable.key(Keys.round(roundId), Keys.ROUND_HEAD))
                .conditionExpression("#stage IN (" + String.join(", ", values.keySet()) + ")")
                .expressionAttributeNames(Map.of("#stage", "stage"))
                .expressionAttributeValues(values)).build();
        List<TransactWriteItem> transaction = new java.util.ArrayList<>();
        transaction.add(check);
        transaction.addAll(writes);
        if (entry != null) {
            transaction.add(audit.inTransaction(entry));
        }
        // Many members scoring at once all check the round's head: DynamoDB may cancel a transaction
        // that meets another on it (TransactionConflict), which is worth trying again.
        for (int attempt = 1; ; attempt++) {
            try {
                table.client().transactWriteItems(request -> request.transactItems(transaction));
                return true;
            } catch (TransactionCanceledException refused) {
                List<String> codes = refused.cancellationReasons().stream().map(reason -> String.valueOf(reason.code())).toList();
                if (java.util.stream.IntStream.rangeClosed(0, writes.size()).anyMatch(index -> failed(refused, index))) {
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
