package grants.core.monitoring;

import grants.core.commissioning.RoundSetup;
import grants.core.notices.NoticeService;
import grants.core.notices.NoticeStore;
import grants.core.rounds.RoundStore;
import grants.core.run.ProgrammeStore;

import java.util.List;
import java.util.Set;

/**
 * Where reminders go, from what rounds and programmes already hold: a contract's lead organisation
 * at the address its round writes to it at, a grant's partnership at its representatives' and
 * project champions' addresses (as its run notices go). Addresses that bounced or complained are
 * left out, so a reminder with nobody left is NO_CONTACT. People's own addresses (an officer's) are
 * not on record, so an officer's reminders find nobody yet.
 */
public final class KnownAddressees implements Addressees {

    private final RoundStore rounds;
    private final ProgrammeStore programmes;
    private final NoticeStore notices;

    public KnownAddressees(RoundStore rounds, ProgrammeStore programmes, NoticeStore notices) {
        this.rounds = rounds;
        this.programmes = programmes;
        this.notices = notices;
    }

    /** Without the agreement it is not known where to look. */
    @java.lang.Override
    public List<String> leadContacts(String organisation) {
        return List.of();
    }

    @java.lang.Override
    public List<String> leadContactsOf(Agreement agreement) {
        List<String> addresses = agreement.source() == Agreement.Source.CONTRACT
                ? rounds.header(agreement.trail()).stream().flatMap(round -> round.setup().organisations().stream())
                .filter(organisation -> organisation.id().equals(agreement.organisation()))
                .map(RoundSetup.Organisation::email).toList()
                : programmes.load(agreement.trail()).flatMap(stored -> stored.programme()
                .partnership(agreement.organisation())).map(NoticeService::recipients).orElse(List.of());
        Set<String> suppressed = notices.suppressed(addresses);
        return addresses.stream().filter(address -> !suppressed.contains(address)).distinct().sorted().toList();
    }

    @java.lang.Override
    public List<String> person(String personId) {
        return List.of();
    }
}
