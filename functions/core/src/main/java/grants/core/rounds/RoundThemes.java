package grants.core.rounds;

import grants.core.access.Actor;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.RoundSetup;
import grants.core.errors.ConflictException;
import grants.core.errors.Problem;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A cross-cutting theme added once the vote has shown it matters (Coventry made health one that
 * way): after voting closes and before the specifications are published, so that every proposal,
 * all of them sent after the call, answers it at the eligibility gateway (rule C4).
 */
public final class RoundThemes {

    private final RoundStore store;
    private final RoundService rounds;
    private final Clock clock;

    public RoundThemes(RoundStore store, RoundService rounds, Clock clock) {
        this.store = store;
        this.rounds = rounds;
        this.clock = clock;
    }

    /** Adds the theme to the round's set-up, audited in the same write; the round's themes after it. */
    public List<RoundSetup.Theme> add(Actor actor, String roundId, RoundSetup.Theme theme) {
        RoundHeader header = rounds.at(roundId, Stage.SPECIFYING, "Adding a cross-cutting theme");
        RoundSetup setup = header.setup();
        List<Problem> problems = new ArrayList<>();
        if (theme.id() == null || !theme.id().matches(RoundSetup.ID_PATTERN)) {
            problems.add(new Problem("id", "must be 1 to 64 of a-z, 0-9 and -"));
        }
        if (theme.title() == null || theme.title().isBlank()) {
            problems.add(new Problem("title", "is required"));
        }
        RoundService.refuseIfAny("cross-cutting theme", problems);
        if (setup.crossCuttingThemes().stream().anyMatch(existing -> existing.id().equals(theme.id()))) {
            throw new ConflictException("THEME_EXISTS", "Round \"" + roundId + "\" has the cross-cutting theme \""
                    + theme.id() + "\" already.");
        }
        List<RoundSetup.Theme> themes = new ArrayList<>(setup.crossCuttingThemes());
        themes.add(theme);
        RoundSetup widened = new RoundSetup(setup.roundId(), setup.name(), setup.fund(), setup.eurRate(),
                setup.priorityCount(), setup.dotsPerVoter(), themes, setup.criteria(), setup.scoreScale(),
                setup.fundableThreshold(), setup.moderationSpread(), setup.panelQuorum(), setup.issues(), setup.voters(),
                setup.organisations(), setup.mailingList());
        RoundHeader next = new RoundHeader(widened, header.stage(), header.selected(), header.tieNote(),
                header.closingDate());
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "CROSS_CUTTING_THEME_ADDED", "round " + roundId,
                describe(setup.crossCuttingThemes()), describe(themes));
        // Conditional on the set-up read: a theme added meanwhile by someone else is never overwritten.
        // Publication is conditional on the same set-up: the theme is in the call, or refused here, never after it.
        if (!store.replaceIfUnchanged(next, header, entry)) {
            if (rounds.header(roundId).stage() != Stage.SPECIFYING) {
                throw new ConflictException("ROUND_MOVED_ON", "The specifications of round \"" + roundId + "\" were"
                        + " published while the theme was being added; nothing was changed. A cross-cutting theme is"
                        + " added only before the call for proposals.");
            }
            throw new ConflictException("ROUND_CHANGED", "Round \"" + roundId + "\" changed while the theme was being"
                    + " added; nothing was changed. Reload it and try again.");
        }
        return List.copyOf(themes);
    }

    private static String describe(List<RoundSetup.Theme> themes) {
        return themes.isEmpty() ? "no cross-cutting themes" : "cross-cutting themes: " + String.join(", ",
                themes.stream().map(t -> t.id() + " (" + t.title() + ")").toList());
    }
}
