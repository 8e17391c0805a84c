package grants.core.allocation;

import grants.core.programme.Contact;
import grants.core.programme.Partnership;
import grants.core.programme.PartnershipType;
import grants.core.programme.Programme;
import grants.core.programme.Submission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the Learning to Deliver seed asks of each partnership that takes part, checked as warnings
 * (allocation-rules.md does not refuse a programme for them, and they change no figure): it names
 * one or two representatives and a Project Champion; a partnership with an LAA bases its improvement
 * project on a joint Government/Partnership review, a district without one on a self-assessment.
 * One warning per check, naming the partnerships in id order, so a region gives a readable few.
 */
public final class SeedChecks {

    private SeedChecks() {
    }

    /** The allocation as the preview and the committed run show it: the rules' warnings, then these. */
    public static Allocation allocate(Programme programme) {
        return allocate(programme, Map.of());
    }

    /** The same, the basis check reading each partnership's confirmed assessments where it has any. */
    public static Allocation allocate(Programme programme, Map<String, Submission.Basis> assessed) {
        return AllocationEngine.allocate(programme).withMoreWarnings(warnings(programme, assessed));
    }

    public static List<String> warnings(Programme input) {
        return warnings(input, Map.of());
    }

    /** {@code assessed}: by partnership, the basis its confirmed assessments show, over the document's {@code basis}. */
    public static List<String> warnings(Programme input, Map<String, Submission.Basis> assessed) {
        Programme programme = input.canonical();
        Map<String, Submission> submissions = new HashMap<>();
        programme.submissions().forEach(submission -> submissions.put(submission.partnershipId(), submission));
        List<Partnership> taking = programme.partnerships().stream().filter(p -> submissions.containsKey(p.id())).toList();
        List<String> warnings = new ArrayList<>();
        warn(warnings, taking, p -> representatives(p) == 0,
                "Partnerships that name no representative (the seed asks for one or two)");
        warn(warnings, taking, p -> representatives(p) > 2,
                "Partnerships that name more than two representatives (the seed asks for one or two)");
        warn(warnings, taking, p -> p.contacts().stream().noneMatch(c -> "PROJECT_CHAMPION".equals(c.role())),
                "Partnerships that name no Project Champion");
        Function<Partnership, Submission.Basis> basis = p -> assessed.getOrDefault(p.id(), submissions.get(p.id()).basis());
        warn(warnings, taking, p -> p.laa() && basis.apply(p) != Submission.Basis.LAA_REVIEW,
                "Partnerships with an LAA whose improvement project rests on a self-assessment, not on a joint"
                        + " Government/Partnership review");
        warn(warnings, taking, p -> !p.laa() && p.type() == PartnershipType.DISTRICT
                        && basis.apply(p) != Submission.Basis.SELF_ASSESSMENT,
                "Districts without an LAA whose improvement project rests on an LAA review, not on a self-assessment");
        return warnings;
    }

    private static long representatives(Partnership partnership) {
        return partnership.contacts().stream().map(Contact::role).filter("REPRESENTATIVE"::equals).count();
    }

    /** One warning naming, in id order, every partnership the check finds: "Partnerships that ...: Rugby, Warwick." */
    private static void warn(List<String> warnings, List<Partnership> partnerships, Predicate<Partnership> failing,
                             String which) {
        List<String> names = partnerships.stream().filter(failing).map(Partnership::name).toList();
        if (!names.isEmpty()) {
            warnings.add(which + ": " + String.join(", ", names) + ".");
        }
    }
}
