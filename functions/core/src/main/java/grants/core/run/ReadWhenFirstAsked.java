package grants.core.run;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * An unmodifiable list read from the store the first time it is asked for, then kept. A run's header
 * is one item but its localities are as many items again (some 11,000 for a national programme), and
 * most readers of a header (the ledger's intake, finance's export, the newest run's check) want its
 * totals, times and input, never its localities: at 100,000 partnerships reading them took 0.8 to 1.3 s.
 * Anything that touches the list reads it: {@code size}, iterating, and so the header's {@code equals},
 * {@code hashCode} and {@code toString}; a failed read is the store's exception, then.
 */
public final class ReadWhenFirstAsked<T> extends AbstractList<T> implements RandomAccess {

    private Supplier<List<T>> reader; // let go once read
    private volatile List<T> items;

    public ReadWhenFirstAsked(Supplier<List<T>> reader) {
        this.reader = reader;
    }

    @Override
    public T get(int index) {
        return items().get(index);
    }

    @Override
    public int size() {
        return items().size();
    }

    private List<T> items() {
        List<T> read = items;
        if (read == null) {
            synchronized (this) {
                if (items == null) {
                    items = List.copyOf(reader.get());
                    reader = null;
                }
                read = items;
            }
        }
        return read;
    }
}
