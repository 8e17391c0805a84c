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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The allocation rules as first written, plainly: maps keyed by id, every reason and the CSV's
 * hash computed at once. Kept only so that a property test can hold {@link AllocationEngine},
 * which is written for speed, to the very same bytes.
 */
public final class PlainAllocation {

    private PlainAllocation() {
    }

    public static Allocation allocate(Programme input) {
        Programme programme = input.canonical();
        List<Partnership> partnerships = programme.partnerships();
        long baseTotal = 0;
        for (Partnership partnership : partnerships) {
            baseTotal = Math.addExact(baseTotal, programme.ratePence(partnership.tier()));
        }
        checkBudget(programme, baseTotal);

        Map<String, Submission> submissions = new HashMap<>();
        programme.submissions().forEach(s -> submissions.put(s.partnershipId(), s));
        Map<String, LocalityOutcome> localities = localities(programme, submissions);

        // First pass: status of each partnership, and what goes into the pool or stays unallocated.
        Map<String, Status> statuses = new HashMap<>();
        long withdrawnPence = 0;
        long unclaimedPence = 0;
        long unallocated = 0;
        List<PlainShares.Recipient> recipients = new ArrayList<>();
        for (Partnership partnership : partnerships) {
            long base = programme.ratePence(partnership.tier());
            LocalityOutcome locality = localities.get(localityOf(partnership));
            Status status;
            if (locality != null && !locality.conditionMet()) {
                status = Status.WITHDRAWN;
                withdrawnPence += base;
            } else if (submissions.containsKey(partnership.id())) {
                status = Status.FUNDED;
                long weight = programme.redistribution() == RedistributionPolicy.EQUAL ? 1 : base;
                recipients.add(new PlainShares.Recipient(partnership.id(), weight));
            } else {
                status = Status.NOT_PARTICIPATING;
                if (programme.redistributeUnclaimed()) {
                    unclaimedPence += base;
                } else {
                    unallocated += base;
                }
            }
            statuses.put(partnership.id(), status);
        }

        long pool = withdrawnPence + unclaimedPence;
        List<String> warnings = new ArrayList<>();
        Map<String, Long> shares = Map.of();
        if (pool > 0 && recipients.isEmpty()) {
            warnings.add("The redistribution pool of " + Money.pounds(pool)
                    + " has no funded partnership to go to, so it stays unallocated with the programme.");
            unallocated += pool;
        } else if (pool > 0 && recipients.stream().allMatch(r -> r.weight() == 0)) {
            warnings.add("The redistribution pool of " + Money.pounds(pool) + " cannot be shared PRO_RATA:"
                    + " every funded partnership has a base grant of 0.00, so it stays unallocated with the programme.");
            unallocated += pool;
            recipients.clear();
        } else if (pool > 0) {
            shares = PlainShares.share(pool, recipients);
        }

        // Second pass: rows with amounts and reasons.
        Reasons reasons = new Reasons(programme.redistribution(), withdrawnPence, unclaimedPence,
                !recipients.isEmpty(), programme.redistributeUnclaimed());
        List<AllocationRow> rows = new ArrayList<>(partnerships.size());
        Map<String, Long> finalByLocality = new HashMap<>();
        long redistributed = 0;
        long finalTotal = 0;
        int[] counts = new int[Status.values().length];
        for (Partnership partnership : partnerships) {
            Status status = statuses.get(partnership.id());
            long base = programme.ratePence(partnership.tier());
            long share = shares.getOrDefault(partnership.id(), 0L);
            long finalGrant = status == Status.FUNDED ? base + share : 0;
            int supportHalfDays = status == Status.FUNDED ? programme.supportHalfDays() : 0;
            String locality = localityOf(partnership);
            rows.add(new AllocationRow(partnership.id(), partnership.name(), partnership.type(), partnership.tier(),
                    locality, status, base, share, finalGrant, Money.toEuroCents(finalGrant, programme.eurRate()),
                    supportHalfDays, switch (status) {
                        case FUNDED -> reasons.funded(partnership, localities.get(locality), base, share);
                        case WITHDRAWN -> reasons.withdrawn(partnership, localities.get(locality));
                        case NOT_PARTICIPATING -> reasons.notParticipating(partnership, base);
                    }));
            redistributed += share;
            finalTotal += finalGrant;
            counts[status.ordinal()]++;
            if (locality != null) {
                finalByLocality.merge(locality, finalGrant, Long::sum);
            }
        }
        List<LocalityOutcome> outcomes = localities.values().stream()
                .map(l -> new LocalityOutcome(l.county(), l.countyName(), l.districts(), l.qualifying(),
                        l.baseGrantsPence(), finalByLocality.getOrDefault(l.county(), 0L)))
                .toList();
        String csvSha256 = AllocationCsv.sha256(rows);
        ControlTotals totals = new ControlTotals(rows.size(), counts[Status.FUNDED.ordinal()],
                counts[Status.WITHDRAWN.ordinal()], counts[Status.NOT_PARTICIPATING.ordinal()],
                baseTotal, pool, redistributed, finalTotal, unallocated, csvSha256);
        if (finalTotal + unallocated != baseTotal) {
            // R8 holds by construction; if it ever did not, no figure of this run may be used.
            throw new IllegalStateException("conservation broken: final " + finalTotal + " + unallocated "
                    + unallocated + " != base " + baseTotal);
        }
        return new Allocation(rows, outcomes, totals, warnings);
    }

