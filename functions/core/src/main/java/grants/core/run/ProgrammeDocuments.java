package grants.core.run;

import grants.core.programme.Programme;

/** The programme document's format (outbound port): read from bytes, and hashed in its canonical form. */
public interface ProgrammeDocuments {

    /**
     * Reads and validates a document sent for {@code programmeId}.
     *
     * @throws grants.core.errors.InvalidInputException naming every field at fault
     */
    Programme read(byte[] document, String programmeId);

    /** SHA-256 of the canonical document: equal for equal programmes whatever their input order (R10). */
    String inputHash(Programme programme);
}
