package grants.core.allocation;

import grants.core.money.Money;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.documents.ProgrammeDocument;
import grants.documents.ProgrammeJson;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the rules over generated regions: single-tier partnerships and counties of 1-9
 * districts, with random submissions, sharing, rates and policies (10,000 programmes per property).
 */
class AllocationPropertiesTest {

    private static final int TRIES = 10_000;

    @Property(tries = TRIES)
    void conservationToThePenny(@ForAll("regions") ObjectNode region) {
        Allocation allocation = allocate(region);
        ControlTotals totals = allocation.totals();
        long finalSum = allocation.rows().stream().mapToLong(AllocationRow::finalGrantPence).sum();
        long baseSum = allocation.rows().stream().mapToLong(AllocationRow::baseGrantPence).sum();
        long shareSum = allocation.rows().stream().mapToLong(AllocationRow::redistributionPence).sum();

        assertThat(finalSum + totals.unallocatedPence()).isEqualTo(baseSum).isEqualTo(totals.baseGrantsPence());
        assertThat(finalSum).isEqualTo(totals.finalGrantsPence());
        assertThat(shareSum).isEqualTo(totals.redistributionPence());
        if (allocation.warnings().isEmpty()) {
            assertThat(shareSum).isEqualTo(totals.poolPence());
        } else {
            assertThat(shareSum).isZero(); // nobody could receive the pool: it is all unallocated
            assertThat(totals.unallocatedPence()).isGreaterThanOrEqualTo(totals.poolPence());
        }
    }

    /** The engine is written for speed; the rules as first written plainly must give the very same run. */
    @Property(tries = TRIES)
    void theSameRunAsTheRulesWrittenPlainly(@ForAll("regions") ObjectNode region, @ForAll long seed) {
        ObjectNode shuffled = shuffled(region, new Random(seed));
        Allocation fast = allocate(shuffled);
        Allocation plain = PlainAllocation.allocate(ProgrammeJson.read(shuffled));

        assertThat(AllocationCsv.write(fast.rows())).isEqualTo(AllocationCsv.write(plain.rows()));
        assertThat(fast.rows()).isEqualTo(plain.rows());
        assertThat(fast.totals()).isEqualTo(plain.totals());
        assertThat(fast.localities()).isEqualTo(plain.localities());
        assertThat(fast.warnings()).isEqualTo(plain.warnings());
    }

    @Property(tries = TRIES)
    void sameBytesWhateverTheInputOrder(@ForAll("regions") ObjectNode region, @ForAll long seed) {
        Allocation original = allocate(region);
        Allocation shuffled = allocate(shuffled(region, new Random(seed)));

        assertThat(AllocationCsv.write(shuffled.rows())).isEqualTo(AllocationCsv.write(original.rows()));
        assertThat(shuffled.totals()).isEqualTo(original.totals());
        assertThat(ProgrammeJson.write(ProgrammeJson.read(shuffled(region, new Random(seed)))))
                .isEqualTo(ProgrammeJson.write(ProgrammeJson.read(region)));
    }

    @Property(tries = TRIES)
    void noAmountIsNegative(@ForAll("regions") ObjectNode region) {
        assertThat(allocate(region).rows()).allSatisfy(row -> {
            assertThat(row.finalGrantPence()).isNotNegative();
            assertThat(row.redistributionPence()).isNotNegative();
            assertThat(row.finalGrantEuroCents()).isNotNegative();
        });
    }

