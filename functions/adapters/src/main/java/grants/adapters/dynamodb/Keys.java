package grants.adapters.dynamodb;

import grants.core.support.Account;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every key of the grants table, and the only place that knows their prefixes and formats
 * (single-table design: see {@link GrantsTable} for the whole layout). Nothing outside this class
 * builds or parses a key string; an architecture test holds the project to that.
 */
public final class Keys {

    private static final String PROGRAMME = "PROGRAMME#";
    private static final String RUN = "RUN#";
    private static final String ROW = "ROW#";
    private static final String LOCALITY = "LOCALITY#";
    private static final String IDEMPOTENCY = "IDEMPOTENCY#";
    private static final String COMMIT_JOB = "JOB#";
    private static final String DOCUMENT = "DOC#";
    private static final String SNAPSHOT = "SNAPSHOT#";
    private static final String PART = "#PART#";
    private static final String EXPORT = "EXPORT#";
    private static final String RATE = "RATE#";
    private static final String AUDIT = "AUDIT#";
    /** The partition that lists every programme: one small item each, so a list never reads a document. */
    static final String PROGRAMMES = "PROGRAMMES";
    /**
     * The partition that lists every commissioning round: under {@code ROUND#}, where CommissionRounds may
     * write (its policy's {@code dynamodb:LeadingKeys} is {@code ROUND#*}, which {@code ROUNDS} would not
     * match), and never a round's own partition, since no round id has a {@code #} in it.
     */
    static final String ROUNDS = "ROUND##LIST";
    private static final String SEND = "SEND#";
    private static final String NOTICES = "NOTICES#";
    private static final String BULLETIN = "BULLETIN#";
    private static final String LETTER = "LETTER#";
    private static final String SES_MESSAGE = "SESMESSAGE#";
    private static final String SUPPRESSED = "SUPPRESSED#";
    private static final String SUPPORT = "SUPPORT#";
    private static final String ADVISER = "ADVISER#";
    private static final String POOL = "POOL#";
    private static final String POOL_MEMBER = "POOLMEMBER#";
    private static final String PARTNERSHIP_COUNTER = "ACCOUNT#PARTNERSHIP#";
    private static final String BOOKING = "BOOKING#";
    private static final String ROUND = "ROUND#";
    private static final String BALLOT = "BALLOT#";
    private static final String SPECIFICATION = "SPEC#";
    private static final String PANEL = "PANEL#";
    private static final String DECLARATION = "DECLARATION#";
    private static final String PROPOSAL = "PROPOSAL#";
    private static final String SCORE = "SCORE#";
    private static final String REFUSED_SCORE = "REFUSEDSCORE#";
    private static final String MODERATION = "MODERATION#";
    private static final String MEETING = "MEETING#";
    private static final String DECISION = "DECISION#";
    private static final String CONTRACT = "CONTRACT#";
    private static final String ACCEPTANCE = "ACCEPTANCE#";
    private static final String BINDING = "BINDING#";
    /**
     * Who is bound in one programme or round: under {@code BINDING#}, beside the people's own
     * partitions and never one of them, since no user pool sub has a {@code #} in it.
     */
    private static final String BINDINGS_IN_SCOPE = "BINDING##SCOPE#";
    private static final String AGREEMENT = "AGREEMENT#";
    private static final String REMINDER = "REMINDER#";
    private static final String LEDGER = "LEDGER#";
    private static final String CALENDAR = "CALENDAR#";
    private static final String PAYMENT_RUN = "PAYMENT_RUN#";
    private static final String PERSON = "PERSON#";
    /**
     * Monitoring's lists, under {@code AGREEMENT#} and {@code REMINDER#} so that a policy on those
     * prefixes covers them, and never an agreement's own partition: no agreement id has a {@code #}.
     */
    static final String AGREEMENT_ORGANISATIONS = "AGREEMENT##ORGANISATIONS";
    private static final String AGREEMENTS_OF = "AGREEMENT##ORGANISATION#";
    private static final String MONITORING_SETTINGS = "AGREEMENT##SETTINGS#";
    static final String REMINDER_DAYS = "REMINDER##DAYS";
    private static final String REGISTER = "REGISTER#";
    private static final String FIGURE = "FIGURE#";
    private static final String NARRATIVE = "NARRATIVE#";
    private static final String GOVERNANCE = "GOVERN#";
    /** The registers with governance, under {@code GOVERN#} and never a register's own (no register id has a {@code #}). */
    static final String GOVERNED_REGISTERS = "GOVERN##REGISTERS";
    /** The list of registers, one item each (sort key: its id), under {@code REGISTER#} and never a register's own. */
    static final String REGISTERS = "REGISTER##LIST";
    private static final String GOVERNED_BODY = "BODY#";
    private static final String GOVERNED_MEETING = "MEETING#";
    private static final String GOVERNED_DECISION = "DECISION#";
    private static final String GOVERNED_ACTION = "ACTION#";
    private static final String RECOMMENDATION = "RECOMMENDATION#";
    private static final String REVIEW = "REVIEW#";
    private static final String TAKEN_ID = "ID#";
    private static final String ACTIONS_DUE = "##DUE";
    private static final String ESCALATION = "ESCALATION#";
    private static final String BUDGET = "BUDGET#";
    private static final String BUDGET_LINE = "LINE#";
    private static final String BUDGET_ENTRY = "ENTRY#";
    private static final String OVERSPEND = "OVERSPEND#";

