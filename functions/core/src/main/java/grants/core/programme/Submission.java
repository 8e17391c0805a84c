package grants.core.programme;

import java.util.List;

/** One improvement project. {@code sharedWith} keeps the order given; {@link #sorted()} is canonical (R10). */
public record Submission(String partnershipId, String title, Basis basis, List<String> sharedWith) {

    public enum Basis {
        LAA_REVIEW,
        SELF_ASSESSMENT
    }

    public Submission {
        sharedWith = List.copyOf(sharedWith);
    }

    public Submission sorted() {
        return new Submission(partnershipId, title, basis, sharedWith.stream().distinct().sorted().toList());
    }
}
