package grants.core.reporting;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Figures loaded as a file, every row or none: each row is checked as {@link ReportingService#record} would
 * check it (the figure's parts, then P10 in its order: the caller's indicator, the baseline, the quarter
 * over, a reason for a revision, counting the file's own earlier rows for the quarter), every problem is
 * named by its row and column, and only a file without one is recorded, row by row, in its order.
 */
public final class FigureUploads {

    private final ReportingService reporting;
    private final ReportingStore store;
    /** Days are Europe/London's, as the use cases' are. */
    private final Clock inLondon;

    public FigureUploads(ReportingService reporting, ReportingStore store, Clock clock) {
        this.reporting = reporting;
        this.store = store;
        this.inLondon = clock.withZone(ZoneId.of("Europe/London"));
    }

    /** Records every row, or refuses the whole file (400) naming each problem ({@code row 3.period}). */
    public List<Observation> record(Actor actor, String registerId, List<UploadedFigure> rows) {
        Register register = reporting.register(actor, registerId);
        refuseRowsNotTheirs(actor, register, rows);
        List<Problem> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            problems.add(new Problem("rows", "the file has no figures: a header, then a row for each figure"));
        }
        Set<String> figured = new HashSet<>();
        store.observations(registerId).forEach(o -> figured.add(o.indicator() + " " + o.period()));
        LocalDate today = LocalDate.now(inLondon);
        for (UploadedFigure row : rows) {
            problems.addAll(problemsOf(actor, register, row, figured, today));
            figured.add(row.indicatorId() + " " + row.period());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The figures were refused: " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + " found; nothing was recorded.", problems);
        }
        return rows.stream().map(row -> reporting.record(actor, registerId, row.indicatorId(), row.period(), row.figure(),
                row.finality(), row.reason())).toList();
    }

    /**
     * P10 asks who first: a file with a row for someone else's indicator is refused whole (403 NOT_OWNER), naming
     * the rows, before anything else about it is said. A manager records any indicator's figures.
     */
    private static void refuseRowsNotTheirs(Actor actor, Register register, List<UploadedFigure> rows) {
        if (actor.has(Role.PROGRAMME_MANAGER) && actor.worksOn(register.registerId())) {
            return;
        }
        List<String> notTheirs = rows.stream().filter(row -> register.indicator(row.indicatorId())
                .filter(indicator -> !actor.is(Role.INDICATOR_OWNER, indicator.owner())).isPresent())
                .map(row -> "row " + row.row() + " (" + row.indicatorId() + ")").toList();
        if (!notTheirs.isEmpty()) {
            throw new NotYoursException(Refusal.NOT_OWNER, String.join(", ", notTheirs));
        }
    }

    private static List<Problem> problemsOf(Actor actor, Register register, UploadedFigure row, Set<String> figured,
                                            LocalDate today) {
        Optional<Indicator> found = register.indicator(row.indicatorId());
        if (found.isEmpty()) {
            return List.of(new Problem(row.column("indicator_id"), "is not an indicator of the register: \""
                    + row.indicatorId() + "\""));
        }
        Indicator indicator = found.get();
        List<Problem> problems = new ArrayList<>();
        if (row.reference() != null && !row.reference().equals(indicator.reference())) {
            problems.add(new Problem(row.column("reference"), "is \"" + row.reference() + "\" but " + indicator.id()
                    + " is " + indicator.reference() + ": is the row against the right indicator?"));
        }
        row.figure().problems(indicator.accumulation())
                .forEach(problem -> problems.add(new Problem(row.column(problem.field()), problem.problem())));
        if (row.period().isBefore(indicator.baseline().period())) {
            problems.add(new Problem(row.column("period"), Refusal.BEFORE_BASELINE.explanation() + " ("
                    + indicator.baseline().period() + ")"));
        } else if (!row.period().endedBefore(today)) {
            problems.add(new Problem(row.column("period"), Refusal.QUARTER_NOT_ENDED.explanation()));
        } else if (figured.contains(row.indicatorId() + " " + row.period())
                && (row.reason() == null || row.reason().isBlank())) {
            problems.add(new Problem(row.column("reason"), Refusal.REVISION_WITHOUT_REASON.explanation()));
        }
        return problems;
    }
}