    /** Sort keys of items that are alone in their partition, or the head of a programme. */
    static final String PROGRAMME_HEAD = "PROGRAMME";
    static final String SEND_ITEM = "SEND";
    static final String SES_MESSAGE_ITEM = "SESMESSAGE";
    static final String SUPPRESSED_ITEM = "SUPPRESSED";
    static final String EXPORT_ITEM = "EXPORT";
    static final String ROUND_HEAD = "ROUND";
    static final String AGREEMENT_ITEM = "AGREEMENT";
    static final String BANK_HOLIDAYS_ITEM = "BANKHOLIDAYS";
    static final String SETTINGS_ITEM = "SETTINGS";
    static final String PERSON_ADDRESS_ITEM = "ADDRESS";
    static final String REGISTER_ITEM = "REGISTER";
    /** Under a programme: which of its commit jobs is unfinished, if one is. */
    static final String COMMITTING = "COMMITTING";

    private Keys() {
    }

    // Partitions.

    static String programme(String programmeId) {
        return PROGRAMME + programmeId;
    }

    /** A committed run's rows and localities, apart from its header so that a run is read in one query. */
    static String runItems(String programmeId, String runId) {
        return RUN + programmeId + "#" + runId;
    }

    static String send(String what) {
        return SEND + what;
    }

    /**
     * A programme's notices, in a partition of their own: the functions that send and mark notices
     * may write there (IAM's dynamodb:LeadingKeys), and never where programmes and runs are.
     */
    static String notices(String programmeId) {
        return NOTICES + programmeId;
    }

    /** A run's complete export: its own partition, so that ExportFinance writes nothing where runs are. */
    static String export(String programmeId, String runId) {
        return EXPORT + programmeId + "#" + runId;
    }

    /** How many sends of one kind one wall-clock second has had: the rate shared by every sender. */
    static String sendRate(String what) {
        return RATE + what;
    }

    /** A programme's or a round's audit trail: a partition of the audit table, added to by every function that changes anything. */
    static String audit(String programmeId) {
        return AUDIT + programmeId;
    }

    /** An entry's sort key: its time first, so the trail reads in order; the suffix keeps simultaneous changes apart. */
    static String auditEntry(String at, String unique) {
        return at + "#" + unique;
    }

    static String second(long epochSecond) {
        return Long.toString(epochSecond);
    }

    /**
     * A person's bindings, one partition per user pool subject: every scope they are bound in is
     * read in one query when their token is made (SignInClaims); AllocateGrants writes them.
     */
    static String binding(String subject) {
        return BINDING + subject;
    }

    /** A binding's sort key: the programme or round it applies in, or * for every one. */
    static String bindingScope(String scope) {
        return scope;
    }

    /**
     * The bindings of one programme or round (a copy of each, written with it): who is bound there,
     * read in one query when a manager chooses a panel member.
     */
    static String bindingsIn(String scope) {
        return BINDINGS_IN_SCOPE + scope;
    }

    /** A binding's sort key among its scope's: the person's user pool sub. */
    static String bindingSubject(String subject) {
        return subject;
    }

