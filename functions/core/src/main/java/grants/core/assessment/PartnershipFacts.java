package grants.core.assessment;

import java.util.List;

/**
 * What assessing needs to know of a partnership, from the programme document: its name, whether it
 * has a Local Area Agreement (a joint review is for those only), whether it is a district, and the
 * email addresses of the Project Champions it names (the one who confirms its assessments).
 */
public record PartnershipFacts(String id, String name, boolean laa, boolean district, List<String> championEmails) {

    public PartnershipFacts {
        championEmails = List.copyOf(championEmails);
    }

    public boolean isChampion(String email) {
        return email != null && championEmails.stream().anyMatch(email::equalsIgnoreCase);
    }
}
