package grants.testing;

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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link RoundStore} in memory; each write checks the stage atomically, as the DynamoDB transactions
 * do, and adds its audit entry to the trail only when it is made.
 */
public final class InMemoryRoundStore implements RoundStore {

    /** One round's records, each kind keyed as its items are. */
    private static final class Records {
        RoundHeader header;
        final Map<String, Ballot> ballots = new TreeMap<>();
        final Map<String, Specification> specifications = new TreeMap<>();
        final Map<String, Panel> panels = new TreeMap<>();
        /** Each member's answer per proposal: true where they have an interest in it. */
        final Map<String, Map<String, Boolean>> declarations = new TreeMap<>();
        final Map<String, Proposal> proposals = new TreeMap<>();
        final Map<String, ScoreSheet> scores = new TreeMap<>();
        final Map<String, ScoreSheet> refused = new TreeMap<>();
        final Map<String, RecordedModeration> moderations = new TreeMap<>();
        final Map<String, Meeting> meetings = new TreeMap<>();
        final Map<String, ManagerDecision> decisions = new TreeMap<>();
        final Map<String, Contract> contracts = new TreeMap<>();
        final Map<String, grants.core.rounds.Acceptance> acceptances = new TreeMap<>();
    }

    private final Map<String, Records> rounds = new HashMap<>();
    private final InMemoryAuditTrail trail;

    public InMemoryRoundStore() {
        this(new InMemoryAuditTrail());
    }

    /** Recording into a trail the test also reads (through an AuditLog). */
    public InMemoryRoundStore(InMemoryAuditTrail trail) {
        this.trail = trail;
    }

    public InMemoryAuditTrail trail() {
        return trail;
    }

    /** The entry goes in only with the change, as in the one DynamoDB transaction. */
    private boolean recorded(boolean written, AuditEntry entry) {
        if (written) {
            trail.append(entry);
        }
        return written;
    }

    private Records of(String roundId) {
        return rounds.computeIfAbsent(roundId, id -> new Records());
    }

    private boolean at(String roundId, Stage... stages) {
        RoundHeader header = of(roundId).header;
        return header != null && java.util.Arrays.asList(stages).contains(header.stage());
    }

    /** A score or moderation: while scoring and, for a proposal its specification waits for, after (rule C10). */
    private boolean takingScores(String roundId) {
        return at(roundId, Stage.SCORING, Stage.DECIDED, Stage.PUBLISHED);
    }

    /** Writes only in the stage the write needs, as the DynamoDB condition does. */
    private static <V> boolean putIf(boolean inStage, Map<String, V> records, String key, V value) {
        if (inStage) {
            records.put(key, value);
        }
        return inStage;
    }

    @Override
    public synchronized boolean create(RoundHeader header, AuditEntry entry) {
        Records records = of(header.roundId());
        if (records.header != null) {
            return false;
        }
        records.header = header;
        return recorded(true, entry);
    }

    @Override
    public synchronized Optional<RoundHeader> header(String roundId) {
        return Optional.ofNullable(rounds.containsKey(roundId) ? rounds.get(roundId).header : null);
    }

    @Override
    public synchronized List<String> roundIds() {
        return rounds.entrySet().stream().filter(round -> round.getValue().header != null).map(Map.Entry::getKey)
                .sorted().toList();
    }

    @Override
    public synchronized boolean advance(RoundHeader next, Stage expected) {
        if (!at(next.roundId(), expected)) {
            return false;
        }
        of(next.roundId()).header = next;
        return true;
    }

    @Override
    public synchronized boolean advance(RoundHeader next, Stage expected, AuditEntry entry) {
        return recorded(advance(next, expected), entry);
    }

    /** Only over the stage and set-up read, as the DynamoDB condition on the stored set-up. */
    @Override
    public synchronized boolean replaceIfUnchanged(RoundHeader next, RoundHeader current, AuditEntry entry) {
        RoundHeader stored = of(current.roundId()).header;
        if (stored == null || stored.stage() != current.stage() || !stored.setup().equals(current.setup())) {
            return false;
        }
        of(current.roundId()).header = next;
        return recorded(true, entry);
    }

