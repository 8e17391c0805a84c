package grants.core.evaluation;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.core.errors.Problem;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The evaluation's surveys: the evaluator (or the manager) sets one up for a wave and opens it, which
 * invites every contact of every partnership by email with a link of their own; two reminders go to
 * those who have not answered, each once and none after the closing date; a contact answers through
 * the link, without an account, once.
 */
public final class SurveyService {

    /** Who answers through a link: nobody signed in; the trail names the link, never the person. */
    static final Actor THROUGH_A_LINK = Actor.system("survey-link");

    private final EvaluationStore store;
    private final SurveyedPartnership.Source partnerships;
    private final SurveyMail mail;
    private final String answerPageAddress;
    private final Clock clock;

    /** @param answerPageAddress where a link's token is appended: the console's {@code .../surveys/answer/} */
    public SurveyService(EvaluationStore store, SurveyedPartnership.Source partnerships, SurveyMail mail,
                         String answerPageAddress, Clock clock) {
        this.store = store;
        this.partnerships = partnerships;
        this.mail = mail;
        this.answerPageAddress = answerPageAddress;
        this.clock = clock;
    }

    /** What opening or a reminder did: how many were emailed, and how many were skipped as suppressed. */
    public record Sent(int emailed, int suppressed) {
    }

    public Survey setUp(Actor caller, String programmeId, Wave wave, SurveySetup setup) {
        mayEvaluate(caller, programmeId);
        Survey draft = setup.draft(programmeId, wave, today());
        Optional<Survey> before = store.survey(programmeId, wave);
        if (before.filter(draft::equals).isPresent()) {
            return draft;
        }
        if (!store.saveDraft(draft, audit(caller, programmeId, "SURVEY_SET_UP", wave,
                before.map(SurveyService::describe).orElse(null), describe(draft)))) {
            throw new ConflictException("SURVEY_ALREADY_OPEN", "The " + wave.words() + " survey is open: its questions "
                    + "can no longer change, so that every answer is to the same questions.");
        }
        return draft;
    }

    public Survey survey(Actor caller, String programmeId, Wave wave) {
        mayRead(caller, programmeId);
        return find(programmeId, wave);
    }

    public List<Survey> surveys(Actor caller, String programmeId) {
        mayRead(caller, programmeId);
        return store.surveys(programmeId);
    }

    public List<Invitation> invitations(Actor caller, String programmeId, Wave wave) {
        mayRead(caller, programmeId);
        return store.invitations(programmeId, wave);
    }

    /**
     * Opens the survey and invites each contact of each partnership, each by a link of their own. Opening
     * again (after a failure part way) invites only those not yet invited.
     */
    public Sent open(Actor caller, String programmeId, Wave wave) {
        mayEvaluate(caller, programmeId);
        Survey survey = find(programmeId, wave);
        if (survey.closingDate().isBefore(today())) {
            throw new ConflictException("SURVEY_CLOSED", "The survey closed on its closing date; set up its questions "
                    + "again with a closing date to come.");
        }
        if (survey.state() == SurveyState.DRAFT) {
            Survey opened = survey.opened();
            if (!store.replace(survey, opened, audit(caller, programmeId, "SURVEY_OPENED", wave, "draft",
                    "open until " + survey.closingDate()))) {
                throw changedMeanwhile();
            }
            survey = opened;
        }
        Map<String, SurveyedPartnership> byId = partnershipsOf(programmeId);
        byId.values().forEach(partnership -> partnership.contacts().stream()
                .filter(contact -> contact.email() != null && !contact.email().isBlank())
                .forEach(contact -> store.addInvitation(Invitation.of(programmeId, wave, partnership, contact))));
        int emailed = 0;
        int suppressed = 0;
        for (Invitation invitation : store.invitations(programmeId, wave)) {
            if (invitation.invitedOn().isPresent()) {
                continue;
            }
            if (send(survey, invitation, byId, 0)) {
                emailed++;
            } else {
                suppressed++;
            }
            store.invited(invitation.invited(today()), audit(caller, programmeId, "SURVEY_INVITATION_SENT", wave,
                    null, "contact " + invitation.contactKey() + " of " + invitation.partnershipId()));
        }
        return new Sent(emailed, suppressed);
    }

