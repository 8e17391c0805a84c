package grants.core.rounds;

import grants.core.audit.AuditEntry;
import grants.core.commissioning.Ballot;
import grants.core.commissioning.Contract;
import grants.core.commissioning.ManagerDecision;
import grants.core.commissioning.Moderation;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.ScoreSheet;
import grants.core.commissioning.Specification;

import java.util.List;
import java.util.Optional;

/**
 * A live round's records (outbound port: one DynamoDB partition per round). Every write that
 * depends on the stage is conditional on it in the same transaction, so a ballot racing the close
 * of voting is either counted or refused, never lost; a member's score is written once. A write
 * given an {@link AuditEntry} adds it to the audit trail in that transaction: both or neither.
 */
public interface RoundStore {

    /** Creates the round unless it exists; true if this call created it. */
    boolean create(RoundHeader header, AuditEntry entry);

    Optional<RoundHeader> header(String roundId);

    /** Every round, by id. */
    List<String> roundIds();

    /** Replaces the header if the round is still at {@code expected}; false if it moved on meanwhile. */
    boolean advance(RoundHeader next, Stage expected);

    /** The same, with the change's audit entry in the same transaction. */
    boolean advance(RoundHeader next, Stage expected, AuditEntry entry);

    /**
     * Replaces the header with {@code next}, with the change's audit entry in the same transaction, only
     * while the stored header still has {@code current}'s stage and set-up: false if either changed
     * meanwhile, nothing written. Two set-up changes never overwrite each other, and a publication racing
     * a set-up change (a cross-cutting theme added) and the change are never both written.
     */
    boolean replaceIfUnchanged(RoundHeader next, RoundHeader current, AuditEntry entry);

    /** Writes (or replaces) a voter's ballot if voting is open; false if it has closed. */
    boolean putBallot(String roundId, Ballot ballot, AuditEntry entry);

    List<Ballot> ballots(String roundId);

    /**
     * Writes a specification while specifying, only if no specification has its id or the one that
     * has it is of the same priority (its owner, the priority's sub-group); false otherwise, and
     * nothing is written.
     */
    boolean putSpecification(String roundId, Specification specification, AuditEntry entry);

    List<Specification> specifications(String roundId);

    /** Writes (or replaces) a panel while specifying; false otherwise. */
    boolean putPanel(String roundId, Panel panel, AuditEntry entry);

    List<Panel> panels(String roundId);

    /**
     * Replaces a panel by the same with a member added, from specifying until published, only if it
     * is still {@code before} (two additions racing: one is refused); false otherwise, nothing written.
     */
    boolean addPanelMember(String roundId, Panel before, Panel after, AuditEntry entry);

    /**
     * A panel member's declaration against the proposals {@code against}, with their interests among
     * them, added to what they declared before; written only if they declared against none of these
     * proposals before (each answer is given once), false otherwise, and nothing is written.
     */
    boolean declare(String roundId, String specification, String member, List<String> against, List<String> interests,
                    AuditEntry entry);

    /** The members who have declared, by id, with their interests (late ones included). */
    java.util.Map<String, List<String>> declarations(String roundId);

    /** The proposals each member has declared against (interest or not), by member id. */
    java.util.Map<String, java.util.Set<String>> declaredAgainst(String roundId);

    /**
     * An interest the member declared late, recorded by the manager while the round is {@code at}
     * that stage: added to the member's interests, so their score of it is no longer counted; false
     * if the round is at another stage or the interest is recorded already, and nothing is written.
     */
    boolean addLateInterest(String roundId, String member, String proposal, Stage at, AuditEntry entry);

    /**
     * Writes a proposal while proposals are open, only if no proposal has its id or the one that has
     * it has the same lead organisation (so a racing organisation cannot take the id over); false
     * otherwise, and nothing is written.
     */
    boolean putProposal(String roundId, Proposal proposal, AuditEntry entry);

    List<Proposal> proposals(String roundId);

    /**
     * A counted score, once per member and proposal, from scoring on (after it, the use case takes one
     * only for a proposal still below quorum, rule C10); false if they scored it already or before scoring.
     */
    boolean putScore(String roundId, ScoreSheet sheet, AuditEntry entry);

    /**
     * A conflicted member's score, kept only to be counted as refused (rule C5); never read as a
     * score. The first attempt is kept; every attempt is recorded in the audit trail.
     */
    void recordRefusedScore(String roundId, ScoreSheet sheet, AuditEntry entry);

    List<ScoreSheet> scores(String roundId);

    List<ScoreSheet> refusedScores(String roundId);

    /**
     * The one moderation record of a proposal, pending until confirmed, from scoring on (after it, only
     * for a proposal that needs one: the use case checks), with its audit entry; false if it has one already.
     */
    boolean putModeration(String roundId, Moderation moderation, AuditEntry entry);

    /**
     * Confirms a proposal's pending moderation, from scoring on; false if there is none, it is
     * confirmed already, or scoring has not begun.
     */
    boolean confirmModeration(String roundId, String proposalId, String confirmedBy, AuditEntry entry);

    /** Every moderation record, pending or confirmed. */
    List<RecordedModeration> moderations(String roundId);

    /**
     * Writes a meeting unless a meeting of that proposal at that time has its notes already (notes
     * are never overwritten), with its audit entry in the same transaction; false if it has, and
     * nothing is written.
     */
    boolean putMeeting(String roundId, Meeting meeting, AuditEntry entry);

    List<Meeting> meetings(String roundId);

    /**
     * Records (or replaces) the manager's decision on a proposal while decided or published (the use
     * case refuses one in a specification already published); false otherwise.
     */
    boolean putDecision(String roundId, ManagerDecision decision, AuditEntry entry);

    List<ManagerDecision> decisions(String roundId);

    /**
     * Makes the round's contracts exactly these, while it is decided or published (specifications published
     * later add theirs; false before): written before
     * finance's files, so a publication cut short leaves contracts that its retry rewrites, with the same
     * bytes, and completes. A contract an earlier attempt wrote that is not among these (a decision was
     * overridden in between) is no longer listed.
     */
    boolean putContracts(String roundId, List<Contract> contracts);

    List<Contract> contracts(String roundId);

    /** A lead organisation's acceptance of its contract, once, while published, with its audit entry; false otherwise. */
    boolean acceptContract(String roundId, Acceptance acceptance, AuditEntry entry);

    List<Acceptance> acceptances(String roundId);
}
