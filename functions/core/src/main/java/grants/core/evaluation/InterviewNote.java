package grants.core.evaluation;

import java.time.LocalDate;

/** What the evaluator noted of a telephone interview with someone of a partnership. */
public record InterviewNote(String programmeId, String interviewId, String partnershipId, LocalDate on,
                            String interviewee, String notes, String recordedBy) {
}
