package grants.core.monitoring;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is monitored: a commissioning round's contract or a partnership's grant from a committed
 * run, in force from {@code start} to {@code end}. {@code trail} is the round or programme it came
 * from: its changes are recorded in that audit trail. {@code title} is what people call it (the
 * proposal's title, the partnership's name); by default its id. {@code organisationName} is what the
 * organisation is called where the agreement came from (the round's lead organisation, the
 * partnership); by default its id. Money is in pence.
 */
public record Agreement(String id, Source source, String trail, String organisation, String officer, LocalDate start,
                        LocalDate end, List<Instalment> instalments, List<Milestone> milestones,
                        List<Output> outputs, String title, String organisationName) {

    public enum Source { CONTRACT, GRANT }

    /** Instalment {@code number} (1..n) of {@code pence}, payable from {@code due}. */
    public record Instalment(int number, LocalDate due, long pence) {
    }

    /** A milestone; the instalments it {@code gates} are held while it is missed (M10). */
    public record Milestone(String id, LocalDate due, String description, Set<Integer> gates) {
        public Milestone {
            gates = new TreeSet<>(gates);
        }
    }

    /** A measure the returns report, with its whole-number target for a year. */
    public record Output(String measure, long annualTarget) {
    }

    /** An agreement called by its id. */
    public Agreement(String id, Source source, String trail, String organisation, String officer, LocalDate start,
                     LocalDate end, List<Instalment> instalments, List<Milestone> milestones, List<Output> outputs) {
        this(id, source, trail, organisation, officer, start, end, instalments, milestones, outputs, id);
    }

    /** An agreement under its title, its organisation called by its id. */
    public Agreement(String id, Source source, String trail, String organisation, String officer, LocalDate start,
                     LocalDate end, List<Instalment> instalments, List<Milestone> milestones, List<Output> outputs,
                     String title) {
        this(id, source, trail, organisation, officer, start, end, instalments, milestones, outputs, title, organisation);
    }

    /** The same agreement under the title people know it by. */
    public Agreement titled(String newTitle) {
        return new Agreement(id, source, trail, organisation, officer, start, end, instalments, milestones, outputs,
                newTitle, organisationName);
    }

    /** The same agreement, its organisation called by the name it has where the agreement came from. */
    public Agreement withOrganisationNamed(String name) {
        return new Agreement(id, source, trail, organisation, officer, start, end, instalments, milestones, outputs,
                title, name);
    }

    /** The same agreement with {@code personId} as its officer, who reviews its returns and gets its OFFICER reminders. */
    public Agreement withOfficer(String personId) {
        return new Agreement(id, source, trail, organisation, personId, start, end, instalments, milestones, outputs,
                title, organisationName);
    }

    public Agreement {
        instalments = instalments.stream().sorted(Comparator.comparingInt(Instalment::number)).toList();
        milestones = milestones.stream().sorted(Comparator.comparing(Milestone::id)).toList();
        outputs = outputs.stream().sorted(Comparator.comparing(Output::measure)).toList();
    }

    public long totalPence() {
        return instalments.stream().mapToLong(Instalment::pence).sum();
    }

    /** The instalment paid last, retained until the final return is in (M10 FINAL_RETURN). */
    public int lastInstalment() {
        return instalments.get(instalments.size() - 1).number();
    }
}
