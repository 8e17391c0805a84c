package grants.core.access;

import grants.core.audit.AuditLog;
import grants.core.errors.NotFoundException;

import java.util.List;

/**
 * Binding people to what they may touch, by programme managers only, each change in the audit
 * trail of the programme or round it applies to. A manager binds only within what they work on
 * themselves, and only a manager bound everywhere binds anyone everywhere: nobody widens their
 * own reach. Roles stay user pool groups, which only administrators change.
 */
public final class BindingService {

    /** The audit trail of bindings that apply everywhere. */
    public static final String EVERYWHERE_TRAIL = "bindings";

    private final BindingStore store;
    private final AuditLog audit;

    public BindingService(BindingStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    public Binding bind(Actor manager, Binding binding) {
        mayBind(manager, binding.scope());
        var before = store.put(binding);
        if (before.filter(binding::equals).isPresent()) {
            // The same again (a retry, the local runner's demo users): nothing recorded. Written all the
            // same, so that a binding stored before its scope's list existed joins the list.
            return binding;
        }
        audit.record(manager, trail(binding.scope()), before.isPresent() ? "BINDING_CHANGED" : "BINDING_ADDED",
                "binding/" + binding.subject(), before.map(BindingService::describe).orElse(null), describe(binding));
        return binding;
    }

    public Binding unbind(Actor manager, String subject, String scope) {
        mayBind(manager, scope);
        Binding removed = store.remove(subject, scope).orElseThrow(() -> notFound(subject, scope));
        audit.record(manager, trail(scope), "BINDING_REMOVED", "binding/" + subject, describe(removed), null);
        return removed;
    }

    public Binding get(Actor reader, String subject, String scope) {
        if (!reader.worksOn(scope)) {
            throw notFound(subject, scope);
        }
        return store.get(subject, scope).orElseThrow(() -> notFound(subject, scope));
    }

    /**
     * The people bound in one round or programme with a person id (its board, sub-group and panel
     * people), by name: what those who name its panels (its programme managers and its sub-groups)
     * choose a panel member from. Organisations' bindings (proposers) carry no person id and are
     * never listed.
     */
    public List<Binding> people(Actor reader, String scope) {
        if (!(reader.has(Role.PROGRAMME_MANAGER) || reader.has(Role.SUB_GROUP)) || !reader.worksOn(scope)) {
            throw new ForbiddenException("You are signed in as " + reader.name() + ", who may not see who is bound in \""
                    + scope + "\": its programme managers and sub-groups may, to name its panels.");
        }
        return store.inScope(scope).stream().filter(binding -> binding.personId().isPresent())
                .sorted(java.util.Comparator.comparing(Binding::name).thenComparing(binding -> binding.personId().get()))
                .toList();
    }

    /** Every binding of one person: what their ID token carries. */
    public List<Binding> of(String subject) {
        return store.of(subject);
    }

    private static void mayBind(Actor manager, String scope) {
        if (!manager.has(Role.PROGRAMME_MANAGER) || !manager.worksOn(scope)) {
            throw new ForbiddenException("You are signed in as " + manager.name() + ", who may not bind people in \""
                    + scope + "\": a programme manager of it may" + (Actor.EVERY_PROGRAMME.equals(scope)
                    ? " (everywhere: only a manager bound everywhere)." : "."));
        }
    }

    private static String trail(String scope) {
        return Actor.EVERY_PROGRAMME.equals(scope) ? EVERYWHERE_TRAIL : scope;
    }

    private static NotFoundException notFound(String subject, String scope) {
        return new NotFoundException("No binding of \"" + subject + "\" in \"" + scope + "\".");
    }

    /** How the audit trail shows a binding: every field, in a fixed order. */
    static String describe(Binding b) {
        StringBuilder text = new StringBuilder("name=" + b.name());
        b.partnershipId().ifPresent(id -> text.append(", partnershipId=").append(id));
        b.adviserId().ifPresent(id -> text.append(", adviserId=").append(id));
        b.personId().ifPresent(id -> text.append(", personId=").append(id));
        b.organisationId().ifPresent(id -> text.append(", organisationId=").append(id));
        return text.toString();
    }
}