    /** Rule R7 as first written: every recipient's remainder sorted. */
    private static final class PlainShares {

        record Recipient(String id, long weight) {
        }

        static Map<String, Long> share(long pool, List<Recipient> recipients) {
            long totalWeight = 0;
            for (Recipient recipient : recipients) {
                totalWeight = Math.addExact(totalWeight, recipient.weight());
            }
            Map<String, Long> shares = new LinkedHashMap<>();
            List<long[]> remainders = new ArrayList<>();
            long distributed = 0;
            for (int i = 0; i < recipients.size(); i++) {
                long product = Math.multiplyExact(pool, recipients.get(i).weight());
                long share = product / totalWeight;
                shares.put(recipients.get(i).id(), share);
                remainders.add(new long[] {product % totalWeight, i});
                distributed += share;
            }
            long leftOver = pool - distributed;
            remainders.sort(java.util.Comparator.<long[]>comparingLong(r -> -r[0])
                    .thenComparing(r -> recipients.get((int) r[1]).id()));
            for (int i = 0; i < leftOver; i++) {
                shares.merge(recipients.get((int) remainders.get(i)[1]).id(), 1L, Long::sum);
            }
            return shares;
        }
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
    private static String localityOf(Partnership partnership) {
        return switch (partnership.type()) {
            case COUNTY -> partnership.id();
            case DISTRICT -> partnership.county();
            case METROPOLITAN, UNITARY -> null;
        };
    }

    /** R2-R4: each county's districts, how many qualify, and the locality's base grants. */
    private static Map<String, LocalityOutcome> localities(Programme programme, Map<String, Submission> submissions) {
        Map<String, List<Partnership>> members = new TreeMap<>();
        for (Partnership partnership : programme.partnerships()) {
            if (partnership.tier() == Tier.TWO_TIER) {
                members.computeIfAbsent(localityOf(partnership), k -> new ArrayList<>()).add(partnership);
            }
        }
        long twoTierRate = members.isEmpty() ? 0 : programme.ratePence(Tier.TWO_TIER);
        Map<String, LocalityOutcome> outcomes = new LinkedHashMap<>(); // in county order; get(null) is null
        members.forEach((county, locality) -> {
            int districts = 0;
            int qualifying = 0;
            String countyName = county;
            for (Partnership member : locality) {
                if (member.type() == PartnershipType.COUNTY) {
                    countyName = member.name();
                    continue;
                }
                districts++;
                Submission submission = submissions.get(member.id());
                if (submission != null && sharesWithinLocality(submission, member, locality)) {
                    qualifying++;
                }
            }
            outcomes.put(county, new LocalityOutcome(county, countyName, districts, qualifying,
                    locality.size() * twoTierRate, 0));
        });
        return outcomes;
    }

    /** R3: a district qualifies when its project is shared with another partnership of its own locality. */
    private static boolean sharesWithinLocality(Submission submission, Partnership district, List<Partnership> locality) {
        for (Partnership other : locality) {
            if (!other.id().equals(district.id()) && submission.sharedWith().contains(other.id())) {
                return true;
            }
        }
        return false;
    }
}
