package grants.core.rounds;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.commissioning.Contract;
import grants.core.commissioning.Instalment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Each contract's payment schedule, exactly as rule C11 sets it, shown with the decisions before they
 * are published: an instalment whose due day has already passed is marked, since finance's next
 * payment run pays it (the schedule itself never moves).
 */
public final class RoundSchedules {

    private final RoundService rounds;
    private final RoundAwards awards;
    private final Clock clock;

    public RoundSchedules(RoundService rounds, RoundAwards awards, Clock clock) {
        this.rounds = rounds;
        this.awards = awards;
        this.clock = clock;
    }

    /** An instalment, and whether its day has passed by today (then the next payment run pays it). */
    public record Due(Instalment instalment, boolean dayPassed) {
    }

    /** A contract's schedule as of {@code today}. */
    public record Schedule(Contract contract, List<Due> instalments) {

        public long passedPence() {
            return instalments.stream().filter(Due::dayPassed).mapToLong(due -> due.instalment().pence()).sum();
        }
    }

    /** The schedules as of today: to the manager and auditors once decided, to finance once published. */
    public Schedules schedules(Actor actor, String roundId) {
        RoundHeader header = rounds.header(roundId);
        boolean staff = actor.has(Role.PROGRAMME_MANAGER) || actor.has(Role.AUDITOR);
        if (header.stage() != Stage.PUBLISHED && !(staff && header.stage() == Stage.DECIDED)) {
            throw header.stage() == Stage.DECIDED ? RoundAwards.notPublished(roundId)
                    : new grants.core.errors.ConflictException("NOT_DECIDED", "Round \"" + roundId
                    + "\" has no contracts to schedule until it is decided.");
        }
        LocalDate today = LocalDate.now(clock);
        List<Contract> contracts = header.stage() == Stage.PUBLISHED ? awards.contracts(roundId)
                : awards.outcome(roundId).contracts();
        return new Schedules(today, contracts.stream().map(contract -> new Schedule(contract, contract.instalments()
                .stream().map(i -> new Due(i, i.due().isBefore(today))).toList())).toList());
    }

    public record Schedules(LocalDate asOf, List<Schedule> contracts) {
    }
}
