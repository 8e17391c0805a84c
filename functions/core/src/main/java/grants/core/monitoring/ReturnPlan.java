package grants.core.monitoring;

import java.time.LocalDate;

/**
 * One return an agreement owes (M2): the financial quarter it reports on, its place in the
 * agreement (1 for the first quarter), the day it opens and the due date the agreement set.
 */
public record ReturnPlan(String id, String agreementId, Kind kind, int place, LocalDate quarterStart,
                         LocalDate quarterEnd, LocalDate opensOn, LocalDate originalDue) {

    public enum Kind { QUARTERLY, FINAL }
}
