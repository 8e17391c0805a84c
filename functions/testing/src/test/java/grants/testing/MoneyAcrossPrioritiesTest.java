package grants.testing;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.calendar.FinancialYear;
import grants.core.commitments.CommitmentIntake;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.core.ledger.BudgetStatement;
import grants.core.ledger.LedgerService;
import grants.core.moneymap.MoneyByPriority;
import grants.core.moneymap.MoneyMapping;
import grants.core.reporting.Indicator;
import grants.core.reporting.Register;
import grants.documents.Json;
import grants.documents.reporting.RegisterBook;
import grants.documents.reporting.RegisterBookJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scrutiny seed's "financial mapping review ... to ensure resources are directed equitably across key
 * priorities", for Coventry's round as the spec's worked example awards it: seven contracts of three years,
 * £3,850,000.00 a year of the £5,000,000.00 fund, mapped to the six priorities the board chose, and to the
 * indicator register's themes as far as its indicators name those contracts.
 */
class MoneyAcrossPrioritiesTest {

    private static final String ROUND = LivedRound.ROUND;
    private static final String REGISTER = "coventry-scs";

    private final LivedRound round = new LivedRound();
    private final InMemoryReportingStore registers = new InMemoryReportingStore(round.store.trail());
    private final MoneyMapping mapping = new MoneyMapping(round.store, registers);
    private final Actor manager = new Actor("sub-manager", "manager@coventry.example", Set.of(Role.PROGRAMME_MANAGER),
            Optional.empty(), Optional.empty(), Set.of(ROUND));

    @BeforeEach
    void published() {
        round.untilScoring();
        round.scored();
        round.awards.decide(TestRounds.manager(), ROUND);
        round.awards.publish(TestRounds.manager(), ROUND);
    }

