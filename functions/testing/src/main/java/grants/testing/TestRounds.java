package grants.testing;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.commissioning.Round;
import grants.documents.Json;
import grants.documents.commissioning.RoundJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;

/** The Coventry round of {@code events/data}, and the people who take part in it, as tests use them. */
public final class TestRounds {

    public static final String COVENTRY = "coventry-commissioning-round.json";

    private TestRounds() {
    }

    public static Round coventry() {
        try (InputStream in = TestRounds.class.getResourceAsStream("/data/" + COVENTRY)) {
            return RoundJson.read(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Actor manager() {
        return Actor.system("manager@coventry.example", Role.PROGRAMME_MANAGER);
    }

    /** A board member, a panel member or a sub-group, acting as themselves. */
    public static Actor person(Role role, String personId) {
        return new Actor(personId, personId + "@coventry.example", Set.of(role), Optional.empty(), Optional.empty(),
                Set.of(Actor.EVERY_PROGRAMME), Optional.of(personId), Optional.empty());
    }

    public static Actor proposerFor(String organisationId) {
        return new Actor("proposer-" + organisationId, "bids@" + organisationId + ".example", Set.of(Role.PROPOSER),
                Optional.empty(), Optional.empty(), Set.of(Actor.EVERY_PROGRAMME), Optional.empty(), Optional.of(organisationId));
    }
}
