package grants.core.evaluation;

import grants.core.access.Actor;
import grants.core.audit.AuditEntry;
import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the evaluator writes: the notes of each telephone interview, and the recommendations for improvement. */
public final class EvaluationNotes {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,59}");

    private final EvaluationStore store;
    private final SurveyedPartnership.Source partnerships;
    private final Clock clock;

    public EvaluationNotes(EvaluationStore store, SurveyedPartnership.Source partnerships, Clock clock) {
        this.store = store;
        this.partnerships = partnerships;
        this.clock = clock;
    }

    /** Keeps (or corrects) an interview's notes; the partnership must be one of the programme's. */
    public InterviewNote recordInterview(Actor caller, String programmeId, String interviewId, String partnershipId,
                                         LocalDate on, String interviewee, String notes) {
        SurveyService.mayEvaluate(caller, programmeId);
        List<Problem> problems = new ArrayList<>();
        if (interviewId == null || !ID.matcher(interviewId).matches()) {
            problems.add(new Problem("interviewId", "must be letters, digits and hyphens (at most 60)"));
        }
        if (partnershipId == null || partnerships.of(programmeId).stream().noneMatch(p -> p.id().equals(partnershipId))) {
            problems.add(new Problem("partnershipId", "must be a partnership of " + programmeId));
        }
        if (on == null) {
            problems.add(new Problem("on", "is required: the day of the interview"));
        } else if (on.isAfter(LocalDate.now(clock))) {
            problems.add(new Problem("on", "must be today or earlier: an interview is noted once it has taken place"));
        }
        if (interviewee == null || interviewee.isBlank()) {
            problems.add(new Problem("interviewee", "is required: who was interviewed, and their part in the partnership"));
        }
        if (notes == null || notes.isBlank()) {
            problems.add(new Problem("notes", "are required: what was said"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0).field() + " " + problems.get(0).problem(), problems);
        }
        InterviewNote note = new InterviewNote(programmeId, interviewId, partnershipId, on, interviewee.strip(),
                notes.strip(), caller.name());
        Optional<InterviewNote> before = store.interviews(programmeId).stream()
                .filter(kept -> kept.interviewId().equals(interviewId)).findFirst();
        if (before.filter(note::equals).isEmpty()) {
            store.putInterview(note, AuditEntry.by(caller, clock.instant(), programmeId, "INTERVIEW_NOTED",
                    "interview " + interviewId, before.map(EvaluationNotes::describe).orElse(null), describe(note)));
        }
        return note;
    }

    public List<InterviewNote> interviews(Actor caller, String programmeId) {
        SurveyService.mayRead(caller, programmeId);
        return store.interviews(programmeId);
    }

    public Recommendations recommend(Actor caller, String programmeId, String text) {
        SurveyService.mayEvaluate(caller, programmeId);
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of("text", "is required: the recommendations for improvement");
        }
        Optional<Recommendations> before = store.recommendations(programmeId);
        if (before.filter(kept -> kept.text().equals(text.strip())).isPresent()) {
            return before.get();
        }
        Recommendations recommendations = new Recommendations(programmeId, text.strip(), caller.name(), clock.instant());
        store.putRecommendations(recommendations, AuditEntry.by(caller, clock.instant(), programmeId,
                "RECOMMENDATIONS_RECORDED", "the evaluation's recommendations",
                before.map(Recommendations::text).orElse(null), recommendations.text()));
        return recommendations;
    }

    private static String describe(InterviewNote note) {
        return "with " + note.interviewee() + " of " + note.partnershipId() + " on " + note.on() + ": " + note.notes();
    }
}
