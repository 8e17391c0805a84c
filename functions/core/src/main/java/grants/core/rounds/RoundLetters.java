package grants.core.rounds;

import com.samskivert.mustache.Template;
import grants.core.commissioning.Contract;
import grants.core.commissioning.ProposalOutcome;
import grants.core.commissioning.RoundOutcome;
import grants.core.commissioning.RoundSetup;
import grants.core.commissioning.Specification;
import grants.core.commissioning.Status;
import grants.core.mail.Templates;
import grants.core.money.Money;
import grants.core.text.InWords;
import grants.core.notices.Letter;
import grants.core.notices.LetterStore;
import grants.core.notices.Notice;
import grants.core.notices.NoticeKind;
import grants.core.notices.NoticeStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A round's emails as letters queued through the notices machinery: one notice per address, keyed
 * so that publishing twice queues nothing new, sent once each by SendNotices at the shared rate
 * and skipping suppressed addresses.
 */
public final class RoundLetters implements RoundMail {

    private static final Template CALL_TEXT = Templates.text("/grants/core/rounds/call.txt.mustache");
    private static final Template CALL_HTML = Templates.html("/grants/core/rounds/call.html.mustache");
    private static final Template DECISION_TEXT = Templates.text("/grants/core/rounds/decision.txt.mustache");
    private static final Template DECISION_HTML = Templates.html("/grants/core/rounds/decision.html.mustache");
    private static final Template MEETING_TEXT = Templates.text("/grants/core/rounds/meeting.txt.mustache");
    private static final Template MEETING_HTML = Templates.html("/grants/core/rounds/meeting.html.mustache");
    private static final String CALL = "call";

    private final NoticeStore notices;
    private final LetterStore letters;
    private final Clock clock;

    public RoundLetters(NoticeStore notices, LetterStore letters, Clock clock) {
        this.notices = notices;
        this.letters = letters;
        this.clock = clock;
    }

    @Override
    public void specificationsPublished(RoundHeader header, List<Specification> specifications) {
        RoundSetup setup = header.setup();
        Map<String, Object> values = new HashMap<>();
        values.put("roundName", setup.name());
        values.put("closingDate", InWords.date(header.closingDate()));
        values.put("count", specifications.size());
        values.put("years", setup.fund().years());
        values.put("firstYearStart", setup.fund().start().getYear());
        values.put("themes", setup.crossCuttingThemes());
        List<Map<String, Object>> specs = new ArrayList<>();
        for (Specification specification : specifications.stream().sorted(Comparator.comparing(Specification::id)).toList()) {
            RoundSetup.Issue issue = setup.issue(specification.issue()).orElseThrow();
            Map<String, Object> spec = new HashMap<>();
            spec.put("id", specification.id());
            spec.put("title", issue.title());
            spec.put("outcome", specification.outcome());
            spec.put("strategicOutcome", issue.strategicOutcome());
            spec.put("indicators", String.join("; ", specification.indicators()));
            spec.put("maxAYear", Money.pounds(specification.maxAnnualPence()));
            spec.put("subGroup", specification.subGroup() == null ? "the sub-group" : specification.subGroup());
            specs.add(spec);
        }
        values.put("specifications", specs);
        String subject = setup.name() + ": call for proposals, closing " + header.closingDate();
        TreeSet<String> addresses = new TreeSet<>();
        setup.mailingList().forEach(recipient -> addresses.add(recipient.email()));
        letters.putLetter(setup.roundId(), CALL, new Letter(subject, CALL_TEXT.execute(values), CALL_HTML.execute(values),
                List.copyOf(addresses)));
        for (String address : addresses) {
            notices.create(Notice.queued(setup.roundId(), "round/" + setup.roundId() + "/call/" + Notice.recipientKey(address),
                    NoticeKind.LETTER, null, null, CALL, List.of(address), null, clock.instant()));
        }
    }

