package grants.core.evaluation;

import java.util.List;

/**
 * What evaluation reads of a programme's partnership: who it is, its tier and locality in words (for the
 * report's breakdown), and its contacts (the representatives and champion the programme document names),
 * each invited to the survey.
 */
public record SurveyedPartnership(String id, String name, String tier, String locality, List<Contact> contacts) {

    public SurveyedPartnership {
        contacts = List.copyOf(contacts);
    }

    public record Contact(String name, String email) {
    }

    /** The narrow interface evaluation reads programmes through (one way: programmes never know evaluation). */
    public interface Source {

        /** The partnerships of the programme's latest document, by id; none if there is no such programme. */
        List<SurveyedPartnership> of(String programmeId);
    }
}
