package grants.core.errors;

/** One thing wrong with an input: the field's path (e.g. {@code partnerships[12].county}) and what is wrong. */
public record Problem(String field, String problem) {
}
