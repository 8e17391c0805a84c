package grants.core.allocation;

import grants.core.errors.BudgetExceededException;
import grants.core.money.Money;
import grants.core.programme.Partnership;
import grants.core.programme.PartnershipType;
import grants.core.programme.Programme;
import grants.core.programme.RedistributionPolicy;
import grants.core.programme.Submission;
import grants.core.programme.Tier;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the allocation rules R1-R12 of {@code allocation-rules.md} to a valid programme.
 * Pure and deterministic: it works on the canonical (id-sorted) programme, so input order
 * never changes a single byte of the result (R10). Ids are restricted to ASCII, so String order
 * is code-point order.
 *
 * <p>Written for national programmes: every figure is kept in arrays indexed by a partnership's
 * place in id order (no map keyed by id), and each row's reason is written when it is first read.
 * A property test holds it to the same bytes as the rules written plainly.
 */
public final class AllocationEngine {

    /** Bumped whenever a rule changes, and recorded with every committed run. */
    public static final String RULES_VERSION = "learning-to-deliver-rules/1";

    private AllocationEngine() {
    }

    public static Allocation allocate(Programme input) {
        Programme programme = input.canonical();
        List<Partnership> partnerships = programme.partnerships();
        int count = partnerships.size();
        long[] base = new long[count];
        long baseTotal = 0;
        TierRates rates = new TierRates(programme);
        for (int i = 0; i < count; i++) {
            base[i] = rates.of(partnerships.get(i).tier());
            baseTotal = Math.addExact(baseTotal, base[i]);
        }
        checkBudget(programme, baseTotal);

        Submission[] submissions = submissionsInPartnershipOrder(programme);
        Localities localities = Localities.of(partnerships, submissions, rates);

        // First pass: status of each partnership, and what goes into the pool or stays unallocated.
        Status[] statuses = new Status[count];
        long withdrawnPence = 0;
        long unclaimedPence = 0;
        long unallocated = 0;
        int[] recipients = new int[count];
        long[] weights = new long[count];
        int recipientCount = 0;
        for (int i = 0; i < count; i++) {
            LocalityOutcome locality = localities.of(i);
            if (locality != null && !locality.conditionMet()) {
                statuses[i] = Status.WITHDRAWN;
                withdrawnPence += base[i];
            } else if (submissions[i] != null) {
                statuses[i] = Status.FUNDED;
                recipients[recipientCount] = i;
                weights[recipientCount++] = programme.redistribution() == RedistributionPolicy.EQUAL ? 1 : base[i];
            } else {
                statuses[i] = Status.NOT_PARTICIPATING;
                if (programme.redistributeUnclaimed()) {
                    unclaimedPence += base[i];
                } else {
                    unallocated += base[i];
                }
            }
        }

        long pool = withdrawnPence + unclaimedPence;
        List<String> warnings = new ArrayList<>();
        long[] share = new long[count];
        boolean poolShared = recipientCount > 0;
        if (pool > 0 && recipientCount == 0) {
            warnings.add("The redistribution pool of " + Money.pounds(pool)
                    + " has no funded partnership to go to, so it stays unallocated with the programme.");
            unallocated += pool;
        } else if (pool > 0 && allZero(weights, recipientCount)) {
            warnings.add("The redistribution pool of " + Money.pounds(pool) + " cannot be shared PRO_RATA:"
                    + " every funded partnership has a base grant of 0.00, so it stays unallocated with the programme.");
            unallocated += pool;
            poolShared = false;
        } else if (pool > 0) {
            long[] shares = PoolShares.share(pool, java.util.Arrays.copyOf(weights, recipientCount));
            for (int r = 0; r < recipientCount; r++) {
                share[recipients[r]] = shares[r];
            }
        }

        // Second pass: rows with amounts; each reason is written when the row's reason is first read.
        Reasons reasons = new Reasons(programme.redistribution(), withdrawnPence, unclaimedPence, poolShared,
                programme.redistributeUnclaimed());
        EuroCents euros = new EuroCents(programme);
        List<AllocationRow> rows = new ArrayList<>(count);
        long[] finalByLocality = new long[localities.size()];
        long redistributed = 0;
        long finalTotal = 0;
        int[] counts = new int[Status.values().length];
        for (int i = 0; i < count; i++) {
            Partnership partnership = partnerships.get(i);
            Status status = statuses[i];
            boolean funded = status == Status.FUNDED;
            long finalGrant = funded ? base[i] + share[i] : 0;
            LocalityOutcome locality = localities.of(i);
            rows.add(new AllocationRow(partnership.id(), partnership.name(), partnership.type(), partnership.tier(),
                    locality == null ? null : locality.county(), status, base[i], share[i], finalGrant,
                    euros.of(finalGrant), funded ? programme.supportHalfDays() : 0,
                    reason(reasons, status, partnership, locality, base[i], share[i])));
            redistributed += share[i];
            finalTotal += finalGrant;
            counts[status.ordinal()]++;
            if (locality != null) {
                finalByLocality[localities.index(i)] += finalGrant;
            }
        }
        if (finalTotal + unallocated != baseTotal) {
            // R8 holds by construction; if it ever did not, no figure of this run may be used.
            throw new IllegalStateException("conservation broken: final " + finalTotal + " + unallocated "
                    + unallocated + " != base " + baseTotal);
        }
        long totalBase = baseTotal;
        long totalPool = pool;
        long totalRedistributed = redistributed;
        long totalFinal = finalTotal;
        long totalUnallocated = unallocated;
        return new Allocation(rows, localities.withFinalGrants(finalByLocality),
                () -> new ControlTotals(rows.size(), counts[Status.FUNDED.ordinal()], counts[Status.WITHDRAWN.ordinal()],
                        counts[Status.NOT_PARTICIPATING.ordinal()], totalBase, totalPool, totalRedistributed, totalFinal,
                        totalUnallocated, AllocationCsv.sha256(rows)),
                warnings);
    }

