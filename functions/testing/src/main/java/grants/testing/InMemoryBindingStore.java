package grants.testing;

import grants.core.access.Binding;
import grants.core.access.BindingStore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link BindingStore} in memory: one binding per person and scope, listed by scope. */
public final class InMemoryBindingStore implements BindingStore {

    private final Map<String, Map<String, Binding>> bySubject = new TreeMap<>();

    @Override
    public synchronized Optional<Binding> put(Binding binding) {
        return Optional.ofNullable(bySubject.computeIfAbsent(binding.subject(), s -> new TreeMap<>())
                .put(binding.scope(), binding));
    }

    @Override
    public synchronized Optional<Binding> get(String subject, String scope) {
        return Optional.ofNullable(bySubject.getOrDefault(subject, Map.of()).get(scope));
    }

    @Override
    public synchronized Optional<Binding> remove(String subject, String scope) {
        Map<String, Binding> scopes = bySubject.get(subject);
        return scopes == null ? Optional.empty() : Optional.ofNullable(scopes.remove(scope));
    }

    @Override
    public synchronized List<Binding> of(String subject) {
        return List.copyOf(bySubject.getOrDefault(subject, Map.of()).values());
    }

    @Override
    public synchronized List<Binding> inScope(String scope) {
        return bySubject.values().stream().map(scopes -> scopes.get(scope)).filter(java.util.Objects::nonNull).toList();
    }
}
