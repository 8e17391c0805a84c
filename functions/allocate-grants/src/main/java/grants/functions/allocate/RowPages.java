package grants.functions.allocate;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.allocation.AllocationRow;
import grants.http.PageRequest;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A run's rows a page at a time, by partnership id: {@code ?limit=N} (1 to 5,000, default 1,000)
 * and {@code ?after=ID}, the {@code next} of the page before. At 5,000 rows of about 500 bytes a
 * page stays far under the 6 MB a Lambda response may carry, whatever the programme's size; the
 * whole run is the export's CSV.
 */
final class RowPages {

    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 5_000;

    /** What a request asks for: how many rows, after which partnership. */
    record Request(int limit, Optional<String> after) {

        static Request of(APIGatewayV2HTTPEvent request) {
            PageRequest asked = PageRequest.of(request, DEFAULT_LIMIT, MAX_LIMIT, "rows");
            return new Request(asked.limit(), asked.after());
        }
    }

    private RowPages() {
    }

    /** Puts the page of all these rows that the request asks for, and where the next page starts, into the response. */
    static ObjectNode write(ObjectNode response, List<AllocationRow> rows, Request page) {
        List<AllocationRow> ordered = rows.stream().sorted(Comparator.comparing(AllocationRow::partnershipId))
                .filter(row -> page.after().map(after -> row.partnershipId().compareTo(after) > 0).orElse(true))
                .limit(page.limit() + 1L).toList();
        return writePage(response, ordered, rows.size(), page);
    }

    /**
     * Puts a page into the response from rows already read for it, in order: the page's rows and
     * one more if there are more, which says where the next page starts.
     */
    static ObjectNode writePage(ObjectNode response, List<AllocationRow> pageAndOneMore, int total, Request page) {
        List<AllocationRow> shown = pageAndOneMore.subList(0, Math.min(page.limit(), pageAndOneMore.size()));
        response.set("rows", RunJson.rows(shown));
        ObjectNode about = response.putObject("rowsPage").put("limit", page.limit()).put("total", total);
        about.put("next", pageAndOneMore.size() > page.limit() ? shown.get(shown.size() - 1).partnershipId() : null);
        return response;
    }
}
