package grants.core.access;

import java.util.Optional;

/** What a person does in a programme; each is a group of the user pool, named as there. */
public enum Role {
    /** Loads programmes, previews and commits runs, sends bulletins, sets up advisers and pools. */
    PROGRAMME_MANAGER("programme-manager"),
    /** Reads runs, gets export links and the balances CSV; changes nothing of a run. */
    FINANCE_OFFICER("finance-officer"),
    /** Delivers their own bookings, with notes. */
    ADVISER("adviser"),
    /** Sees their own partnership only: its grant, reason, support days; requests bookings for it. */
    PARTNERSHIP_MEMBER("partnership-member"),
    /** Reads everything, changes nothing. */
    AUDITOR("auditor"),
    /** A member of a round's Strategic Board: casts their own dots. */
    BOARD_MEMBER("board-member"),
    /** Writes the specification of their sub-group's priority. */
    SUB_GROUP("sub-group"),
    /** Proposes for their own organisation, and reads its proposals and, once published, its decision. */
    PROPOSER("proposer"),
    /** Declares interests, scores and moderates the proposals of their own panel. */
    PANEL_MEMBER("panel-member"),
    /** Submits the monitoring returns of their own organisation's agreements (bound with the organisation). */
    LEAD_CONTACT("lead-contact"),
    /** Monitors the agreements that name them as officer (bound with that person id): reviews, milestones, due dates. */
    OFFICER("officer"),
    /** Records the quarterly figures and narratives of their own indicators (bound as the register's person id). */
    INDICATOR_OWNER("indicator-owner"),
    /** Co-signs an LAA partnership's joint Government/Partnership review (Learning to Deliver's assessments). */
    GOVERNMENT_REVIEWER("government-reviewer"),
    /** Evaluates a programme (bound to it): its surveys, telephone interview notes, recommendations and report. */
    EVALUATOR("evaluator");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    public static Optional<Role> ofGroup(String group) {
        for (Role role : values()) {
            if (role.group.equals(group)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
