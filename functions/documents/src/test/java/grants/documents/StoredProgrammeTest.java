package grants.documents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.programme.Programme;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A programme read back from the store, without the schema check it met on the way in. */
class StoredProgrammeTest {

    @Test
    void aStoredProgrammeReadsBackAsItWasStored() {
        Programme programme = ProgrammeJson.read(Fixtures.document(Fixtures.WEST_MIDLANDS)).canonical();

        assertThat(ProgrammeJson.readStored(ProgrammeJson.write(programme))).isEqualTo(programme);
    }

    @Test
    void aStoredDocumentThatNoLongerReadsIsAFaultNamingTheField() {
        ObjectNode broken = ProgrammeJson.write(ProgrammeJson.read(Fixtures.document(Fixtures.WEST_MIDLANDS)));
        broken.put("eurRate", "not a rate");

        assertThatThrownBy(() -> ProgrammeJson.readStored(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("eurRate");
    }
}
