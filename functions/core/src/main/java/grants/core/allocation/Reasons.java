package grants.core.allocation;

import grants.core.programme.Partnership;
import grants.core.programme.RedistributionPolicy;
import grants.core.programme.Tier;

import static grants.core.money.Money.pounds;

/**
 * The one plain-English sentence per row that tells a partnership why it got what it got.
 *
 * @param withdrawnPence  what withdrawn localities put into the pool
 * @param unclaimedPence  what non-participants put into the pool (only when redistributeUnclaimed)
 * @param poolShared      whether the pool is shared at all (it is not when nobody can receive it)
 */
record Reasons(RedistributionPolicy policy, long withdrawnPence, long unclaimedPence, boolean poolShared,
               boolean redistributeUnclaimed) {

    private long pool() {
        return withdrawnPence + unclaimedPence;
    }

    String funded(Partnership partnership, LocalityOutcome locality, long base, long share) {
        StringBuilder sentence = new StringBuilder(partnership.name())
                .append(" is funded: it submitted an improvement project");
        if (locality != null) {
            sentence.append(" and ").append(locality.qualifying()).append(" of ").append(locality.districts())
                    .append(" districts in the ").append(locality.countyName())
                    .append(" locality shared theirs within it, meeting the district-majority condition");
        }
        sentence.append(", so it receives the ")
                .append(partnership.tier() == Tier.SINGLE_TIER ? "single-tier" : "two-tier")
                .append(" grant of ").append(pounds(base));
        if (pool() > 0) {
            sentence.append(" plus ").append(pounds(share))
                    .append(policy == RedistributionPolicy.EQUAL ? " as its equal share" : " as its pro-rata share")
                    .append(" of ").append(pounds(pool())).append(" redistributed from ").append(poolSource())
                    .append(", ").append(pounds(base + share)).append(" in all");
        }
        return sentence.append('.').toString();
    }

    String withdrawn(Partnership partnership, LocalityOutcome locality) {
        return partnership.name() + "'s funding is withdrawn: only " + locality.qualifying() + " of "
                + locality.districts() + " districts in the " + locality.countyName()
                + " locality shared their improvement projects within it and at least " + locality.qualifyingNeeded()
                + " were needed, so the locality's " + pounds(locality.baseGrantsPence())
                + (poolShared ? " is shared among the funded partnerships of the region."
                        : " stays unallocated with the programme, as no funded partnership can receive it.");
    }

    String notParticipating(Partnership partnership, long base) {
        return partnership.name() + " is not participating: it submitted no improvement project, so it receives"
                + " no grant and its base grant of " + pounds(base)
                + (redistributeUnclaimed && poolShared
                        ? " goes into the pool shared among the funded partnerships of the region."
                        : " stays unallocated with the programme.");
    }

    private String poolSource() {
        if (withdrawnPence > 0 && unclaimedPence > 0) {
            return "withdrawn localities and unclaimed grants";
        }
        return withdrawnPence > 0 ? "withdrawn localities" : "unclaimed grants";
    }
}
