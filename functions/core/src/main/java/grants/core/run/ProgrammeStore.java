package grants.core.run;

import grants.core.programme.Programme;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Where programmes are kept (outbound port). */
public interface ProgrammeStore {

    /**
     * Stores the programme as the next version.
     *
     * @param expectedVersion when present, the store refuses with a {@link grants.core.errors.ConflictException}
     *                        unless the stored version is still this one
     */
    StoredProgramme save(Programme programme, String inputHash, OptionalLong expectedVersion);

    Optional<StoredProgramme> load(String programmeId);

    /** Every stored programme, by id, without reading their documents. */
    List<ProgrammeSummary> list();

    /** Whether the programme is stored, without reading its document. */
    boolean exists(String programmeId);

    /**
     * Keeps the programme exactly as a run was computed from it, under its input hash, so that what
     * is derived from a committed run later (exports, notices) never sees a later edit. Idempotent.
     */
    void saveSnapshot(Programme programme, String inputHash);

    Optional<Programme> snapshot(String programmeId, String inputHash);

    /**
     * The outline of {@link #snapshot}: the same programme's name, finance contacts, other funds and grant budget. A
     * store that keeps the outline beside the snapshot reads it alone.
     */
    default Optional<ProgrammeOutline> snapshotOutline(String programmeId, String inputHash) {
        return snapshot(programmeId, inputHash).map(ProgrammeOutline::of);
    }
}