    @Override
    public synchronized boolean putBallot(String roundId, Ballot ballot, AuditEntry entry) {
        return recorded(putIf(at(roundId, Stage.VOTING), of(roundId).ballots, ballot.voter(), ballot), entry);
    }

    @Override
    public synchronized List<Ballot> ballots(String roundId) {
        return List.copyOf(of(roundId).ballots.values());
    }

    @Override
    public synchronized boolean putSpecification(String roundId, Specification specification, AuditEntry entry) {
        Specification owner = of(roundId).specifications.get(specification.id());
        boolean sameOwner = owner == null || owner.issue().equals(specification.issue());
        return recorded(putIf(at(roundId, Stage.SPECIFYING) && sameOwner, of(roundId).specifications, specification.id(),
                specification), entry);
    }

    @Override
    public synchronized List<Specification> specifications(String roundId) {
        return List.copyOf(of(roundId).specifications.values());
    }

    @Override
    public synchronized boolean putPanel(String roundId, Panel panel, AuditEntry entry) {
        return recorded(putIf(at(roundId, Stage.SPECIFYING), of(roundId).panels, panel.specification(), panel), entry);
    }

    @Override
    public synchronized boolean addPanelMember(String roundId, Panel before, Panel after, AuditEntry entry) {
        boolean still = at(roundId, Stage.SPECIFYING, Stage.PROPOSING, Stage.SCORING, Stage.DECIDED, Stage.PUBLISHED)
                && before.equals(of(roundId).panels.get(before.specification()));
        return recorded(putIf(still, of(roundId).panels, after.specification(), after), entry);
    }

    @Override
    public synchronized List<Panel> panels(String roundId) {
        return List.copyOf(of(roundId).panels.values());
    }

    @Override
    public synchronized boolean declare(String roundId, String specification, String member, List<String> against,
                                        List<String> interests, AuditEntry entry) {
        Map<String, Boolean> answers = of(roundId).declarations.computeIfAbsent(member, m -> new TreeMap<>());
        if (against.stream().anyMatch(answers::containsKey)) {
            return false;
        }
        against.forEach(proposal -> answers.put(proposal, interests.contains(proposal)));
        return recorded(true, entry);
    }

    @Override
    public synchronized Map<String, List<String>> declarations(String roundId) {
        Map<String, List<String>> declared = new TreeMap<>();
        of(roundId).declarations.forEach((member, answers) -> {
            if (!answers.isEmpty()) {
                declared.put(member, answers.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList());
            }
        });
        return declared;
    }

    @Override
    public synchronized Map<String, java.util.Set<String>> declaredAgainst(String roundId) {
        Map<String, java.util.Set<String>> against = new TreeMap<>();
        of(roundId).declarations.forEach((member, answers) -> {
            if (!answers.isEmpty()) {
                against.put(member, java.util.Set.copyOf(answers.keySet()));
            }
        });
        return against;
    }

    @Override
    public synchronized boolean addLateInterest(String roundId, String member, String proposal, Stage at,
                                                AuditEntry entry) {
        Map<String, Boolean> answers = of(roundId).declarations.computeIfAbsent(member, m -> new TreeMap<>());
        if (!at(roundId, at) || Boolean.TRUE.equals(answers.get(proposal))) {
            return false;
        }
        answers.put(proposal, true);
        return recorded(true, entry);
    }

    @Override
    public synchronized boolean putProposal(String roundId, Proposal proposal, AuditEntry entry) {
        Proposal owner = of(roundId).proposals.get(proposal.id());
        boolean sameLead = owner == null || owner.lead().equals(proposal.lead());
        return recorded(putIf(at(roundId, Stage.PROPOSING) && sameLead, of(roundId).proposals, proposal.id(), proposal),
                entry);
    }