    /** Recounts q and n from the input document itself, not from the engine's own locality figures. */
    @Property(tries = TRIES)
    void everyWithdrawnLocalityReallyMissedTheMajority(@ForAll("regions") ObjectNode region) {
        Map<String, Set<String>> localityMembers = new HashMap<>();
        Map<String, Integer> districts = new HashMap<>();
        for (JsonNode p : region.get("partnerships")) {
            if (p.has("county")) {
                localityMembers.computeIfAbsent(p.get("county").asText(), k -> new HashSet<>(Set.of(k)))
                        .add(p.get("id").asText());
                districts.merge(p.get("county").asText(), 1, Integer::sum);
            }
        }
        Map<String, Integer> qualifying = new HashMap<>();
        for (JsonNode s : region.get("submissions")) {
            String owner = s.get("partnership").asText();
            localityMembers.forEach((county, members) -> {
                boolean isDistrict = members.contains(owner) && !county.equals(owner);
                boolean sharesInside = false;
                for (JsonNode partner : s.get("sharedWith")) {
                    sharesInside |= members.contains(partner.asText()) && !partner.asText().equals(owner);
                }
                if (isDistrict && sharesInside) {
                    qualifying.merge(county, 1, Integer::sum);
                }
            });
        }
        for (AllocationRow row : allocate(region).rows()) {
            if (row.status() == Status.WITHDRAWN) {
                int q = qualifying.getOrDefault(row.locality(), 0);
                assertThat(2 * q).isLessThanOrEqualTo(districts.get(row.locality()));
            } else if (row.locality() != null) {
                assertThat(2 * qualifying.getOrDefault(row.locality(), 0)).isGreaterThan(districts.get(row.locality()));
            }
        }
    }

    private static Allocation allocate(ObjectNode region) {
        return AllocationEngine.allocate(ProgrammeJson.read(region));
    }

    private static ObjectNode shuffled(ObjectNode region, Random random) {
        ObjectNode copy = region.deepCopy();
        shuffle(copy.withArray("partnerships"), random);
        shuffle(copy.withArray("submissions"), random);
        copy.withArray("submissions").forEach(s -> shuffle(((ObjectNode) s).withArray("sharedWith"), random));
        return copy;
    }

    private static void shuffle(ArrayNode array, Random random) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        Collections.shuffle(elements, random);
        array.removeAll();
        array.addAll(elements);
    }

    @Provide
    Arbitrary<ObjectNode> regions() {
        Arbitrary<Integer> singleTier = Arbitraries.integers().between(0, 6);
        Arbitrary<List<Integer>> counties = Arbitraries.integers().between(1, 9).list().ofMaxSize(4);
        Arbitrary<Long> singleRate = Arbitraries.longs().between(0, 5_000_000);
        Arbitrary<Long> twoTierRate = Arbitraries.longs().between(0, 2_000_000);
        return Combinators.combine(singleTier, counties, singleRate, twoTierRate, Arbitraries.longs(),
                        Arbitraries.of("EQUAL", "PRO_RATA"), Arbitraries.of(true, false))
                .as((singles, districtCounts, single, twoTier, seed, policy, unclaimed) ->
                        region(singles, districtCounts, single, twoTier, new Random(seed), policy, unclaimed))
                .filter(region -> region.get("partnerships").size() > 0);
    }

    private static ObjectNode region(int singles, List<Integer> districtCounts, long singleRate, long twoTierRate,
                                     Random random, String policy, boolean unclaimed) {
        ProgrammeDocument doc = new ProgrammeDocument()
                .set("redistribution", policy).set("redistributeUnclaimed", unclaimed)
                .set("eurRate", random.nextInt(2000) + 1 + "." + random.nextInt(1000));
        doc.json().with("grantRates").put("SINGLE_TIER", grants.core.money.Money.format(singleRate))
                .put("TWO_TIER", grants.core.money.Money.format(twoTierRate));
        for (int s = 0; s < singles; s++) {
            doc.partnership("single-" + s, random.nextBoolean() ? "METROPOLITAN" : "UNITARY");
            if (random.nextInt(4) > 0) {
                doc.submission("single-" + s);
            }
        }
        for (int c = 0; c < districtCounts.size(); c++) {
            String county = "county-" + c;
            doc.partnership(county, "COUNTY");
            if (random.nextInt(4) > 0) {
                doc.submission(county);
            }
            for (int d = 0; d < districtCounts.get(c); d++) {
                String district = county + "-district-" + d;
                doc.district(district, county);
                int choice = random.nextInt(6);
                if (choice == 0) {
                    continue; // no submission
                }
                List<String> partners = new ArrayList<>();
                if (choice >= 3) {
                    partners.add(random.nextBoolean() || d == 0 ? county : county + "-district-" + random.nextInt(d));
                }
                if (singles > 0 && random.nextBoolean()) {
                    partners.add("single-" + random.nextInt(singles)); // sharing outside the locality
                }
                doc.submission(district, partners.toArray(String[]::new));
            }
        }
        return doc.json();
    }
}