    @Test
    void eachPriorityGetsItsContractsMoneyEachYearAndItsExactShareOfWhatIsCommitted() {
        MoneyByPriority map = mapping.ofRound(manager, ROUND, Optional.empty());

        Map<String, MoneyByPriority.Priority> byIssue = map.priorities().stream()
                .collect(Collectors.toMap(MoneyByPriority.Priority::issueId, priority -> priority));
        assertThat(byIssue.keySet()).containsExactlyInAnyOrder("unemployment", "crime", "young-people", "skills",
                "housing", "cohesion");
        assertThat(byIssue.get("unemployment").contracts())
                .containsExactly("contract-unemployment-northside", "contract-unemployment-pathways");
        assertThat(byIssue.get("unemployment").title()).isEqualTo("Unemployment and worklessness");
        assertThat(byIssue.get("unemployment").byYear()).as("£700,000 and £300,000 a year, each of three years")
                .containsExactly(Map.entry(year("2002-03"), 100_000_000L), Map.entry(year("2003-04"), 100_000_000L),
                        Map.entry(year("2004-05"), 100_000_000L));
        assertThat(shares(map)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "unemployment", "20/77 of the money committed (25.97%)",
                "crime", "13/77 of the money committed (16.88%)",
                "young-people", "10/77 of the money committed (12.99%)",
                "skills", "16/77 of the money committed (20.78%)",
                "housing", "1/7 of the money committed (14.29%)",
                "cohesion", "1/11 of the money committed (9.09%)"));
        assertThat(map.unawardedPence()).isEqualTo(345_000_000L);
        assertThat(map.unawardedOfTheFund().inWords()).isEqualTo("23/100 of the fund (23.00%)");
    }

    @Test
    void thePrioritiesReconcileToTheLedgersCommittedTotalToThePenny() {
        LedgerService ledger = new LedgerService(new InMemoryLedgerStore(round.store.trail()), round.clock);
        new CommitmentIntake(ledger, new InMemoryProgrammeStore(), new InMemoryRunStore(), round.store, round.clock)
                .fromRound(ROUND);

        MoneyByPriority map = mapping.ofRound(manager, ROUND, Optional.empty());

        Map<FinancialYear, Long> ledgerByYear = ledger.statement(manager, ROUND).yearTotals().stream()
                .collect(Collectors.toMap(BudgetStatement.Row::year, BudgetStatement.Row::committedPence));
        assertThat(map.committedByYear()).isEqualTo(ledgerByYear).containsValues(385_000_000L);
        for (FinancialYear year : map.years()) {
            assertThat(map.priorities().stream().mapToLong(priority -> priority.byYear().get(year)).sum()).as("%s", year)
                    .isEqualTo(ledgerByYear.get(year));
        }
        assertThat(map.priorities().stream().mapToLong(MoneyByPriority.Priority::totalPence).sum())
                .isEqualTo(map.committedPence()).isEqualTo(1_155_000_000L);
        assertThat(map.priorities().stream().mapToLong(priority -> priority.share().numerator()
                * (77 / priority.share().denominator())).sum()).as("the shares make the whole").isEqualTo(77);
    }

    @Test
    void eachThemeGetsTheMoneyOfTheContractsItsIndicatorsNameAndWhatNoIndicatorNamesIsSaidPlainly()
            throws IOException {
        registers.create(registerNaming(Map.of(
                "ni-152", List.of("contract-unemployment-pathways", "contract-unemployment-northside"),
                "ni-163", List.of("contract-skills-network"),
                "ni-116", List.of("contract-unemployment-pathways", "grant-elsewhere-coventry"),
                "ni-20", List.of("contract-crime-safer-streets"),
                "ni-1", List.of("contract-cohesion-northside"))), AuditEntry.by(manager, round.clock.instant(), REGISTER,
                "REGISTER_CREATED", REGISTER, null, "Coventry's register"));

        MoneyByPriority.Themes themes = mapping.ofRound(manager, ROUND, Optional.of(REGISTER)).themes();

        assertThat(themes.themes()).extracting(MoneyByPriority.Theme::themeId, MoneyByPriority.Theme::totalPence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("prosperity", 540_000_000L),
                        org.assertj.core.groups.Tuple.tuple("children", 210_000_000L),
                        org.assertj.core.groups.Tuple.tuple("safer-healthier", 195_000_000L),
                        org.assertj.core.groups.Tuple.tuple("stronger", 105_000_000L),
                        org.assertj.core.groups.Tuple.tuple("environment", 0L));
        assertThat(themes.themes().get(0).indicators()).containsExactlyInAnyOrder("ni-152", "ni-163");
        assertThat(themes.contractsInNoTheme()).containsExactly("contract-housing-homes-together",
                "contract-young-people-spon-end");
        assertThat(themes.inNoThemePence()).isEqualTo(315_000_000L);
        assertThat(themes.note()).contains("not to a priority or a fund", "counts under both",
                "2 contracts feed no indicator of this register.");
    }

    @Test
    void whoMayReadItAreThoseWhoMayReadTheRoundsBudget() {
        for (Role role : List.of(Role.PROGRAMME_MANAGER, Role.FINANCE_OFFICER, Role.BOARD_MEMBER, Role.AUDITOR)) {
            assertThat(mapping.ofRound(bound(role, ROUND), ROUND, Optional.empty()).committedPence()).as("%s", role)
                    .isEqualTo(1_155_000_000L);
        }
        for (Role role : List.of(Role.PROPOSER, Role.PANEL_MEMBER, Role.SUB_GROUP, Role.PARTNERSHIP_MEMBER)) {
            assertThatThrownBy(() -> mapping.ofRound(bound(role, ROUND), ROUND, Optional.empty())).as("%s", role)
                    .isInstanceOf(ForbiddenException.class);
        }
        assertThatThrownBy(() -> mapping.ofRound(bound(Role.PROGRAMME_MANAGER, "another-round"), ROUND,
                Optional.empty())).isInstanceOf(ForbiddenException.class).hasMessageContaining("not bound to " + ROUND);
    }

    @Test
    void aRegisterOrRoundThatIsNotThereIsNamed() {
        assertThatThrownBy(() -> mapping.ofRound(manager, ROUND, Optional.of(" ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("register");
        assertThatThrownBy(() -> mapping.ofRound(manager, ROUND, Optional.of("no-such-register")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-register");
        Actor everywhere = bound(Role.PROGRAMME_MANAGER, "no-such-round");
        assertThatThrownBy(() -> mapping.ofRound(everywhere, "no-such-round", Optional.empty()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-round");
    }

    private static Map<String, String> shares(MoneyByPriority map) {
        return map.priorities().stream().collect(Collectors.toMap(MoneyByPriority.Priority::issueId,
                priority -> priority.share().inWords()));
    }

    private static FinancialYear year(String text) {
        return FinancialYear.parse(text).orElseThrow();
    }

    private static Actor bound(Role role, String scope) {
        return new Actor("someone", "someone@coventry.example", Set.of(role), Optional.empty(), Optional.empty(),
                Set.of(scope));
    }

    /** Coventry's register, its indicators naming the agreements that feed them (its own document names none). */
    private static Register registerNaming(Map<String, List<String>> contributions) throws IOException {
        JsonNode document;
        try (InputStream in = MoneyAcrossPrioritiesTest.class.getResourceAsStream("/data/coventry-indicators.json")) {
            document = Json.MAPPER.readTree(in);
        }
        RegisterBook book = RegisterBookJson.read(document);
        List<Indicator> indicators = book.indicators().stream().map(i -> new Indicator(i.id(), i.reference(), i.title(),
                i.outcome(), i.owner(), i.polarity(), i.measure(), i.accumulation(), i.decimals(), i.unit(),
                i.baseline(), i.targets(), i.tolerance(), contributions.getOrDefault(i.id(), List.of()))).toList();
        return new Register(REGISTER, "", book.themes(), book.outcomes(), book.people(), indicators, List.of(),
                Register.DEFAULT_OWNER_REMINDER_WORKING_DAYS, 1);
    }
}
