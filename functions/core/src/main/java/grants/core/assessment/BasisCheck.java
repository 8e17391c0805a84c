package grants.core.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The seed's basis check, read from the assessments where there are any: a partnership with an LAA
 * rests its improvement project on a confirmed joint Government/Partnership review, a district
 * without one on a confirmed self-assessment. Warnings, naming partnerships by name; none for a
 * partnership with no confirmed assessment yet (the programme document's basis stands for it).
 */
final class BasisCheck {

    private BasisCheck() {
    }

    static List<String> warnings(List<PartnershipFacts> partnerships, Map<String, List<Assessment>> assessments) {
        List<String> warnings = new ArrayList<>();
        warn(warnings, partnerships, p -> p.laa() && confirmed(assessments, p, Kind.SELF)
                        && !confirmed(assessments, p, Kind.JOINT_REVIEW),
                "Partnerships with an LAA assessed by a self-assessment only, not a joint Government/Partnership review");
        warn(warnings, partnerships, p -> !p.laa() && p.district() && confirmed(assessments, p, Kind.JOINT_REVIEW)
                        && !confirmed(assessments, p, Kind.SELF),
                "Districts without an LAA assessed by a joint review only, not a self-assessment");
        return warnings;
    }

    private static boolean confirmed(Map<String, List<Assessment>> assessments, PartnershipFacts partnership, Kind kind) {
        return assessments.getOrDefault(partnership.id(), List.of()).stream()
                .anyMatch(assessment -> assessment.kind() == kind && assessment.counts());
    }

    private static void warn(List<String> warnings, List<PartnershipFacts> partnerships,
                             Predicate<PartnershipFacts> failing, String which) {
        List<String> names = partnerships.stream().filter(failing).map(PartnershipFacts::name).toList();
        if (!names.isEmpty()) {
            warnings.add(which + ": " + String.join(", ", names) + ".");
        }
    }
}