    /**
     * The next of the survey's two reminders, to each contact invited who has not answered, each written in
     * the reminder ledger once. None after the closing date, and no third.
     */
    public Sent remind(Actor caller, String programmeId, Wave wave) {
        mayEvaluate(caller, programmeId);
        Survey survey = find(programmeId, wave);
        if (!survey.isOpenOn(today())) {
            throw new ConflictException("SURVEY_NOT_OPEN", survey.state() == SurveyState.DRAFT
                    ? "The survey is not open yet: open it first, which sends the invitations."
                    : "The survey closed on " + survey.closingDate() + ": no reminder is sent after its closing date.");
        }
        if (survey.remindersSent() >= Survey.REMINDERS) {
            throw new ConflictException("REMINDERS_ALL_SENT", "Both reminders have been sent: the seed asks for two.");
        }
        Survey reminded = survey.reminded();
        int number = reminded.remindersSent();
        if (!store.replace(survey, reminded, audit(caller, programmeId, "SURVEY_REMINDER_STARTED", wave,
                survey.remindersSent() + " reminders sent", "reminder " + number))) {
            throw changedMeanwhile();
        }
        Map<String, SurveyedPartnership> byId = partnershipsOf(programmeId);
        int emailed = 0;
        int suppressed = 0;
        for (Invitation invitation : store.invitations(programmeId, wave)) {
            if (invitation.isAnswered() || invitation.invitedOn().isEmpty()
                    || !store.claimReminder(invitation, number, audit(caller, programmeId, "SURVEY_REMINDER_SENT", wave,
                    null, "reminder " + number + " to contact " + invitation.contactKey() + " of " + invitation.partnershipId()))) {
                continue;
            }
            if (send(reminded, invitation, byId, number)) {
                emailed++;
            } else {
                suppressed++;
            }
        }
        return new Sent(emailed, suppressed);
    }

    /** The survey a link opens, to be answered: refused alike whether never issued, used or expired. */
    public Survey questions(String token) {
        return open(token).survey();
    }

    /**
     * Keeps a contact's answers and spends their link, in one transaction. A scale is 1 to 5, a number a whole
     * number of 0 or more, text optional; every problem is named by the question's id and nothing is kept.
     */
    public SurveyAnswer answer(String token, Map<String, String> typed) {
        Opened opened = open(token);
        Map<String, String> values = checked(opened.survey(), typed);
        SurveyLink link = opened.link();
        SurveyAnswer answer = new SurveyAnswer(link.programmeId(), link.wave(), link.contactKey(), link.partnershipId(),
                today(), values);
        if (!store.answer(answer, AuditEntry.by(THROUGH_A_LINK, clock.instant(), link.programmeId(), "SURVEY_ANSWERED",
                "the " + link.wave().words() + " survey", null, "answered for " + link.partnershipId()
                        + " through a contact's link (" + values.size() + " answers)"))) {
            throw new LinkRefusedException();
        }
        return answer;
    }

    private record Opened(SurveyLink link, Survey survey) {
    }

    private Opened open(String token) {
        if (!LinkToken.isWellFormed(token)) {
            throw new LinkRefusedException();
        }
        SurveyLink link = store.link(LinkToken.hash(token)).orElseThrow(LinkRefusedException::new);
        if (today().isAfter(link.lastDay())) {
            throw new LinkRefusedException();
        }
        Survey survey = store.survey(link.programmeId(), link.wave()).filter(s -> s.isOpenOn(today()))
                .orElseThrow(LinkRefusedException::new);
        boolean answered = store.invitations(link.programmeId(), link.wave()).stream()
                .filter(invitation -> invitation.contactKey().equals(link.contactKey()))
                .findFirst().map(Invitation::isAnswered).orElse(true);
        if (answered) {
            throw new LinkRefusedException();
        }
        return new Opened(link, survey);
    }

