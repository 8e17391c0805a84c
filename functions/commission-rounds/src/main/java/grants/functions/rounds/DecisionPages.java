package grants.functions.rounds;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.commissioning.ProposalOutcome;
import grants.http.PageRequest;

import java.util.Comparator;
import java.util.List;

/**
 * A round's decisions a page at a time, by proposal id, as a run's rows are paged: {@code ?limit=N}
 * (1 to 1,000, default 500) and {@code ?after=ID}, the {@code next} of the page before; the answer's
 * {@code proposalsPage} says the limit, the total and that {@code next}. A decision is about 1 KB,
 * so a page stays far under the 6 MB a Lambda response may carry however many proposals a round has.
 * The round's totals (the fund, each specification's budget) come with every page.
 */
final class DecisionPages {

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 1_000;

    private DecisionPages() {
    }

    static PageRequest request(APIGatewayV2HTTPEvent request) {
        return PageRequest.of(request, DEFAULT_LIMIT, MAX_LIMIT, "decisions");
    }

    /** Puts the page of these decisions the request asks for, and where the next page starts, into the response. */
    static ObjectNode write(ObjectNode response, List<ProposalOutcome> decisions, PageRequest page) {
        List<ProposalOutcome> pageAndOneMore = decisions.stream()
                .sorted(Comparator.comparing(decision -> decision.proposal().id()))
                .filter(decision -> page.after().map(after -> decision.proposal().id().compareTo(after) > 0).orElse(true))
                .limit(page.limit() + 1L).toList();
        List<ProposalOutcome> shown = pageAndOneMore.subList(0, Math.min(page.limit(), pageAndOneMore.size()));
        ArrayNode proposals = response.putArray("proposals");
        shown.forEach(decision -> proposals.add(RoundViews.decision(decision)));
        ObjectNode about = response.putObject("proposalsPage").put("limit", page.limit()).put("total", decisions.size());
        about.put("next", pageAndOneMore.size() > page.limit() ? shown.get(shown.size() - 1).proposal().id() : null);
        return response;
    }
}
