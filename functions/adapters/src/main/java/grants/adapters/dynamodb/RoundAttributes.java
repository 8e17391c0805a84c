package grants.adapters.dynamodb;

import grants.core.commissioning.Fraction;
import grants.core.commissioning.Fund;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.RoundSetup;
import grants.core.commissioning.Sector;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.number;
import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.text;

/**
 * The parts of a round's records that are stored as nested attributes: the set-up (one map, so a
 * write can be conditional on the whole of it), fractions as numerator and denominator, and lists
 * of small records. Money is whole pence in number attributes; nothing is stored as display text.
 */
final class RoundAttributes {

    private RoundAttributes() {
    }

    static AttributeValue setup(RoundSetup setup) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("roundId", s(setup.roundId()));
        m.put("name", s(setup.name()));
        m.put("fund", AttributeValue.fromM(Map.of("annualPence", n(setup.fund().annualPence()),
                "years", n(setup.fund().years()), "firstYear", s(setup.fund().firstYear()))));
        // As written, with its scale: a number attribute would come back as 1.6 for 1.60.
        putText(m, "eurRate", setup.eurRate() == null ? null : setup.eurRate().toPlainString());
        m.put("priorityCount", n(setup.priorityCount()));
        m.put("dotsPerVoter", n(setup.dotsPerVoter()));
        m.put("crossCuttingThemes", list(setup.crossCuttingThemes(), theme -> Map.of("id", s(theme.id()),
                "title", s(theme.title()))));
        m.put("criteria", list(setup.criteria(), criterion -> Map.of("id", s(criterion.id()),
                "title", s(criterion.title()), "weight", n(criterion.weight()))));
        m.put("scoreScale", n(setup.scoreScale()));
        m.put("fundableThreshold", fraction(setup.fundableThreshold()));
        m.put("moderationSpread", fraction(setup.moderationSpread()));
        m.put("panelQuorum", n(setup.panelQuorum()));
        m.put("issues", list(setup.issues(), RoundAttributes::issue));
        m.put("voters", list(setup.voters(), voter -> Map.of("id", s(voter.id()), "name", s(voter.name()),
                "sector", s(voter.sector().name()))));
        m.put("organisations", list(setup.organisations(), organisation -> {
            Map<String, AttributeValue> o = new HashMap<>(Map.of("id", s(organisation.id()),
                    "name", s(organisation.name()), "sector", s(organisation.sector().name())));
            putText(o, "email", organisation.email());
            return o;
        }));
        m.put("mailingList", list(setup.mailingList(), recipient -> {
            Map<String, AttributeValue> r = new HashMap<>(Map.of("name", s(recipient.name())));
            putText(r, "email", recipient.email());
            return r;
        }));
        return AttributeValue.fromM(m);
    }

    static RoundSetup setup(AttributeValue value) {
        Map<String, AttributeValue> m = value.m();
        Map<String, AttributeValue> fund = m.get("fund").m();
        String eurRate = text(m, "eurRate");
        return new RoundSetup(text(m, "roundId"), text(m, "name"), new Fund(number(fund, "annualPence"),
                (int) number(fund, "years"), text(fund, "firstYear")), eurRate == null ? null : new BigDecimal(eurRate),
                (int) number(m, "priorityCount"), (int) number(m, "dotsPerVoter"),
                list(m, "crossCuttingThemes", t -> new RoundSetup.Theme(text(t, "id"), text(t, "title"))),
                list(m, "criteria", c -> new RoundSetup.Criterion(text(c, "id"), text(c, "title"), (int) number(c, "weight"))),
                (int) number(m, "scoreScale"), fraction(m.get("fundableThreshold")), fraction(m.get("moderationSpread")),
                (int) number(m, "panelQuorum"), list(m, "issues", RoundAttributes::issue),
                list(m, "voters", v -> new RoundSetup.Voter(text(v, "id"), text(v, "name"), Sector.valueOf(text(v, "sector")))),
                list(m, "organisations", o -> new RoundSetup.Organisation(text(o, "id"), text(o, "name"),
                        Sector.valueOf(text(o, "sector")), text(o, "email"))),
                list(m, "mailingList", r -> new RoundSetup.Recipient(text(r, "name"), text(r, "email"))));
    }

    private static Map<String, AttributeValue> issue(RoundSetup.Issue issue) {
        return Map.of("id", s(issue.id()), "title", s(issue.title()), "strategicOutcome", s(issue.strategicOutcome()),
                "surveyRank", n(issue.surveyRank()), "evidence", list(issue.evidence(), evidence -> Map.of(
                        "statistic", s(evidence.statistic()), "source", s(evidence.source()),
                        "date", s(evidence.date().toString()))));
    }

    private static RoundSetup.Issue issue(Map<String, AttributeValue> m) {
        return new RoundSetup.Issue(text(m, "id"), text(m, "title"), text(m, "strategicOutcome"),
                (int) number(m, "surveyRank"), list(m, "evidence", e -> new RoundSetup.Evidence(text(e, "statistic"),
                        text(e, "source"), LocalDate.parse(text(e, "date")))));
    }

    /** An exact fraction, as its numerator and denominator. */
    static AttributeValue fraction(Fraction fraction) {
        return AttributeValue.fromM(Map.of("numerator", AttributeValue.fromN(fraction.numerator().toString()),
                "denominator", AttributeValue.fromN(fraction.denominator().toString())));
    }

    static Fraction fraction(AttributeValue value) {
        return new Fraction(new BigInteger(value.m().get("numerator").n()), new BigInteger(value.m().get("denominator").n()));
    }

    static AttributeValue milestones(List<Proposal.Milestone> milestones) {
        return list(milestones, milestone -> Map.of("due", s(milestone.due()), "description", s(milestone.description())));
    }

    static List<Proposal.Milestone> milestones(Map<String, AttributeValue> item) {
        return list(item, "milestones", m -> new Proposal.Milestone(text(m, "due"), text(m, "description")));
    }

    static AttributeValue outputs(List<Proposal.Output> outputs) {
        return list(outputs, output -> Map.of("measure", s(output.measure()), "annualTarget", n(output.annualTarget())));
    }

    static List<Proposal.Output> outputs(Map<String, AttributeValue> item) {
        return list(item, "outputs", m -> new Proposal.Output(text(m, "measure"), number(m, "annualTarget")));
    }

    /** Text by key, such as a proposal's answer per cross-cutting theme. */
    static AttributeValue texts(Map<String, String> texts) {
        Map<String, AttributeValue> m = new HashMap<>();
        texts.forEach((key, text) -> m.put(key, s(text)));
        return AttributeValue.fromM(m);
    }

    static Map<String, String> texts(Map<String, AttributeValue> item, String name) {
        Map<String, String> texts = new java.util.TreeMap<>();
        AttributeValue value = item.get(name);
        if (value != null) {
            value.m().forEach((key, text) -> texts.put(key, text.s()));
        }
        return texts;
    }

    /** A list attribute of maps, one per record, in the list's order. */
    static <T> AttributeValue list(List<T> values, Function<T, Map<String, AttributeValue>> toMap) {
        return AttributeValue.fromL(values.stream().map(value -> AttributeValue.fromM(toMap.apply(value))).toList());
    }

    /** The records of a list attribute of maps; none when the attribute is absent. */
    static <T> List<T> list(Map<String, AttributeValue> item, String name, Function<Map<String, AttributeValue>, T> fromMap) {
        AttributeValue value = item.get(name);
        return value == null ? List.of() : value.l().stream().map(AttributeValue::m).map(fromMap).toList();
    }

    /** Optional text is absent when there is none, so it reads back as null. */
    static void putText(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