    @Override
    public synchronized List<Proposal> proposals(String roundId) {
        return List.copyOf(of(roundId).proposals.values());
    }

    @Override
    public synchronized boolean putScore(String roundId, ScoreSheet sheet, AuditEntry entry) {
        return recorded(takingScores(roundId)
                && of(roundId).scores.putIfAbsent(sheet.proposal() + "/" + sheet.member(), sheet) == null, entry);
    }

    @Override
    public synchronized void recordRefusedScore(String roundId, ScoreSheet sheet, AuditEntry entry) {
        of(roundId).refused.putIfAbsent(sheet.proposal() + "/" + sheet.member(), sheet);
        trail.append(entry);
    }

    @Override
    public synchronized List<ScoreSheet> scores(String roundId) {
        return List.copyOf(of(roundId).scores.values());
    }

    @Override
    public synchronized List<ScoreSheet> refusedScores(String roundId) {
        return List.copyOf(of(roundId).refused.values());
    }

    @Override
    public synchronized boolean putModeration(String roundId, Moderation moderation, AuditEntry entry) {
        return recorded(takingScores(roundId) && of(roundId).moderations.putIfAbsent(moderation.proposal(),
                RecordedModeration.pending(moderation)) == null, entry);
    }

    @Override
    public synchronized boolean confirmModeration(String roundId, String proposalId, String confirmedBy,
                                                  AuditEntry entry) {
        RecordedModeration pending = of(roundId).moderations.get(proposalId);
        if (!takingScores(roundId) || pending == null || pending.confirmed()) {
            return false;
        }
        of(roundId).moderations.put(proposalId, new RecordedModeration(pending.moderation(), confirmedBy));
        return recorded(true, entry);
    }

    @Override
    public synchronized List<RecordedModeration> moderations(String roundId) {
        return List.copyOf(of(roundId).moderations.values());
    }

    /** Notes are never overwritten: a meeting with its notes is final, as the DynamoDB condition keeps it. */
    @Override
    public synchronized boolean putMeeting(String roundId, Meeting meeting, AuditEntry entry) {
        String key = meeting.proposal() + "/" + meeting.at();
        Meeting noted = of(roundId).meetings.get(key);
        if (noted != null && noted.note() != null) {
            return false;
        }
        of(roundId).meetings.put(key, meeting);
        return recorded(true, entry);
    }

    @Override
    public synchronized List<Meeting> meetings(String roundId) {
        return List.copyOf(of(roundId).meetings.values());
    }

    @Override
    public synchronized boolean putDecision(String roundId, ManagerDecision decision, AuditEntry entry) {
        return recorded(putIf(at(roundId, Stage.DECIDED, Stage.PUBLISHED), of(roundId).decisions, decision.proposal(), decision), entry);
    }

    @Override
    public synchronized List<ManagerDecision> decisions(String roundId) {
        return List.copyOf(of(roundId).decisions.values());
    }

    @Override
    public synchronized boolean putContracts(String roundId, List<Contract> contracts) {
        if (!at(roundId, Stage.DECIDED, Stage.PUBLISHED)) {
            return false;
        }
        of(roundId).contracts.clear();
        contracts.forEach(contract -> of(roundId).contracts.put(contract.id(), contract));
        return true;
    }

    @Override
    public synchronized List<Contract> contracts(String roundId) {
        return new ArrayList<>(of(roundId).contracts.values());
    }

    @Override
    public synchronized boolean acceptContract(String roundId, grants.core.rounds.Acceptance acceptance, AuditEntry entry) {
        return recorded(at(roundId, Stage.PUBLISHED)
                && of(roundId).acceptances.putIfAbsent(acceptance.contractId(), acceptance) == null, entry);
    }

    @Override
    public synchronized List<grants.core.rounds.Acceptance> acceptances(String roundId) {
        return List.copyOf(of(roundId).acceptances.values());
    }
}
