package grants.core.reporting;

/** A theme of the Sustainable Community Strategy; the register's order of themes is the pack's (P8). */
public record Theme(String id, String title) {
}
