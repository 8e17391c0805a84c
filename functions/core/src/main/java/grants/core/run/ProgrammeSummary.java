package grants.core.run;

/** What the list of programmes shows of each: its id and name, and the version stored now. */
public record ProgrammeSummary(String programmeId, String name, long version, String inputHash) {
}
