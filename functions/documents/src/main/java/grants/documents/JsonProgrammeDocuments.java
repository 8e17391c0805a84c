package grants.documents;

import grants.core.programme.Programme;
import grants.core.run.ProgrammeDocuments;

import java.nio.charset.StandardCharsets;

/** The programme document in its JSON form, for the use cases that read uploads and hash programmes. */
public final class JsonProgrammeDocuments implements ProgrammeDocuments {

    @Override
    public Programme read(byte[] document, String programmeId) {
        return ProgrammeJson.read(Json.parse(new String(document, StandardCharsets.UTF_8)), programmeId);
    }

    @Override
    public String inputHash(Programme programme) {
        return ProgrammeJson.inputHash(programme);
    }
}
