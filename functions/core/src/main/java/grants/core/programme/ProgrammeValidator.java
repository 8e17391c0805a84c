package grants.core.programme;

import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cross-field checks of the spec's bad-input list: what can only be judged by looking at
 * several partnerships and submissions together. Field-level checks (types, formats, money)
 * happen while reading the JSON; partnerships whose type could not be read have a null type
 * and are skipped here rather than reported twice.
 */
public final class ProgrammeValidator {

    private ProgrammeValidator() {
    }

    /** Refuses a programme with any problem, naming every field at fault. */
    public static void check(Programme programme) {
        List<Problem> problems = problems(programme);
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
    }

    /** The one wording of a refused programme, whichever check found its problems. */
    public static InvalidInputException refused(List<Problem> problems) {
        return new InvalidInputException("The programme was refused: " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + " found; nothing was stored.", problems);
    }

    public static List<Problem> problems(Programme programme) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Partnership> byId = partnershipsById(programme.partnerships(), problems);
        checkCounties(programme.partnerships(), byId, problems);
        checkRatesInUse(programme, problems);
        checkSubmissions(programme.submissions(), byId, problems);
        return problems;
    }

    private static Map<String, Partnership> partnershipsById(List<Partnership> partnerships, List<Problem> problems) {
        Map<String, Partnership> byId = new HashMap<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < partnerships.size(); i++) {
            Partnership partnership = partnerships.get(i);
            Integer earlier = firstIndex.putIfAbsent(partnership.id(), i);
            if (earlier != null) {
                problems.add(new Problem("partnerships[" + i + "].id",
                        "duplicates the id \"" + partnership.id() + "\" of partnerships[" + earlier + "]"));
            } else {
                byId.put(partnership.id(), partnership);
            }
        }
        return byId;
    }

    private static void checkCounties(List<Partnership> partnerships, Map<String, Partnership> byId,
                                      List<Problem> problems) {
        Set<String> countiesWithDistricts = new HashSet<>();
        for (int i = 0; i < partnerships.size(); i++) {
            Partnership partnership = partnerships.get(i);
            PartnershipType type = partnership.type();
            if (type == null) {
                continue;
            }
            String field = "partnerships[" + i + "].county";
            String county = partnership.county();
            if (type == PartnershipType.DISTRICT) {
                if (county == null) {
                    problems.add(new Problem(field, "is required for a DISTRICT: name the id of its COUNTY"));
                } else if (!byId.containsKey(county)) {
                    problems.add(new Problem(field, "names \"" + county + "\", which is not a partnership of this programme"));
                } else if (byId.get(county).type() != PartnershipType.COUNTY) {
                    problems.add(new Problem(field, "names \"" + county + "\", which is a "
                            + byId.get(county).type() + ", not a COUNTY"));
                } else {
                    countiesWithDistricts.add(county);
                }
            } else if (county != null) {
                problems.add(new Problem(field, "must be absent for a " + type
                        + " partnership: only districts belong to a county"));
            }
        }
        for (int i = 0; i < partnerships.size(); i++) {
            Partnership partnership = partnerships.get(i);
            if (partnership.type() == PartnershipType.COUNTY && !countiesWithDistricts.contains(partnership.id())
                    && byId.get(partnership.id()) == partnership) {
                problems.add(new Problem("partnerships[" + i + "]",
                        "is the COUNTY \"" + partnership.id() + "\" but no DISTRICT names it as its county"));
            }
        }
    }

    private static void checkRatesInUse(Programme programme, List<Problem> problems) {
        for (Tier tier : Tier.values()) {
            long inUse = programme.partnerships().stream()
                    .filter(p -> p.type() != null && p.type().tier() == tier).count();
            if (inUse > 0 && !programme.grantRatesPence().containsKey(tier)) {
                problems.add(new Problem("grantRates." + tier,
                        "is required: " + inUse + " partnership" + (inUse == 1 ? " is " : "s are ") + tier));
            }
        }
    }

    private static void checkSubmissions(List<Submission> submissions, Map<String, Partnership> byId,
                                         List<Problem> problems) {
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int k = 0; k < submissions.size(); k++) {
            Submission submission = submissions.get(k);
            String owner = submission.partnershipId();
            if (!byId.containsKey(owner)) {
                problems.add(new Problem("submissions[" + k + "].partnership",
                        "names \"" + owner + "\", which is not a partnership of this programme"));
            }
            Integer earlier = firstIndex.putIfAbsent(owner, k);
            if (earlier != null) {
                problems.add(new Problem("submissions[" + k + "].partnership",
                        "is a second submission for \"" + owner + "\" (the first is submissions[" + earlier + "])"));
            }
            for (int m = 0; m < submission.sharedWith().size(); m++) {
                String partner = submission.sharedWith().get(m);
                String field = "submissions[" + k + "].sharedWith[" + m + "]";
                if (partner.equals(owner)) {
                    problems.add(new Problem(field, "names the submitting partnership itself"));
                } else if (!byId.containsKey(partner)) {
                    problems.add(new Problem(field, "names \"" + partner + "\", which is not a partnership of this programme"));
                }
            }
        }
    }
}
