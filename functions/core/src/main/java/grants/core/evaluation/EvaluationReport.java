package grants.core.evaluation;

import java.util.List;
import java.util.Optional;

/**
 * The final evaluation report: who answered (per partnership and overall, per wave), each question asked in
 * both waves compared baseline against end over the partnerships that answered both (overall, by tier, by
 * locality), the support each partnership received, the interview notes and the recommendations.
 */
public record EvaluationReport(String programmeId, List<PartnershipResponse> responses, Rate baselineOverall,
                               Rate endOverall, List<PairedQuestion> questions, List<SupportLine> support,
                               List<InterviewNote> interviews, Optional<Recommendations> recommendations) {

    public EvaluationReport {
        responses = List.copyOf(responses);
        questions = List.copyOf(questions);
        support = List.copyOf(support);
        interviews = List.copyOf(interviews);
    }

    /** Contacts who answered of those invited. */
    public record Rate(int answered, int invited) {

        /** "2 of 3 (66.67%)", or "Nobody invited". */
        public String words() {
            return invited == 0 ? "Nobody invited"
                    : answered + " of " + invited + " (" + Ratio.of(answered, invited).percent() + ")";
        }
    }

    public record PartnershipResponse(String partnershipId, String name, String tier, String locality, Rate baseline,
                                      Rate end) {
    }

    /** A question's means over {@code partnerships} paired partnerships: each partnership's own mean, then their mean. */
    public record Comparison(String group, int partnerships, Ratio baseline, Ratio end) {

        public Ratio change() {
            return end.minus(baseline);
        }
    }

    public record PairedQuestion(Question question, Comparison overall, List<Comparison> byTier,
                                 List<Comparison> byLocality) {

        public PairedQuestion {
            byTier = List.copyOf(byTier);
            byLocality = List.copyOf(byLocality);
        }
    }

    public record SupportLine(String partnershipId, String name, int halfDaysDelivered, int eventsAttended,
                              boolean answeredBothWaves) {
    }
}
