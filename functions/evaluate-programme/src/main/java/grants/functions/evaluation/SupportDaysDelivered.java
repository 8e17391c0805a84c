package grants.functions.evaluation;

import grants.core.evaluation.SupportReceived;
import grants.core.events.Participation;
import grants.core.support.Account;
import grants.core.support.Counters;
import grants.core.support.SupportStore;

import java.util.Map;

/**
 * What the report joins of support: the days delivered, from support's counters (a partnership's own and,
 * if it pools its days, its pool's, which were delivered to the pool's members together), and the events
 * it attended, from the events' own read interface ({@link Participation}).
 */
final class SupportDaysDelivered implements SupportReceived {

    private final SupportStore support;
    private final Participation events;

    SupportDaysDelivered(SupportStore support, Participation events) {
        this.support = support;
        this.events = events;
    }

    @Override
    public int halfDaysDelivered(String programmeId, String partnershipId) {
        Map<Account, Counters> counters = support.counters(programmeId);
        int own = counters.getOrDefault(new Account.OfPartnership(partnershipId), Counters.NONE).deliveredHalfDays();
        int pooled = support.poolOf(programmeId, partnershipId)
                .map(pool -> counters.getOrDefault(new Account.OfPool(pool), Counters.NONE).deliveredHalfDays())
                .orElse(0);
        return own + pooled;
    }

    @Override
    public int eventsAttended(String programmeId, String partnershipId) {
        return events.attendedBy(programmeId, partnershipId).attended();
    }
}
