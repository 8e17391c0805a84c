package grants.core.support;

/**
 * What support days are counted on: a partnership's entitlement, a pool's (the sum of its
 * members'), or an adviser's contract. A booking draws on a partnership or a pool, and on an
 * adviser.
 */
public sealed interface Account {

    String id();

    /** How a person reads it in a message: "partnership birmingham", "pool warwickshire-pool". */
    String label();

    record OfPartnership(String id) implements Account {
        @Override
        public String label() {
            return "partnership " + id;
        }
    }

    record OfPool(String id) implements Account {
        @Override
        public String label() {
            return "pool " + id;
        }
    }

    record OfAdviser(String id) implements Account {
        @Override
        public String label() {
            return "adviser " + id;
        }
    }
}
