package grants.testing;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditLog;
import grants.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log names the actor and the time of every change, and refuses absurd page requests. */
class AuditLogTest {

    private final Clock clock = Clock.fixed(Instant.parse("2007-06-01T09:00:00Z"), ZoneOffset.UTC);
    private final AuditLog log = new AuditLog(new InMemoryAuditTrail(), clock);
    private final Actor manager = Actor.system("manager@westmidlands.example", Role.PROGRAMME_MANAGER);

    @Test
    void anEntryNamesWhoAndWhen() {
        log.record(manager, "wm", "BULLETIN_POSTED", "bulletin briefing-1", null, "\"Briefing\" to ALL, 76 emails");

        var entry = log.page("wm", Optional.empty(), 10).entries().get(0);
        assertThat(entry.actorEmail()).isEqualTo("manager@westmidlands.example");
        assertThat(entry.at()).isEqualTo(clock.instant());
        assertThat(entry.after()).contains("76 emails");
    }

    @Test
    void aPageLargerThanTheMostIsRefusedNamingTheLimit() {
        assertThatThrownBy(() -> log.page("wm", Optional.empty(), AuditLog.MAX_PAGE + 1))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).details().get(0).field()).isEqualTo("limit"));
    }
}
