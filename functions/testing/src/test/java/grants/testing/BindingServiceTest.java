package grants.testing;

import grants.core.access.Actor;
import grants.core.access.Binding;
import grants.core.access.BindingService;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditLog;
import grants.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BindingServiceTest {

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final InMemoryBindingStore store = new InMemoryBindingStore();
    private final BindingService bindings = new BindingService(store,
            new AuditLog(trail, new SettableClock(Instant.parse("2007-04-02T09:00:00Z"))));

    private static final Actor EVERYWHERE_MANAGER = Actor.system("head@grants.example", Role.PROGRAMME_MANAGER);
    private static final Actor COVENTRY_MANAGER = new Actor("sub-cov", "cov@grants.example",
            Set.of(Role.PROGRAMME_MANAGER), Optional.empty(), Optional.empty(), Set.of("coventry-2008"));

    private static Binding boardMember(String scope) {
        return new Binding("sub-board-01", scope, "Board member one", Optional.empty(), Optional.empty(),
                Optional.of("board-01"), Optional.empty());
    }

    @Test
    void aManagerBindsSomeoneInTheirRoundAndTheAuditTrailSaysWhoDidWhat() {
        bindings.bind(COVENTRY_MANAGER, boardMember("coventry-2008"));

        assertThat(bindings.of("sub-board-01")).containsExactly(boardMember("coventry-2008"));
        var entry = trail.page("coventry-2008", Optional.empty(), 10).entries().get(0);
        assertThat(entry.actorSubject()).isEqualTo("sub-cov");
        assertThat(entry.action()).isEqualTo("BINDING_ADDED");
        assertThat(entry.target()).isEqualTo("binding/sub-board-01");
        assertThat(entry.before()).isNull();
        assertThat(entry.after()).isEqualTo("name=Board member one, personId=board-01");
    }

    @Test
    void aChangedBindingKeepsWhatItWasInTheAuditTrail() {
        bindings.bind(COVENTRY_MANAGER, boardMember("coventry-2008"));
        bindings.bind(COVENTRY_MANAGER, new Binding("sub-board-01", "coventry-2008", "Board member one",
                Optional.empty(), Optional.empty(), Optional.of("board-02"), Optional.empty()));

        var entry = trail.page("coventry-2008", Optional.empty(), 10).entries().get(0);
        assertThat(entry.action()).isEqualTo("BINDING_CHANGED");
        assertThat(entry.before()).contains("personId=board-01");
        assertThat(entry.after()).contains("personId=board-02");
    }

    @Test
    void theSameBindingAgainChangesNothingAndRecordsNothing() {
        bindings.bind(COVENTRY_MANAGER, boardMember("coventry-2008"));
        bindings.bind(COVENTRY_MANAGER, boardMember("coventry-2008"));

        assertThat(trail.page("coventry-2008", Optional.empty(), 10).entries()).hasSize(1);
    }

    @Test
    void aManagerSeesThePeopleBoundInTheirRoundByNameAndNoOneElse() {
        bindings.bind(COVENTRY_MANAGER, boardMember("coventry-2008"));
        Binding panelMember = new Binding("sub-u5", "coventry-2008", "Amrit Kaur", Optional.empty(), Optional.empty(),
                Optional.of("u5"), Optional.of("hillfields-ca"));
        bindings.bind(COVENTRY_MANAGER, panelMember);
        bindings.bind(COVENTRY_MANAGER, new Binding("sub-pathways", "coventry-2008", "Pathways Trust", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("pathways")));
        bindings.bind(EVERYWHERE_MANAGER, boardMember("another-round"));

        assertThat(bindings.people(COVENTRY_MANAGER, "coventry-2008")).as("people with a person id, by name")
                .containsExactly(panelMember, boardMember("coventry-2008"));
        assertThatThrownBy(() -> bindings.people(COVENTRY_MANAGER, "another-round")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> bindings.people(Actor.system("audit@grants.example", Role.AUDITOR), "coventry-2008"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(bindings.people(subGroupOf("coventry-2008"), "coventry-2008")).as("a sub-group names its panel too")
                .containsExactly(panelMember, boardMember("coventry-2008"));
        assertThatThrownBy(() -> bindings.people(subGroupOf("another-round"), "coventry-2008"))
                .isInstanceOf(ForbiddenException.class);
    }

    private static Actor subGroupOf(String round) {
        return new Actor("sub-sg", "subgroup@coventry.example", Set.of(Role.SUB_GROUP), Optional.empty(),
                Optional.empty(), Set.of(round));
    }

    @Test
    void aManagerOfOneRoundCannotBindInAnotherNorEverywhere() {
        assertThatThrownBy(() -> bindings.bind(COVENTRY_MANAGER, boardMember("another-round")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> bindings.bind(COVENTRY_MANAGER, boardMember(Actor.EVERY_PROGRAMME)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("only a manager bound everywhere");
        assertThat(store.of("sub-board-01")).isEmpty();
        assertThat(trail.page("another-round", Optional.empty(), 10).entries()).isEmpty();
    }

    @Test
    void onlyAManagerBinds() {
        Actor auditor = Actor.system("audit@grants.example", Role.AUDITOR);
        assertThatThrownBy(() -> bindings.bind(auditor, boardMember("coventry-2008")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(store.of("sub-board-01")).isEmpty();
    }

    @Test
    void aManagerBoundEverywhereBindsEverywhereAndItIsRecordedInTheBindingsTrail() {
        bindings.bind(EVERYWHERE_MANAGER, boardMember(Actor.EVERY_PROGRAMME));

        assertThat(trail.page(BindingService.EVERYWHERE_TRAIL, Optional.empty(), 10).entries()).hasSize(1);
    }

    @Test
    void unbindingRemovesItAndIsRecorded() {
        bindings.bind(COVENTRY_MANAGER, boardMember("coventry-2008"));
        bindings.unbind(COVENTRY_MANAGER, "sub-board-01", "coventry-2008");

        assertThat(bindings.of("sub-board-01")).isEmpty();
        var entry = trail.page("coventry-2008", Optional.empty(), 10).entries().get(0);
        assertThat(entry.action()).isEqualTo("BINDING_REMOVED");
        assertThat(entry.after()).isNull();
    }

    @Test
    void aBindingWithAHiddenCharacterOrABadIdIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new Binding("sub-x", "coventry-2008", "Eve\u202Egnp", Optional.empty(),
                Optional.empty(), Optional.of("board 01"), Optional.empty()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.details())
                        .extracting(p -> p.field()).containsExactlyInAnyOrder("name", "personId"));
    }
}
