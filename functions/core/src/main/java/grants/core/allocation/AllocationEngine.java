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
 * Applies the allocation rules R1-R12 of {@code allocation-rules.md} to a valid programme.
 * Pure and deterministic: it works on the canonical (id-sorted) programme, so input order
 * never changes a single byte of the result (R10). Ids are restricted to ASCII, so String order
 * is code-point order.
 */
public final class AllocationEngine {

    /** Bumped whenever a rule changes, and recorded with every committed run. */
    public static final String RULES_VERSION = "learning-to-deliver-rules/1";

    private AllocationEngine() {
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
        List<PoolShares.Recipient> recipients = new ArrayList<>();
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
                recipients.add(new PoolShares.Recipient(partnership.id(), weight));
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
            warnings.add("The redistribution pool of GBP " + Money.format(pool)
                    + " has no funded partnership to go to, so it stays unallocated with the programme.");
            unallocated += pool;
        } else if (pool > 0 && recipients.stream().allMatch(r -> r.weight() == 0)) {
            warnings.add("The redistribution pool of GBP " + Money.format(pool) + " cannot be shared PRO_RATA:"
                    + " every funded partnership has a base grant of 0.00, so it stays unallocated with the programme.");
            unallocated += pool;
            recipients.clear();
        } else if (pool > 0) {
            shares = PoolShares.share(pool, recipients);
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

    private static void checkBudget(Programme programme, long baseTotal) {
        if (programme.grantBudgetPence().isPresent() && baseTotal > programme.grantBudgetPence().getAsLong()) {
            long budget = programme.grantBudgetPence().getAsLong();
            throw new BudgetExceededException("The base grants of all " + programme.partnerships().size()
                    + " partnerships add up to GBP " + Money.format(baseTotal) + ", which exceeds the grant budget of GBP "
                    + Money.format(budget) + " by GBP " + Money.format(baseTotal - budget) + "; the run was refused.");
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
