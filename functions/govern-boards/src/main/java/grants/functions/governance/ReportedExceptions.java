package grants.functions.governance;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.errors.NotFoundException;
import grants.core.governance.PackExceptions;
import grants.core.reporting.Indicator;
import grants.core.reporting.ReportCard;
import grants.core.reporting.ReportingService;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reporting's side of governance's port ({@link PackExceptions}) for one register: the exceptions of a
 * board meeting's pack (P8: its cards not met or worse than the previous quarter, in the pack's order),
 * and who owns an indicator. Here, in the function that needs both, so that governance never depends
 * on reporting in the core. A board meeting reporting does not know has no exceptions.
 */
final class ReportedExceptions implements PackExceptions {

    /** Governance reads the register as a reader bound everywhere, never as the caller. */
    private static final Actor READER = Actor.system("govern-boards", Role.AUDITOR);

    private final ReportingService reporting;
    private final String registerId;

    ReportedExceptions(ReportingService reporting, String registerId) {
        this.reporting = reporting;
        this.registerId = registerId;
    }

    @Override
    public List<PackException> exceptionsFor(LocalDate boardMeeting) {
        try {
            return reporting.boardPack(READER, registerId, boardMeeting).cards().stream()
                    .filter(ReportCard::isException).map(ReportedExceptions::exception).toList();
        } catch (NotFoundException noSuchMeeting) {
            return List.of();
        }
    }

    @Override
    public Optional<String> ownerOf(String indicator) {
        try {
            return reporting.register(READER, registerId).indicators().stream()
                    .filter(i -> i.id().equals(indicator)).map(Indicator::owner).findFirst();
        } catch (NotFoundException noSuchRegister) {
            return Optional.empty();
        }
    }

    private static PackException exception(ReportCard card) {
        return new PackException(card.indicatorId(), card.reference(), card.status().words() + ", "
                + card.againstPreviousInWords());
    }
}