    private static java.util.function.Supplier<String> reason(Reasons reasons, Status status, Partnership partnership,
                                                              LocalityOutcome locality, long base, long share) {
        return switch (status) {
            case FUNDED -> () -> reasons.funded(partnership, locality, base, share);
            case WITHDRAWN -> () -> reasons.withdrawn(partnership, locality);
            case NOT_PARTICIPATING -> () -> reasons.notParticipating(partnership, base);
        };
    }

    private static boolean allZero(long[] weights, int count) {
        for (int i = 0; i < count; i++) {
            if (weights[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Each partnership's submission, or null, by its place in id order: both lists are sorted by
     * partnership id, so one walk along them pairs them up.
     */
    private static Submission[] submissionsInPartnershipOrder(Programme programme) {
        List<Partnership> partnerships = programme.partnerships();
        List<Submission> submissions = programme.submissions();
        Submission[] paired = new Submission[partnerships.size()];
        int s = 0;
        for (int i = 0; i < paired.length && s < submissions.size(); i++) {
            String id = partnerships.get(i).id();
            while (s < submissions.size() && submissions.get(s).partnershipId().compareTo(id) < 0) {
                s++; // a submission of no partnership: validation refuses those, and the rules ignore them
            }
            if (s < submissions.size() && submissions.get(s).partnershipId().equals(id)) {
                paired[i] = submissions.get(s++);
            }
        }
        return paired;
    }

    private static void checkBudget(Programme programme, long baseTotal) {
        if (programme.grantBudgetPence().isPresent() && baseTotal > programme.grantBudgetPence().getAsLong()) {
            long budget = programme.grantBudgetPence().getAsLong();
            throw new BudgetExceededException("The base grants of all " + programme.partnerships().size()
                    + " partnerships add up to " + Money.pounds(baseTotal) + ", which exceeds the grant budget of "
                    + Money.pounds(budget) + " by " + Money.pounds(baseTotal - budget) + "; the run was refused.");
        }
    }

    /** The county id of a two-tier partnership's locality (R2), or null for single tier. */
    static String localityOf(Partnership partnership) {
        return switch (partnership.type()) {
            case COUNTY -> partnership.id();
            case DISTRICT -> partnership.county();
            case METROPOLITAN, UNITARY -> null;
        };
    }

    /** The programme's rate of each tier, read once; a tier no partnership has may have none. */
    static final class TierRates {
        private final Programme programme;
        private final long[] rates = new long[Tier.values().length];
        private final boolean[] read = new boolean[Tier.values().length];

        TierRates(Programme programme) {
            this.programme = programme;
        }

        long of(Tier tier) {
            if (!read[tier.ordinal()]) {
                rates[tier.ordinal()] = programme.ratePence(tier);
                read[tier.ordinal()] = true;
            }
            return rates[tier.ordinal()];
        }
    }

    /** Final grants in euro cents: a run has a handful of different amounts, each converted once. */
    private static final class EuroCents {
        private final Programme programme;
        private long lastPence = -1;
        private long lastCents;
        private final java.util.HashMap<Long, Long> converted = new java.util.HashMap<>();

        EuroCents(Programme programme) {
            this.programme = programme;
        }

        long of(long pence) {
            if (pence != lastPence) {
                lastCents = converted.computeIfAbsent(pence, amount -> Money.toEuroCents(amount, programme.eurRate()));
                lastPence = pence;
            }
            return lastCents;
        }
    }

    /** R2-R4: each county's districts, how many qualify, and the locality's base grants, by county id. */
    private static final class Localities {
        private final LocalityOutcome[] outcomes;
        /** Each partnership's locality, by its place in id order; -1 for single tier. */
        private final int[] localityOf;

        private Localities(LocalityOutcome[] outcomes, int[] localityOf) {
            this.outcomes = outcomes;
            this.localityOf = localityOf;
        }

        static Localities of(List<Partnership> partnerships, Submission[] submissions, TierRates rates) {
            java.util.HashMap<String, Integer> firstSeen = new java.util.HashMap<>();
            List<String> counties = new ArrayList<>();
            List<Members> members = new ArrayList<>();
            int[] localityOf = new int[partnerships.size()];
            for (int i = 0; i < partnerships.size(); i++) {
                Partnership partnership = partnerships.get(i);
                localityOf[i] = -1;
                if (partnership.tier() == Tier.TWO_TIER) {
                    Integer index = firstSeen.putIfAbsent(localityOf(partnership), counties.size());
                    if (index == null) {
                        index = counties.size();
                        counties.add(localityOf(partnership));
                        members.add(new Members());
                    }
                    members.get(index).add(i);
                    localityOf[i] = index;
                }
            }
            // In county id order, as the run lists them.
            Integer[] order = new Integer[counties.size()];
            java.util.Arrays.setAll(order, k -> k);
            java.util.Arrays.sort(order, java.util.Comparator.comparing(counties::get));
            int[] rank = new int[order.length];
            LocalityOutcome[] outcomes = new LocalityOutcome[order.length];
            for (int k = 0; k < order.length; k++) {
                rank[order[k]] = k;
                outcomes[k] = outcome(counties.get(order[k]), members.get(order[k]).toArray(), partnerships, submissions,
                        rates);
            }
            for (int i = 0; i < localityOf.length; i++) {
                if (localityOf[i] >= 0) {
                    localityOf[i] = rank[localityOf[i]];
                }
            }
            return new Localities(outcomes, localityOf);
        }

        /** A locality's partnerships, by their places in id order. */
        private static final class Members {
            private int[] places = new int[8];
            private int size;

            void add(int place) {
                if (size == places.length) {
                    places = java.util.Arrays.copyOf(places, size * 2);
                }
                places[size++] = place;
            }

            int[] toArray() {
                return java.util.Arrays.copyOf(places, size);
            }
        }

        private static LocalityOutcome outcome(String county, int[] members, List<Partnership> partnerships,
                                               Submission[] submissions, TierRates rates) {
            int districts = 0;
            int qualifying = 0;
            String countyName = county;
            for (int member : members) {
                Partnership partnership = partnerships.get(member);
                if (partnership.type() == PartnershipType.COUNTY) {
                    countyName = partnership.name();
                    continue;
                }
                districts++;
                if (submissions[member] != null && sharesWithinLocality(submissions[member], member, members, partnerships)) {
                    qualifying++;
                }
            }
            return new LocalityOutcome(county, countyName, districts, qualifying,
                    members.length * rates.of(Tier.TWO_TIER), 0);
        }

        /**
         * R3: a district qualifies when its project is shared with another partnership of its own
         * locality. The members are in id order and so is {@code sharedWith}: one walk along both.
         */
        private static boolean sharesWithinLocality(Submission submission, int district, int[] members,
                                                    List<Partnership> partnerships) {
            List<String> sharedWith = submission.sharedWith();
            int s = 0;
            for (int m = 0; m < members.length && s < sharedWith.size(); m++) {
                String member = partnerships.get(members[m]).id();
                while (s < sharedWith.size() && sharedWith.get(s).compareTo(member) < 0) {
                    s++;
                }
                if (s < sharedWith.size() && members[m] != district && sharedWith.get(s).equals(member)) {
                    return true;
                }
            }
            return false;
        }

        int size() {
            return outcomes.length;
        }

        int index(int partnership) {
            return localityOf[partnership];
        }

        LocalityOutcome of(int partnership) {
            return localityOf[partnership] < 0 ? null : outcomes[localityOf[partnership]];
        }

        List<LocalityOutcome> withFinalGrants(long[] finalGrants) {
            List<LocalityOutcome> list = new ArrayList<>(outcomes.length);
            for (int k = 0; k < outcomes.length; k++) {
                LocalityOutcome l = outcomes[k];
                list.add(new LocalityOutcome(l.county(), l.countyName(), l.districts(), l.qualifying(),
                        l.baseGrantsPence(), finalGrants[k]));
            }
            return list;
        }
    }
}
