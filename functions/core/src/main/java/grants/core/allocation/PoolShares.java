package grants.core.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule R7: shares a pool of pence among recipients in proportion to their weights (equal weights
 * for EQUAL, base grants for PRO_RATA). Each gets the exact share rounded down; the pence left
 * over go one each to the largest remainders, ties to the lowest id in code-point order.
 */
final class PoolShares {

    record Recipient(String id, long weight) {
    }

    private PoolShares() {
    }

    /** Shares in recipient order; they always add up to {@code pool} exactly. */
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
        remainders.sort(Comparator.<long[]>comparingLong(r -> -r[0])
                .thenComparing(r -> recipients.get((int) r[1]).id()));
        for (int i = 0; i < leftOver; i++) {
            String id = recipients.get((int) remainders.get(i)[1]).id();
            shares.merge(id, 1L, Long::sum);
        }
        return shares;
    }
}
