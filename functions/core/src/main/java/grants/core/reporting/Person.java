package grants.core.reporting;

/**
 * Someone the register names: an indicator owner, a board or scrutiny member, a manager. Their id is
 * the person id a signed-in caller is bound with ({@code Actor.personId}).
 */
public record Person(String id, String name, String email, Kind kind) {

    public enum Kind { OWNER, BOARD, SCRUTINY, MANAGER }
}
