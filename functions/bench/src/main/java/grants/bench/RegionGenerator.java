package grants.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.documents.Json;

import java.util.Random;

/**
 * Realistic regions of any size, reproducible from a seed: about a fifth single tier, the rest
 * counties of 3 to 12 districts; nine in ten districts share within their locality, so some
 * localities fail the majority; a few partnerships submit nothing; every partnership has the two
 * contacts notices go to.
 */
final class RegionGenerator {

    private RegionGenerator() {
    }

    static ObjectNode region(String programmeId, int partnerships, long seed) {
        Random random = new Random(seed);
        ObjectNode doc = Json.object().put("programmeId", programmeId).put("name", "Generated region of " + partnerships)
                .put("eurRate", "1.483").put("supportDaysPerPartnership", "1.0").put("redistribution", "EQUAL");
        doc.putObject("grantRates").put("SINGLE_TIER", "19600.00").put("TWO_TIER", "6300.00");
        ArrayNode list = doc.putArray("partnerships");
        ArrayNode submissions = doc.putArray("submissions");
        int made = 0;
        int county = 0;
        while (made < partnerships) {
            if (random.nextInt(5) == 0 || partnerships - made < 4) {
                String id = "unitary-" + made;
                add(list, id, random.nextBoolean() ? "METROPOLITAN" : "UNITARY", null, random);
                if (random.nextInt(20) > 0) {
                    submission(submissions, id);
                }
                made++;
                continue;
            }
            int districts = Math.min(3 + random.nextInt(10), partnerships - made - 1);
            String countyId = "county-" + county++;
            add(list, countyId, "COUNTY", null, random);
            submission(submissions, countyId);
            made++;
            for (int d = 0; d < districts; d++) {
                String id = countyId + "-district-" + d;
                add(list, id, "DISTRICT", countyId, random);
                if (random.nextInt(10) > 0) {
                    submission(submissions, id).add(countyId);
                } else if (random.nextBoolean()) {
                    submission(submissions, id);
                }
                made++;
            }
        }
        return doc;
    }

    private static void add(ArrayNode list, String id, String type, String county, Random random) {
        ObjectNode partnership = list.addObject().put("id", id).put("name", "Partnership " + id).put("type", type);
        if (county != null) {
            partnership.put("county", county);
        }
        ArrayNode contacts = partnership.putArray("contacts");
        contacts.addObject().put("role", "REPRESENTATIVE").put("email", "lead-" + Integer.toHexString(random.nextInt()) + "@" + id + ".example");
        contacts.addObject().put("role", "PROJECT_CHAMPION").put("email", "champion@" + id + ".example");
    }

    private static ArrayNode submission(ArrayNode submissions, String id) {
        return submissions.addObject().put("partnership", id).put("title", "Project of " + id)
                .put("basis", "SELF_ASSESSMENT").putArray("sharedWith");
    }
}
