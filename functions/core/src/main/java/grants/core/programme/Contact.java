package grants.core.programme;

/** A person a partnership's notices go to; role is e.g. REPRESENTATIVE or PROJECT_CHAMPION. */
public record Contact(String role, String name, String email) {
}
