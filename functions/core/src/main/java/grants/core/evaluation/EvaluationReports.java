package grants.core.evaluation;

import grants.core.access.Actor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Writes the evaluation report from what is stored: nothing in it is typed by a person but the notes and recommendations. */
public final class EvaluationReports {

    private final EvaluationStore store;
    private final SurveyedPartnership.Source partnerships;
    private final SupportReceived support;

    public EvaluationReports(EvaluationStore store, SurveyedPartnership.Source partnerships, SupportReceived support) {
        this.store = store;
        this.partnerships = partnerships;
        this.support = support;
    }

    public EvaluationReport report(Actor caller, String programmeId) {
        SurveyService.mayRead(caller, programmeId);
        List<SurveyedPartnership> all = partnerships.of(programmeId).stream()
                .sorted(Comparator.comparing(SurveyedPartnership::id)).toList();
        List<Invitation> baselineInvited = store.invitations(programmeId, Wave.BASELINE);
        List<Invitation> endInvited = store.invitations(programmeId, Wave.END);
        List<EvaluationReport.PartnershipResponse> responses = all.stream()
                .map(p -> new EvaluationReport.PartnershipResponse(p.id(), p.name(), p.tier(), p.locality(),
                        rate(baselineInvited, p.id()), rate(endInvited, p.id()))).toList();
        Map<String, List<SurveyAnswer>> baseline = byPartnership(store.answers(programmeId, Wave.BASELINE));
        Map<String, List<SurveyAnswer>> end = byPartnership(store.answers(programmeId, Wave.END));
        List<EvaluationReport.PairedQuestion> questions = pairedQuestions(programmeId, all, baseline, end);
        List<EvaluationReport.SupportLine> supportLines = all.stream().map(p -> new EvaluationReport.SupportLine(p.id(),
                p.name(), support.halfDaysDelivered(programmeId, p.id()), support.eventsAttended(programmeId, p.id()),
                baseline.containsKey(p.id()) && end.containsKey(p.id()))).toList();
        return new EvaluationReport(programmeId, responses, rate(baselineInvited, null), rate(endInvited, null),
                questions, supportLines, store.interviews(programmeId), store.recommendations(programmeId));
    }

    /** Of one partnership's invitations, or every one's ({@code partnershipId} null). */
    private static EvaluationReport.Rate rate(List<Invitation> invitations, String partnershipId) {
        List<Invitation> theirs = invitations.stream()
                .filter(i -> partnershipId == null || i.partnershipId().equals(partnershipId)).toList();
        return new EvaluationReport.Rate((int) theirs.stream().filter(Invitation::isAnswered).count(), theirs.size());
    }

    private static Map<String, List<SurveyAnswer>> byPartnership(List<SurveyAnswer> answers) {
        Map<String, List<SurveyAnswer>> by = new TreeMap<>();
        answers.forEach(answer -> by.computeIfAbsent(answer.partnershipId(), id -> new ArrayList<>()).add(answer));
        return by;
    }

    /** The questions of the end survey also asked, as the same kind, at the baseline; scales and numbers only. */
    private List<EvaluationReport.PairedQuestion> pairedQuestions(String programmeId, List<SurveyedPartnership> all,
                                                                  Map<String, List<SurveyAnswer>> baseline,
                                                                  Map<String, List<SurveyAnswer>> end) {
        Optional<Survey> before = store.survey(programmeId, Wave.BASELINE);
        Optional<Survey> after = store.survey(programmeId, Wave.END);
        if (before.isEmpty() || after.isEmpty()) {
            return List.of();
        }
        List<EvaluationReport.PairedQuestion> paired = new ArrayList<>();
        for (Question question : after.get().questions()) {
            boolean askedBoth = question.kind().isCounted() && before.get().question(question.id())
                    .filter(asked -> asked.kind() == question.kind()).isPresent();
            if (!askedBoth) {
                continue;
            }
            // Each partnership that answered the question in both waves, with its own mean in each.
            Map<SurveyedPartnership, Ratio[]> pairs = new LinkedHashMap<>();
            for (SurveyedPartnership partnership : all) {
                Optional<Ratio> was = meanOf(baseline.get(partnership.id()), question.id());
                Optional<Ratio> is = meanOf(end.get(partnership.id()), question.id());
                if (was.isPresent() && is.isPresent()) {
                    pairs.put(partnership, new Ratio[]{was.get(), is.get()});
                }
            }
            if (pairs.isEmpty()) {
                continue;
            }
            paired.add(new EvaluationReport.PairedQuestion(question, compare("All partnerships", pairs.values().stream().toList()),
                    groups(pairs, SurveyedPartnership::tier), groups(pairs, SurveyedPartnership::locality)));
        }
        return paired;
    }

    private static List<EvaluationReport.Comparison> groups(Map<SurveyedPartnership, Ratio[]> pairs,
                                                            Function<SurveyedPartnership, String> groupOf) {
        Map<String, List<Ratio[]>> byGroup = new TreeMap<>();
        pairs.forEach((partnership, pair) -> byGroup.computeIfAbsent(groupOf.apply(partnership), g -> new ArrayList<>())
                .add(pair));
        return byGroup.entrySet().stream().map(group -> compare(group.getKey(), group.getValue())).toList();
    }

    private static EvaluationReport.Comparison compare(String group, List<Ratio[]> pairs) {
        return new EvaluationReport.Comparison(group, pairs.size(), Ratio.mean(pairs.stream().map(p -> p[0]).toList()),
                Ratio.mean(pairs.stream().map(p -> p[1]).toList()));
    }

    /** A partnership's mean answer to the question, over its contacts who answered it. */
    private static Optional<Ratio> meanOf(List<SurveyAnswer> answers, String questionId) {
        if (answers == null) {
            return Optional.empty();
        }
        List<Ratio> values = answers.stream().map(answer -> answer.values().get(questionId))
                .filter(value -> value != null).map(value -> Ratio.of(Long.parseLong(value), 1)).toList();
        return values.isEmpty() ? Optional.empty() : Optional.of(Ratio.mean(values));
    }
}
