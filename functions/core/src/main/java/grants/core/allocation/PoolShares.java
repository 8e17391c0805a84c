package grants.core.allocation;

/**
 * Rule R7: shares a pool of pence among recipients in proportion to their weights (equal weights
 * for EQUAL, base grants for PRO_RATA). Each gets the exact share rounded down; the pence left
 * over go one each to the largest remainders, ties to the lowest id in code-point order.
 */
final class PoolShares {

    /** Above this many different remainders the pence left over are placed by sorting every recipient. */
    private static final int FEW_REMAINDERS = 16;

    private PoolShares() {
    }

    /**
     * Each recipient's share, in the order of {@code weights}, which must be the recipients' id order;
     * the shares always add up to {@code pool} exactly.
     */
    static long[] share(long pool, long[] weights) {
        long totalWeight = 0;
        for (long weight : weights) {
            totalWeight = Math.addExact(totalWeight, weight);
        }
        long[] shares = new long[weights.length];
        long[] remainders = new long[weights.length];
        long distributed = 0;
        for (int i = 0; i < weights.length; i++) {
            long product = Math.multiplyExact(pool, weights[i]);
            shares[i] = product / totalWeight;
            remainders[i] = product % totalWeight;
            distributed += shares[i];
        }
        long leftOver = pool - distributed;
        long[] byRemainder = largestFirst(remainders);
        for (int r = 0; r < byRemainder.length && leftOver > 0; r++) {
            for (int i = 0; i < weights.length && leftOver > 0; i++) {
                if (remainders[i] == byRemainder[r]) { // in id order: ties go to the lowest id
                    shares[i]++;
                    leftOver--;
                }
            }
        }
        return shares;
    }

    /**
     * The different remainders, largest first. Equal weights leave equal remainders, and the weights
     * are tier rates (or all 1), so there are one or two; the walk above then costs a pass or two.
     */
    private static long[] largestFirst(long[] remainders) {
        long[] distinct = new long[FEW_REMAINDERS];
        int count = 0;
        for (long remainder : remainders) {
            int seen = 0;
            while (seen < count && distinct[seen] != remainder) {
                seen++;
            }
            if (seen == count) {
                if (count == FEW_REMAINDERS) {
                    return allDistinct(remainders);
                }
                distinct[count++] = remainder;
            }
        }
        return descending(java.util.Arrays.copyOf(distinct, count));
    }

    private static long[] allDistinct(long[] remainders) {
        return descending(java.util.Arrays.stream(remainders).distinct().toArray());
    }

    private static long[] descending(long[] values) {
        java.util.Arrays.sort(values);
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            long swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }
}
