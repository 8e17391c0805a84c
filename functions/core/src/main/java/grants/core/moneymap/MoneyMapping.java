package grants.core.moneymap;

import grants.core.access.Actor;
import grants.core.calendar.FinancialYear;
import grants.core.commissioning.Contract;
import grants.core.commissioning.Fund;
import grants.core.commissioning.RoundSetup;
import grants.core.commissioning.Specification;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.core.ledger.LedgerAccess;
import grants.core.reporting.Indicator;
import grants.core.reporting.Register;
import grants.core.reporting.ReportingStore;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.RoundStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Maps a round's committed money across its priorities (each contract is under one specification, which
 * is under one priority) and, if a register is named, across its themes. Reads rounds and reporting one
 * way: neither knows it exists. Who may read it: whoever may read the round's budget statement.
 */
public final class MoneyMapping {

    private final RoundStore rounds;
    private final ReportingStore registers;

    public MoneyMapping(RoundStore rounds, ReportingStore registers) {
        this.rounds = rounds;
        this.registers = registers;
    }

    public MoneyByPriority ofRound(Actor actor, String roundId, Optional<String> registerId) {
        LedgerAccess.requireStatementReader(actor, roundId);
        RoundHeader header = rounds.header(roundId)
                .orElseThrow(() -> new NotFoundException("No commissioning round " + roundId + "."));
        RoundSetup setup = header.setup();
        List<Specification> specifications = rounds.specifications(roundId);
        List<Contract> contracts = rounds.contracts(roundId);
        List<FinancialYear> years = years(setup.fund());
        long committed = contracts.stream().mapToLong(Contract::totalPence).sum();

        Map<String, List<Contract>> byIssue = new LinkedHashMap<>();
        specifications.forEach(specification -> byIssue.putIfAbsent(specification.issue(), new ArrayList<>()));
        Map<String, String> issueOfSpecification = specifications.stream()
                .collect(Collectors.toMap(Specification::id, Specification::issue));
        for (Contract contract : contracts) {
            String issue = issueOfSpecification.getOrDefault(contract.specificationId(), contract.specificationId());
            byIssue.computeIfAbsent(issue, none -> new ArrayList<>()).add(contract);
        }
        List<MoneyByPriority.Priority> priorities = new ArrayList<>();
        byIssue.forEach((issue, under) -> {
            long total = under.stream().mapToLong(Contract::totalPence).sum();
            priorities.add(new MoneyByPriority.Priority(issue, setup.issue(issue).map(RoundSetup.Issue::title)
                    .orElse(issue), under.stream().map(Contract::id).sorted().toList(), byYear(under, years), total,
                    Share.of(total, committed, "of the money committed")));
        });
        long fund = setup.fund().annualPence() * setup.fund().years();
        return new MoneyByPriority(roundId, setup.name(), years, priorities, byYear(contracts, years), committed, fund,
                fund - committed, Share.of(fund - committed, fund, "of the fund"),
                registerId.map(id -> themes(id, contracts)).orElseGet(MoneyByPriority.Themes::none));
    }

    /**
     * The register links an indicator to the monitored agreements whose outputs feed it (its
     * contributions), and a round's contract is monitored under its own id: a theme's money is that of
     * the round's contracts its indicators name. Nothing links a theme to a priority or a fund.
     */
    private MoneyByPriority.Themes themes(String registerId, List<Contract> contracts) {
        if (registerId.isBlank()) {
            throw InvalidInputException.of("register", "must name an indicator register, or be left out");
        }
        Register register = registers.register(registerId)
                .orElseThrow(() -> new NotFoundException("No indicator register " + registerId + "."));
        Map<String, Contract> byId = contracts.stream().collect(Collectors.toMap(Contract::id, contract -> contract));
        List<MoneyByPriority.Theme> themes = new ArrayList<>();
        Set<String> linked = new java.util.TreeSet<>();
        for (grants.core.reporting.Theme theme : register.themes()) {
            List<Indicator> indicators = register.indicators().stream()
                    .filter(indicator -> register.themeOf(indicator).id().equals(theme.id())).toList();
            List<String> named = indicators.stream().flatMap(indicator -> indicator.contributions().stream())
                    .filter(byId::containsKey).distinct().sorted().toList();
            linked.addAll(named);
            themes.add(new MoneyByPriority.Theme(theme.id(), theme.title(), indicators.stream()
                    .filter(indicator -> indicator.contributions().stream().anyMatch(byId::containsKey))
                    .map(Indicator::id).toList(), named, named.stream().mapToLong(id -> byId.get(id).totalPence()).sum()));
        }
        List<String> unlinked = byId.keySet().stream().filter(id -> !linked.contains(id)).sorted().toList();
        String note = "The register ties an indicator to the monitored agreements that feed it, not to a priority"
                + " or a fund: a theme's money is that of the round's contracts its indicators name. A contract that"
                + " feeds indicators of two themes counts under both, so the themes need not add up to the round's"
                + " money." + (unlinked.isEmpty() ? "" : " " + unlinked.size() + (unlinked.size() == 1
                ? " contract feeds" : " contracts feed") + " no indicator of this register.");
        return new MoneyByPriority.Themes(registerId, themes, unlinked,
                unlinked.stream().mapToLong(id -> byId.get(id).totalPence()).sum(), note);
    }

    private static List<FinancialYear> years(Fund fund) {
        List<FinancialYear> years = new ArrayList<>();
        FinancialYear year = FinancialYear.parse(fund.firstYear()).orElseThrow();
        for (int i = 0; i < fund.years(); i++, year = year.next()) {
            years.add(year);
        }
        return years;
    }

    /** Each year of the fund, and what these contracts' instalments due in it add up to. */
    private static Map<FinancialYear, Long> byYear(List<Contract> contracts, List<FinancialYear> years) {
        Map<FinancialYear, Long> byYear = new TreeMap<>();
        years.forEach(year -> byYear.put(year, 0L));
        contracts.stream().flatMap(contract -> contract.instalments().stream())
                .forEach(instalment -> byYear.merge(FinancialYear.of(instalment.due()), instalment.pence(), Long::sum));
        return byYear;
    }
}
