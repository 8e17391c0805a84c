package grants.core.evaluation;

import com.samskivert.mustache.Template;
import grants.core.mail.Templates;
import grants.core.text.InWords;

import java.util.HashMap;
import java.util.Map;

/** A survey's invitation and its reminders, in plain English, each with the contact's own link. */
final class SurveyEmails {

    private static final Template TEXT = Templates.text("/grants/core/evaluation/survey.txt.mustache");
    private static final Template HTML = Templates.html("/grants/core/evaluation/survey.html.mustache");

    record Written(String subject, String text, String html) {
    }

    private SurveyEmails() {
    }

    /** {@code reminder} 0 is the invitation, 1 and 2 the reminders. */
    static Written write(Survey survey, Invitation invitation, String partnershipName, String link, int reminder) {
        String subject = (reminder == 0 ? "" : "Reminder: ") + survey.title() + " for " + partnershipName;
        Map<String, Object> values = new HashMap<>();
        values.put("name", invitation.name());
        values.put("surveyTitle", survey.title());
        values.put("opening", (reminder == 0 ? "You are invited, as a contact of " + partnershipName + ", to answer the "
                : "We have not yet had your answers to the ") + survey.title() + " (the " + survey.wave().words()
                + " survey of the programme's evaluation)." + (reminder == 0 ? ""
                : " This is reminder " + reminder + " of " + Survey.REMINDERS + ", with a new link: the earlier one works too, until you answer."));
        values.put("link", link);
        values.put("closingDate", InWords.date(survey.closingDate()));
        return new Written(subject, TEXT.execute(values), HTML.execute(values));
    }
}