    static String sesMessage(String messageId) {
        return SES_MESSAGE + messageId;
    }

    /**
     * A suppressed address's key: the SHA-256 of the address as compared (trimmed, lower-cased), so
     * that no address appears in a key (keys reach CloudTrail, stream records and error messages).
     * A plain hash of an address can be guessed by hashing candidates; it keeps addresses out of
     * sight, it does not keep them secret from someone who may read the table.
     */
    static String suppressed(String address) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    ("suppressed-address:" + address.strip().toLowerCase(Locale.ROOT)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return SUPPRESSED + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static String support(String programmeId) {
        return SUPPORT + programmeId;
    }

    /** A commissioning round: its head and every record of its stages. */
    static String round(String roundId) {
        return ROUND + roundId;
    }

    // Monitoring (see DynamoMonitoringStore).

    /** A monitored agreement: its whole record, one item; also its sort key in its organisation's list and in a day's reminders. */
    static String agreement(String agreementId) {
        return AGREEMENT + agreementId;
    }

    /** How a programme or round monitors the agreements it makes (a scope id is a programme's or round's). */
    static String monitoringSettings(String scopeId) {
        return MONITORING_SETTINGS + scopeId;
    }

    /** The agreements of one organisation (a payment run reads them together, M10). */
    static String agreementsOf(String organisation) {
        return AGREEMENTS_OF + organisation;
    }

    /** An organisation's sort key in the list of organisations with an agreement. */
    static String organisation(String organisation) {
        return organisation;
    }

    /** The agreements with a reminder planned on a day: the index the daily run reads. */
    static String remindersOn(java.time.LocalDate day) {
        return REMINDER + day;
    }

    /** A day's sort key in the list of days with a reminder planned: ISO dates sort as the days do. */
    static String day(java.time.LocalDate day) {
        return day.toString();
    }

    /** An agreement's reminder ledger: one item per reminder handled, written once. */
    static String ledger(String agreementId) {
        return LEDGER + agreementId;
    }

    /** A ledger row's sort key: the reminder's own id, {@code <return>/<rule>/<due date>}. */
    static String ledgerEntry(String reminderId) {
        return reminderId;
    }

    /** A day's payment runs: each run's lines and its header, sorted by run (as they were made) then line. */
    public static String paymentRunsOn(java.time.LocalDate day) {
        return PAYMENT_RUN + day;
    }

    /** A run's header, written last: a run without one stopped part way. */
    static String paymentRunHeader(String runId) {
        return runId + "#MADE";
    }

    /** A paid instalment's line of a run: no agreement id has a {@code #}, so a run's lines never mix with another's. */
    static String paidLine(String runId, String agreementId, int instalment) {
        return runId + PAID_LINE + agreementId + "#" + String.format("%04d", instalment);
    }

    /** What marks a run's line as a paid instalment's (the ledger's intake reads those from the stream). */
    private static final String PAID_LINE = "#PAID#";

    /** The keys of a payment run's paid line, as a stream record names them. */
    public static Map<String, String> paidLineKeys(java.time.LocalDate day, String runId, String agreementId,
                                                   int instalment) {
        return Map.of(GrantsTable.PK, paymentRunsOn(day), GrantsTable.SK, paidLine(runId, agreementId, instalment));
    }

    /** A held instalment's line of a run. */
    static String heldLine(String runId, String agreementId, int instalment) {
        return runId + "#HELD#" + agreementId + "#" + String.format("%04d", instalment);
    }

    /** A calendar's days that are not working days, held as data so that a new one needs no deploy. */
    static String calendar(String calendarId) {
        return CALENDAR + calendarId;
    }

    /** A person's own partition: their address (an officer's, kept when a manager names them). */
    static String person(String personId) {
        return PERSON + personId;
    }

    // Performance reporting (see DynamoReportingStore).

    /** An indicator register: its whole record, and beside it every figure and narrative recorded for it. */
    static String register(String registerId) {
        return REGISTER + registerId;
    }

    /**
     * A register's figure reminders handled, beside monitoring's ledgers (under {@code LEDGER#}, never an
     * agreement's: no agreement id has a {@code #}); each row's sort key is the reminder's id.
     */
    static String figureReminderLedger(String registerId) {
        return LEDGER + "REGISTER#" + registerId;
    }

    /**
     * A quarter's accepted figure: {@code <indicator>#<period>#<sequence>}, written once, so two owners
     * racing for one revision cannot both win. The sequence has four digits, so that a quarter's
     * figures list in the order recorded.
     */
    static String figure(String indicatorId, String period, int sequence) {
        return FIGURE + indicatorId + "#" + period + "#" + String.format("%04d", sequence);
    }

    static String figurePrefix() {
        return FIGURE;
    }

    /** The owner's narrative of a quarter, the {@code number}th written for it (the latest one is shown). */
    static String narrative(String indicatorId, String period, int number) {
        return narrativesOf(indicatorId, period) + String.format("%04d", number);
    }

    /** Every narrative of one indicator's quarter. */
    static String narrativesOf(String indicatorId, String period) {
        return NARRATIVE + indicatorId + "#" + period + "#";
    }

    static String narrativePrefix() {
        return NARRATIVE;
    }

    // Governance (see DynamoGovernanceStore): one partition per register, beside the register's own.

    /** A register's governance: its bodies, meetings, decisions, actions, recommendations, reviews and ledger. */
    static String governance(String registerId) {
        return GOVERNANCE + registerId;
    }

    static String governedBody(String bodyId) {
        return GOVERNED_BODY + bodyId;
    }

    static String governedBodyPrefix() {
        return GOVERNED_BODY;
    }

    /** A body's meeting on a day: ISO dates sort as the days do. */
    static String governedMeeting(String bodyId, java.time.LocalDate date) {
        return GOVERNED_MEETING + bodyId + "#" + date;
    }

    static String governedMeetingPrefix() {
        return GOVERNED_MEETING;
    }

    static String governedDecision(String decisionId) {
        return GOVERNED_DECISION + decisionId;
    }

    static String governedDecisionPrefix() {
        return GOVERNED_DECISION;
    }

    static String governedAction(String actionId) {
        return GOVERNED_ACTION + actionId;
    }

    static String governedActionPrefix() {
        return GOVERNED_ACTION;
    }

    static String recommendation(String recommendationId) {
        return RECOMMENDATION + recommendationId;
    }

    static String recommendationPrefix() {
        return RECOMMENDATION;
    }

    static String review(String reviewId) {
        return REVIEW + reviewId;
    }

    static String reviewPrefix() {
        return REVIEW;
    }

    /** An id of the register taken (G1): by a record, or by evidence or a finding inside a review. */
    static String takenId(String id) {
        return TAKEN_ID + id;
    }

    /**
     * The daily run's index, a partition of its own beside the register's (so that a policy may let only
     * it be deleted from): an open action not yet escalated, under its current due day, so that the
     * days before a day are one range of keys (ISO dates sort as the days do).
     */
    static String actionsDue(String registerId) {
        return governance(registerId) + ACTIONS_DUE;
    }

    static String actionDue(java.time.LocalDate due, String actionId) {
        return due + "#" + actionId;
    }

    /** The first key after every day before {@code day}: the end of the daily run's range. */
    static String actionsDueBefore(java.time.LocalDate day) {
        return day.toString();
    }

    /** An action's row of the escalation ledger, written once. */
    static String escalation(String actionId) {
        return ESCALATION + actionId;
    }

    static String escalationPrefix() {
        return ESCALATION;
    }

    /** A register with governance, in the list the daily run reads. */
    static String governedRegister(String registerId) {
        return registerId;
    }

    // Sort keys under a programme.

    static String run(String runId) {
        return RUN + runId;
    }

    static String runPrefix() {
        return RUN;
    }

    static String commitJob(String jobId) {
        return COMMIT_JOB + jobId;
    }

    static String idempotency(String key) {
        return IDEMPOTENCY + key;
    }

    /** A notice's sort key in its programme's notices partition: the notice's own key, which sorts by run. */
    static String notice(String key) {
        return key;
    }

    static String bulletin(String bulletinId) {
        return BULLETIN + bulletinId;
    }

    /** A letter beside the notices that send it; not a notice itself. */
    static String letter(String letterId) {
        return LETTER + letterId;
    }

    /** A stored document's parts: a fresh set per save, or one per input hash for a run's snapshot. */
    static String documentParts(String uniqueId) {
        return DOCUMENT + uniqueId;
    }

    static String snapshot(String inputHash) {
        return SNAPSHOT + inputHash;
    }

    static String part(String parts, int index) {
        return parts + PART + String.format("%05d", index);
    }

    // Sort keys of a run's items.

    static String row(String partnershipId) {
        return ROW + partnershipId;
    }

    static String rowPrefix() {
        return ROW;
    }

    static String locality(String county) {
        return LOCALITY + county;
    }

    static String localityPrefix() {
        return LOCALITY;
    }

    // Sort keys under a programme's support days.

    static String adviser(String adviserId) {
        return ADVISER + adviserId;
    }

    static String adviserPrefix() {
        return ADVISER;
    }

    static String pool(String poolId) {
        return POOL + poolId;
    }

    static String poolPrefix() {
        return POOL;
    }

    static String poolMember(String partnershipId) {
        return POOL_MEMBER + partnershipId;
    }

    static String booking(String bookingId) {
        return BOOKING + bookingId;
    }

    /** The item holding an account's counters: an adviser's and a pool's are their own items. */
    static String counter(Account account) {
        if (account instanceof Account.OfPartnership) {
            return PARTNERSHIP_COUNTER + account.id();
        }
        return account instanceof Account.OfPool ? pool(account.id()) : adviser(account.id());
    }

    /** The account whose counters an item holds, if it is one. */
    static Optional<Account> counterAccount(String sk) {
        if (sk.startsWith(PARTNERSHIP_COUNTER)) {
            return Optional.of(new Account.OfPartnership(sk.substring(PARTNERSHIP_COUNTER.length())));
        }
        if (sk.startsWith(POOL)) {
            return Optional.of(new Account.OfPool(sk.substring(POOL.length())));
        }
        if (sk.startsWith(ADVISER)) {
            return Optional.of(new Account.OfAdviser(sk.substring(ADVISER.length())));
        }
        return Optional.empty();
    }

    // What an item is, from its keys: the table stream hands the functions keys alone.

    /** An item the stream-triggered functions act on when it is inserted. */
    public sealed interface Item {
        /** A committed run's header: the run is whole and visible. */
        record CommittedRun(String programmeId, String runId) implements Item {
        }

        /** A commit job to do: a large programme's run, written in the background. */
        record QueuedCommit(String programmeId, String jobId) implements Item {
        }

        /** A notice to send, of a run, a re-issue or a bulletin. */
        record NewNotice(String programmeId, String noticeKey) implements Item {
        }

        /** A round's head, written at each change of stage (monitoring enters a published round's contracts). */
        record RoundHead(String roundId) implements Item {
        }

        /** A lead organisation's acceptance of its contract in a round. */
        record AcceptedContract(String roundId, String contractId) implements Item {
        }

        /** An instalment a payment run paid: its line, written with the agreement it marked paid. */
        record PaidInstalment(java.time.LocalDate day, String runId, String agreementId, int instalment) implements Item {
        }
    }

    // Sort keys under a round; a prefix alone lists every record of its kind.

    static String ballot(String voter) {
        return BALLOT + voter;
    }

    static String ballotPrefix() {
        return BALLOT;
    }

    static String specification(String id) {
        return SPECIFICATION + id;
    }

    static String specificationPrefix() {
        return SPECIFICATION;
    }

    static String panel(String specification) {
        return PANEL + specification;
    }

    static String panelPrefix() {
        return PANEL;
    }

    /** A member's answer for one proposal: an interest declared in it, or none (each given once). */
    static String declaration(String member, String proposal) {
        return DECLARATION + member + "#" + proposal;
    }

    static String declarationPrefix() {
        return DECLARATION;
    }

    static String proposal(String id) {
        return PROPOSAL + id;
    }

    static String proposalPrefix() {
        return PROPOSAL;
    }

    static String score(String proposal, String member) {
        return SCORE + proposal + "#" + member;
    }

    static String scorePrefix() {
        return SCORE;
    }

    static String refusedScore(String proposal, String member) {
        return REFUSED_SCORE + proposal + "#" + member;
    }

    static String refusedScorePrefix() {
        return REFUSED_SCORE;
    }

    static String moderation(String proposal) {
        return MODERATION + proposal;
    }

    static String moderationPrefix() {
        return MODERATION;
    }

    static String meeting(String proposal, String at) {
        return MEETING + proposal + "#" + at;
    }

    static String meetingPrefix() {
        return MEETING;
    }

    static String decision(String proposal) {
        return DECISION + proposal;
    }

    static String decisionPrefix() {
        return DECISION;
    }

    static String contract(String id) {
        return CONTRACT + id;
    }

    static String contractPrefix() {
        return CONTRACT;
    }

    /** A lead organisation's acceptance of its contract: beside the contract, never in it, written once. */
    static String acceptance(String contractId) {
        return ACCEPTANCE + contractId;
    }

    static String acceptancePrefix() {
        return ACCEPTANCE;
    }

    /** The keys of a committed run's header, as a stream record names them: for tools that play the stream's part. */
    public static Map<String, String> committedRunKeys(String programmeId, String runId) {
        return Map.of(GrantsTable.PK, programme(programmeId), GrantsTable.SK, run(runId));
    }

    /** The keys of a round's head, as a stream record names them (written at each change of stage). */
    public static Map<String, String> roundHeadKeys(String roundId) {
        return Map.of(GrantsTable.PK, round(roundId), GrantsTable.SK, ROUND_HEAD);
    }

    /** The keys of a new commit job, as a stream record names them. */
    public static Map<String, String> commitJobKeys(String programmeId, String jobId) {
        return Map.of(GrantsTable.PK, programme(programmeId), GrantsTable.SK, commitJob(jobId));
    }

    /** The keys of a new notice, as a stream record names them. */
    public static Map<String, String> noticeKeys(String programmeId, String noticeKey) {
        return Map.of(GrantsTable.PK, notices(programmeId), GrantsTable.SK, notice(noticeKey));
    }

    // The money ledger (see DynamoLedgerStore): one partition per programme or round.

    /** A programme's or round's budget lines, the ledger's entries and overspend requests. */
    static String budget(String scope) {
        return BUDGET + scope;
    }

    /** A line in a financial year: "2007-08" sorts as the years do. */
    static String budgetLine(String year, String lineId) {
        return BUDGET_LINE + year + "#" + lineId;
    }

    static String budgetLinePrefix() {
        return BUDGET_LINE;
    }

    static String budgetEntry(String entryId) {
        return BUDGET_ENTRY + entryId;
    }

    static String budgetEntryPrefix() {
        return BUDGET_ENTRY;
    }

    static String overspend(String requestId) {
        return OVERSPEND + requestId;
    }

    // A programme's events (Learning to Deliver's workshops, Action Learning Sets and seminars), under EVENTS#{programmeId}.

    static String events(String programmeId) {
        return "EVENTS#" + programmeId;
    }

    /** An event's head: its details and the version every change of its registrations moves on. */
    static String event(String eventId) {
        return "EVENT#" + eventId;
    }

    static String eventPrefix() {
        return "EVENT#";
    }

    static String registration(String eventId, String registrationId) {
        return registrationPrefix(eventId) + registrationId;
    }

    static String registrationPrefix(String eventId) {
        return event(eventId) + "#REG#";
    }

    /** The mark that a once-only email of an event went (an invitation to one address, the reminder). */
    static String eventSent(String eventId, String once) {
        return event(eventId) + "#SENT#" + once;
    }

    static String learningSet(String setId) {
        return "SET#" + setId;
    }

    static String learningSetPrefix() {
        return "SET#";
    }

    static String setNote(String setId, String meetingId) {
        return setNotePrefix(setId) + meetingId;
    }

    static String setNotePrefix(String setId) {
        return "NOTE#" + setId + "#";
    }

    public static Optional<Item> item(String pk, String sk) {
        if (pk == null || sk == null) {
            return Optional.empty();
        }
        if (pk.startsWith(PROGRAMME) && sk.startsWith(RUN)) {
            return Optional.of(new Item.CommittedRun(pk.substring(PROGRAMME.length()), sk.substring(RUN.length())));
        }
        if (pk.startsWith(PROGRAMME) && sk.startsWith(COMMIT_JOB)) {
            return Optional.of(new Item.QueuedCommit(pk.substring(PROGRAMME.length()), sk.substring(COMMIT_JOB.length())));
        }
        if (pk.startsWith(NOTICES) && !sk.startsWith(LETTER)) {
            return Optional.of(new Item.NewNotice(pk.substring(NOTICES.length()), sk));
        }
        if (pk.startsWith(ROUND) && !pk.equals(ROUNDS) && sk.equals(ROUND_HEAD)) {
            return Optional.of(new Item.RoundHead(pk.substring(ROUND.length())));
        }
        if (pk.startsWith(ROUND) && sk.startsWith(ACCEPTANCE)) {
            return Optional.of(new Item.AcceptedContract(pk.substring(ROUND.length()), sk.substring(ACCEPTANCE.length())));
        }
        if (pk.startsWith(PAYMENT_RUN) && sk.contains(PAID_LINE) && sk.lastIndexOf('#') > sk.indexOf(PAID_LINE)) {
            int paid = sk.indexOf(PAID_LINE);
            int number = sk.lastIndexOf('#');
            return Optional.of(new Item.PaidInstalment(java.time.LocalDate.parse(pk.substring(PAYMENT_RUN.length())),
                    sk.substring(0, paid), sk.substring(paid + PAID_LINE.length(), number),
                    Integer.parseInt(sk.substring(number + 1))));
        }
        return Optional.empty();
    }

    // Learning to Deliver's assessments (see DynamoAssessmentStore): one partition per programme.

    private static final String ASSESS = "ASSESS#";
    private static final String FRAMEWORK = "FRAMEWORK#";
    private static final String ASSESSMENT = "ASSESSMENT#";

    /** A programme's competency frameworks and its partnerships' assessments. */
    static String assess(String programmeId) {
        return ASSESS + programmeId;
    }

    /** A framework's version, zero-padded so that versions sort as numbers ("FRAMEWORK#000012"). */
    static String framework(int version) {
        return FRAMEWORK + String.format(Locale.ROOT, "%06d", version);
    }

    static String frameworkPrefix() {
        return FRAMEWORK;
    }

    /** An assessment, under its partnership, so one partnership's are read together. */
    static String assessment(String partnershipId, String assessmentId) {
        return ASSESSMENT + partnershipId + "#" + assessmentId;
    }

    static String assessmentsOf(String partnershipId) {
        return ASSESSMENT + partnershipId + "#";
    }

    static String assessmentPrefix() {
        return ASSESSMENT;
    }

    // The evaluation's items: a programme's surveys, invitations, answers, reminders, interviews and
    // recommendations in one partition; a link under its token's hash, alone, so it is found by the hash.
    private static final String SURVEY = "SURVEY#";
    private static final String SURVEY_WAVE = "WAVE#";
    private static final String SURVEY_INVITATION = "INVITE#";
    private static final String SURVEY_ANSWER = "ANSWER#";
    private static final String SURVEY_REMINDER = "REMINDED#";
    private static final String INTERVIEW = "INTERVIEW#";
    static final String RECOMMENDATIONS_ITEM = "RECOMMENDATIONS";
    private static final String SURVEY_LINK = "SURVEYLINK#";
    static final String SURVEY_LINK_ITEM = "LINK";

    static String survey(String programmeId) {
        return SURVEY + programmeId;
    }

    static String surveyWave(String wave) {
        return SURVEY_WAVE + wave;
    }

    static String surveyWavePrefix() {
        return SURVEY_WAVE;
    }

    static String surveyInvitation(String wave, String contactKey) {
        return SURVEY_INVITATION + wave + "#" + contactKey;
    }

    static String surveyInvitationPrefix(String wave) {
        return SURVEY_INVITATION + wave + "#";
    }

    static String surveyAnswer(String wave, String contactKey) {
        return SURVEY_ANSWER + wave + "#" + contactKey;
    }

    static String surveyAnswerPrefix(String wave) {
        return SURVEY_ANSWER + wave + "#";
    }

    static String surveyReminder(String wave, String contactKey, int number) {
        return SURVEY_REMINDER + wave + "#" + contactKey + "#" + number;
    }

    static String interview(String interviewId) {
        return INTERVIEW + interviewId;
    }

    static String interviewPrefix() {
        return INTERVIEW;
    }

    static String surveyLink(String tokenHash) {
        return SURVEY_LINK + tokenHash;
    }
}