    static Map<String, String> checked(Survey survey, Map<String, String> typed) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = new TreeMap<>();
        typed.keySet().stream().filter(id -> survey.question(id).isEmpty()).sorted()
                .forEach(id -> problems.add(new Problem(id, "is not a question of this survey")));
        for (Question question : survey.questions()) {
            String value = typed.getOrDefault(question.id(), "").strip();
            switch (question.kind()) {
                case SCALE -> {
                    if (!value.matches("[1-5]")) {
                        problems.add(new Problem(question.id(), "must be answered: choose a number from 1 to 5"));
                    }
                }
                case NUMBER -> {
                    if (!value.matches("[0-9]{1,6}")) {
                        problems.add(new Problem(question.id(), "must be a whole number, such as 3"));
                    } else {
                        value = Integer.toString(Integer.parseInt(value));
                    }
                }
                case TEXT -> {
                    if (value.length() > 5000) {
                        problems.add(new Problem(question.id(), "must be 5,000 characters or fewer"));
                    }
                }
            }
            if (!value.isEmpty()) {
                values.put(question.id(), value);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0).field() + " " + problems.get(0).problem(), problems);
        }
        return values;
    }

    private boolean send(Survey survey, Invitation invitation, Map<String, SurveyedPartnership> byId, int reminder) {
        String token = LinkToken.generate();
        store.addLink(new SurveyLink(LinkToken.hash(token), survey.programmeId(), survey.wave(), invitation.contactKey(),
                invitation.partnershipId(), survey.closingDate()));
        String partnershipName = Optional.ofNullable(byId.get(invitation.partnershipId()))
                .map(SurveyedPartnership::name).orElse(invitation.partnershipId());
        SurveyEmails.Written email = SurveyEmails.write(survey, invitation, partnershipName, answerPageAddress + token,
                reminder);
        return mail.send(survey.programmeId(), invitation.email(), email.subject(), email.text(), email.html());
    }

    private Map<String, SurveyedPartnership> partnershipsOf(String programmeId) {
        return partnerships.of(programmeId).stream().collect(Collectors.toMap(SurveyedPartnership::id,
                Function.identity(), (a, b) -> a, TreeMap::new));
    }

    private Survey find(String programmeId, Wave wave) {
        return store.survey(programmeId, wave).orElseThrow(() -> new NotFoundException("No " + wave.words()
                + " survey is set up for " + programmeId + "."));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private AuditEntry audit(Actor caller, String programmeId, String action, Wave wave, String before, String after) {
        return AuditEntry.by(caller, clock.instant(), programmeId, action, "the " + wave.words() + " survey", before, after);
    }

    private static String describe(Survey survey) {
        return "\"" + survey.title() + "\", " + survey.questions().size() + " questions, closing " + survey.closingDate();
    }

    private static ConflictException changedMeanwhile() {
        return new ConflictException("CHANGED_MEANWHILE", "The survey changed while this was being done; look again.");
    }

    /** The evaluator, or the manager, bound to the programme. */
    static void mayEvaluate(Actor caller, String programmeId) {
        if (!caller.worksOn(programmeId) || !(caller.has(Role.EVALUATOR) || caller.has(Role.PROGRAMME_MANAGER))) {
            throw new ForbiddenException("You are signed in as " + caller.name() + ", who does not evaluate "
                    + programmeId + ". Ask its programme manager if you need to.");
        }
    }

    /** Those who evaluate it, and auditors, bound to the programme. */
    static void mayRead(Actor caller, String programmeId) {
        if (!caller.worksOn(programmeId) || !(caller.has(Role.EVALUATOR) || caller.has(Role.PROGRAMME_MANAGER)
                || caller.has(Role.AUDITOR))) {
            throw new ForbiddenException("You are signed in as " + caller.name() + ", who may not read the evaluation of "
                    + programmeId + ". Ask its programme manager if you need to.");
        }
    }
}
