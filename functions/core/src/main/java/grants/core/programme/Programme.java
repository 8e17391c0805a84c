package grants.core.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A programme as loaded: settings, partnerships and submissions. Lists keep the order they were
 * given in, so that validation problems can name {@code partnerships[12]}; everything computed
 * from a programme works on {@link #canonical()}, which is sorted by id (rule R10).
 */
public record Programme(String programmeId, String name, String region, BigDecimal eurRate,
                        Map<Tier, Long> grantRatesPence, OptionalLong grantBudgetPence,
                        List<AdditionalFund> additionalFunds, int supportHalfDays,
                        RedistributionPolicy redistribution, boolean redistributeUnclaimed,
                        List<Partnership> partnerships, List<Submission> submissions,
                        FinanceSettings finance, List<Contact> financeContacts) {

    public Programme {
        grantRatesPence = grantRatesPence.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(grantRatesPence));
        additionalFunds = List.copyOf(additionalFunds);
        partnerships = List.copyOf(partnerships);
        submissions = List.copyOf(submissions);
        financeContacts = List.copyOf(financeContacts);
    }

    private Programme with(List<Partnership> newPartnerships, List<Submission> newSubmissions) {
        return new Programme(programmeId, name, region, eurRate, grantRatesPence, grantBudgetPence, additionalFunds,
                supportHalfDays, redistribution, redistributeUnclaimed, newPartnerships, newSubmissions,
                finance, financeContacts);
    }

    /**
     * The same programme with partnerships sorted by id and submissions by partnership id (each
     * submission's {@code sharedWith} sorted, without repeats); this one if it is so already, as a
     * stored programme is, since sorting a national programme's lists costs more than the rules.
     */
    public Programme canonical() {
        if (isCanonical()) {
            return this;
        }
        List<Partnership> sortedPartnerships = new ArrayList<>(partnerships);
        sortedPartnerships.sort(Comparator.comparing(Partnership::id));
        List<Submission> sortedSubmissions = new ArrayList<>(submissions);
        sortedSubmissions.replaceAll(Submission::sorted);
        sortedSubmissions.sort(Comparator.comparing(Submission::partnershipId));
        return with(sortedPartnerships, sortedSubmissions);
    }

    private boolean isCanonical() {
        for (int i = 1; i < partnerships.size(); i++) {
            if (partnerships.get(i - 1).id().compareTo(partnerships.get(i).id()) >= 0) {
                return false;
            }
        }
        for (int i = 0; i < submissions.size(); i++) {
            if (i > 0 && submissions.get(i - 1).partnershipId().compareTo(submissions.get(i).partnershipId()) > 0) {
                return false;
            }
            List<String> sharedWith = submissions.get(i).sharedWith();
            for (int j = 1; j < sharedWith.size(); j++) {
                if (sharedWith.get(j - 1).compareTo(sharedWith.get(j)) >= 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The same programme with the given partnership's submission added or replaced. */
    public Programme withSubmission(Submission submission) {
        List<Submission> updated = new ArrayList<>();
        boolean replaced = false;
        for (Submission existing : submissions) {
            if (existing.partnershipId().equals(submission.partnershipId())) {
                updated.add(submission);
                replaced = true;
            } else {
                updated.add(existing);
            }
        }
        if (!replaced) {
            updated.add(submission);
        }
        return with(partnerships, updated);
    }

    public Optional<Partnership> partnership(String id) {
        return partnerships.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public long ratePence(Tier tier) {
        Long rate = grantRatesPence.get(tier);
        if (rate == null) {
            throw new IllegalStateException("no grant rate for " + tier);
        }
        return rate;
    }
}
