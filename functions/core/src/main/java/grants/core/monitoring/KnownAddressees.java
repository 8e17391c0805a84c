package grants.core.monitoring;

import grants.core.commissioning.RoundSetup;
import grants.core.notices.NoticeService;
import grants.core.notices.NoticeStore;
import grants.core.rounds.RoundStore;
import grants.core.run.ProgrammeStore;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where reminders go, from what rounds and programmes already hold: a contract's lead organisation
 * at the address its round writes to it at, a grant's partnership at its representatives' and
 * project champions' addresses (as its run notices go). Addresses that bounced or complained are
 * left out, so a reminder with nobody left is NO_CONTACT. An officer's reminders go to the address
 * the manager who named them gave ({@link MonitoringService#nameOfficer}), if it has not bounced.
 */
public final class KnownAddressees implements Addressees {

    private final RoundStore rounds;
    private final ProgrammeStore programmes;
    private final NoticeStore notices;
    private final Function<String, Optional<String>> addressOfPerson;

    /** Without people's addresses: an officer's reminders find nobody. */
    public KnownAddressees(RoundStore rounds, ProgrammeStore programmes, NoticeStore notices) {
        this(rounds, programmes, notices, personId -> Optional.empty());
    }

    /** @param addressOfPerson a person's address as kept when they were named officer ({@link MonitoringStore#addressOf}) */
    public KnownAddressees(RoundStore rounds, ProgrammeStore programmes, NoticeStore notices,
                           Function<String, Optional<String>> addressOfPerson) {
        this.rounds = rounds;
        this.programmes = programmes;
        this.notices = notices;
        this.addressOfPerson = addressOfPerson;
    }

    /** Without the agreement it is not known where to look. */
    @java.lang.Override
    public List<String> leadContacts(String organisation) {
        return List.of();
    }

    @java.lang.Override
    public List<String> leadContactsOf(Agreement agreement) {
        return lessSuppressed(agreement.source() == Agreement.Source.CONTRACT
                ? rounds.header(agreement.trail()).stream().flatMap(round -> round.setup().organisations().stream())
                .filter(organisation -> organisation.id().equals(agreement.organisation()))
                .map(RoundSetup.Organisation::email).toList()
                : programmes.load(agreement.trail()).flatMap(stored -> stored.programme()
                .partnership(agreement.organisation())).map(NoticeService::recipients).orElse(List.of()));
    }

    @java.lang.Override
    public List<String> person(String personId) {
        return personId == null || personId.isEmpty() ? List.of()
                : lessSuppressed(addressOfPerson.apply(personId).stream().toList());
    }

    private List<String> lessSuppressed(List<String> addresses) {
        Set<String> suppressed = notices.suppressed(addresses);
        return addresses.stream().filter(address -> !suppressed.contains(address)).distinct().sorted().toList();
    }
}
