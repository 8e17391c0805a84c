package grants.functions.rounds;

import com.fasterxml.jackson.databind.JsonNode;
import grants.testing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static grants.testing.TestRounds.manager;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing the decisions on the emulators, as CommissionRounds' policy allows it: the contracts in
 * the round's partition, then finance's files, then PUBLISHED; a publication cut short is completed
 * by its retry, and nothing is shown before it is whole.
 */
class PublishDecisionsTest {

    private final SettableClock clock = RoundSteps.roundsClock();
    private RoundsOnTheEmulators emulators;
    private RoundSteps steps;

    @BeforeEach
    void decided() {
        emulators = RoundsOnTheEmulators.wiring(getClass(), clock);
        steps = new RoundSteps(new CommissionRoundsHandler(emulators.wiring()), clock);
        steps.decide();
    }

    @Test
    void contractsAndFinancesFilesArePublishedTogether() {
        JsonNode published = RoundSteps.ok(steps.call(manager(), RoundRoutes.PUBLISH_DECISIONS, Map.of(), null));

        assertThat(published.get("contracts")).hasSize(7);
        assertThat(objects()).contains("payments.csv", "contracts.csv", "manifest.json");
        assertThat(RoundSteps.ok(steps.call(manager(), RoundRoutes.GET_CONTRACTS, Map.of(), null)).get("contracts"))
                .hasSize(7);
    }

    @Test
    void aPublicationCutShortShowsNothingAndItsRetryCompletesIt() {
        emulators.aws().s3().deleteBucket(request -> request.bucket(emulators.bucket())); // finance's files cannot be written

        assertThat(steps.call(manager(), RoundRoutes.PUBLISH_DECISIONS, Map.of(), null).getStatusCode()).isEqualTo(500);
        assertThat(steps.call(manager(), RoundRoutes.GET_CONTRACTS, Map.of(), null).getStatusCode())
                .as("no contracts are shown without their files").isEqualTo(404);

        emulators.aws().s3().createBucket(request -> request.bucket(emulators.bucket()));
        JsonNode retried = RoundSteps.ok(steps.call(manager(), RoundRoutes.PUBLISH_DECISIONS, Map.of(), null));

        assertThat(retried.get("contracts")).hasSize(7);
        assertThat(objects()).contains("payments.csv", "contracts.csv", "manifest.json");
    }

    private List<String> objects() {
        return emulators.aws().s3().listObjectsV2(request -> request.bucket(emulators.bucket())
                        .prefix("exports/" + RoundSteps.ROUND + "/round-decisions/"))
                .contents().stream().map(object -> object.key().substring(object.key().lastIndexOf('/') + 1)).toList();
    }
}
