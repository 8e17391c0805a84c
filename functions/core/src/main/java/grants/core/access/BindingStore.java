package grants.core.access;

import java.util.List;
import java.util.Optional;

/** Where bindings are kept: one per person and scope. */
public interface BindingStore {

    /** Stores it, replacing the person's binding in that scope; returns the one it replaced. */
    Optional<Binding> put(Binding binding);

    Optional<Binding> get(String subject, String scope);

    /** Removes the person's binding in that scope; returns what was removed. */
    Optional<Binding> remove(String subject, String scope);

    /** Every binding of one person, in every scope: what their token's claims are made from. */
    List<Binding> of(String subject);

    /** Every binding in one programme or round (not those bound everywhere): who is bound there. */
    List<Binding> inScope(String scope);
}