    @Override
    public void decisionsPublished(RoundHeader header, RoundOutcome outcome) {
        RoundSetup setup = header.setup();
        Map<String, Contract> contracts = new HashMap<>();
        outcome.contracts().forEach(contract -> contracts.put(contract.proposalId(), contract));
        for (ProposalOutcome proposal : outcome.proposals()) {
            RoundSetup.Organisation lead = setup.organisation(proposal.proposal().lead()).orElseThrow();
            Map<String, Object> values = toLead(setup, proposal.proposal());
            values.put("reason", proposal.reason());
            values.put("threshold", setup.fundableThreshold().format());
            if (proposal.finalScore() != null) {
                values.put("finalScore", proposal.finalScore().format());
            }
            Contract contract = contracts.get(proposal.proposal().id());
            if (proposal.status() == Status.AWARDED && contract != null) {
                values.put("awarded", Map.of("aYear", Money.pounds(contract.annualPence()), "years", contract.years(),
                        "inAll", Money.pounds(contract.totalPence()), "contractId", contract.id(),
                        "firstInstalment", Money.pounds(contract.instalments().get(0).pence()),
                        "firstDue", InWords.date(contract.instalments().get(0).due())));
            }
            String subject = setup.name() + ": " + (proposal.status() == Status.AWARDED ? "your proposal is funded"
                    : "the decision on your proposal") + " (" + proposal.proposal().id() + ")";
            String letterId = "decision-" + proposal.proposal().id();
            letters.putLetter(setup.roundId(), letterId, new Letter(subject, DECISION_TEXT.execute(values),
                    DECISION_HTML.execute(values), List.of(lead.email())));
            notices.create(Notice.queued(setup.roundId(), "round/" + setup.roundId() + "/decision/" + proposal.proposal().id(),
                    NoticeKind.LETTER, null, null, letterId, List.of(lead.email()), null, clock.instant()));
        }
    }

    /** One invitation per meeting (its proposal and time), to the lead organisation: scheduling it again sends none. */
    @Override
    public void meetingInvitation(RoundHeader header, grants.core.commissioning.Proposal proposal, Meeting meeting) {
        RoundSetup setup = header.setup();
        RoundSetup.Organisation lead = setup.organisation(proposal.lead()).orElseThrow();
        Map<String, Object> values = toLead(setup, proposal);
        values.put("date", InWords.date(meeting.at().toLocalDate()));
        values.put("time", InWords.time(meeting.at()));
        values.put("minutes", meeting.minutes());
        values.put("place", meeting.place() == null ? "to be confirmed by the programme manager" : meeting.place());
        values.put("attendees", meeting.attendees().isEmpty() ? "to be confirmed" : String.join(", ", meeting.attendees()));
        String when = meeting.at().toString().replace(":", "");
        String letterId = "meeting-" + proposal.id() + "-" + when;
        String subject = setup.name() + ": the panel invites you to meet it on " + InWords.date(meeting.at().toLocalDate()) + " ("
                + proposal.id() + ")";
        letters.putLetter(setup.roundId(), letterId, new Letter(subject, MEETING_TEXT.execute(values),
                MEETING_HTML.execute(values), List.of(lead.email())));
        notices.create(Notice.queued(setup.roundId(), "round/" + setup.roundId() + "/meeting/" + proposal.id() + "/" + when,
                NoticeKind.LETTER, null, null, letterId, List.of(lead.email()), null, clock.instant()));
    }

    /** What every letter to a proposal's lead organisation names: the round, the organisation and the proposal. */
    private static Map<String, Object> toLead(RoundSetup setup, grants.core.commissioning.Proposal proposal) {
        Map<String, Object> values = new HashMap<>();
        values.put("roundName", setup.name());
        values.put("organisationName", setup.organisation(proposal.lead()).orElseThrow().name());
        values.put("title", proposal.title());
        values.put("proposalId", proposal.id());
        values.put("specificationId", proposal.specification());
        return values;
    }
}
