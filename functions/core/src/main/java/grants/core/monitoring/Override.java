package grants.core.monitoring;

/** M11: a held instalment paid at the next payment run whatever holds it, asked for by one person and approved by another. */
public record Override(Act request, String approvedBy) {
}
