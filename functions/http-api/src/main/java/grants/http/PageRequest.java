package grants.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import grants.core.errors.InvalidInputException;

import java.util.Optional;

/**
 * What a request for one page of a long list asks for, the same for every such list (a run's rows,
 * a round's decisions): {@code ?limit=N}, how many, and {@code ?after=ID}, the {@code next} of the
 * page before (an id of the list's own order). A bad value is refused naming its parameter.
 */
public record PageRequest(int limit, Optional<String> after) {

    /** What a page's {@code next} can be: the ids the lists are ordered by. */
    private static final String CURSOR = "[a-z0-9-]{1,64}";

    /** @param ofWhat what the list holds, to name in a refusal: "rows", "decisions" */
    public static PageRequest of(APIGatewayV2HTTPEvent request, int defaultLimit, int maxLimit, String ofWhat) {
        long limit = HttpRequests.query(request, "limit")
                .map(value -> HttpRequests.wholeNumber("limit", value, 1, maxLimit)).orElse((long) defaultLimit);
        Optional<String> after = HttpRequests.query(request, "after");
        after.filter(cursor -> !cursor.matches(CURSOR)).ifPresent(cursor -> {
            throw InvalidInputException.of("after", "must be the next value a page of " + ofWhat + " gave");
        });
        return new PageRequest((int) limit, after);
    }
}
