package grants.testing;

import grants.core.programme.Programme;
import grants.core.run.AllocationRunStore;
import grants.core.run.AllocationService;
import grants.core.run.ProgrammeStore;
import grants.documents.Json;
import grants.documents.JsonProgrammeDocuments;
import grants.documents.ProgrammeJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

/** The programme documents of {@code events/data}, read as a user's upload would be. */
public final class TestProgrammes {

    public static final String WEST_MIDLANDS = "west-midlands-2007-08.json";
    public static final String WARWICKSHIRE_WITHDRAWN = "west-midlands-warwickshire-withdrawn.json";

    private TestProgrammes() {
    }

    /** The fixture under another programme id, so tests sharing a store stay apart. */
    public static Programme programme(String fixture, String programmeId) {
        try (InputStream in = TestProgrammes.class.getResourceAsStream("/data/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            var document = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return ProgrammeJson.read(document.put("programmeId", programmeId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The allocation service over these stores, for a function's test to put programmes and commit
     * runs as AllocateGrants would (the function under test builds its own from its composition).
     */
    public static AllocationService allocations(ProgrammeStore programmes, AllocationRunStore runs, Clock clock) {
        return new AllocationService(programmes, runs, new JsonProgrammeDocuments(), clock, new SecureRandom());
    }
}
