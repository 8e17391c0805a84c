package grants.documents.commissioning;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.commissioning.Ballot;
import grants.core.commissioning.Fraction;
import grants.core.commissioning.Fund;
import grants.core.commissioning.Moderation;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.Round;
import grants.core.commissioning.RoundSetup;
import grants.core.commissioning.RoundValidator;
import grants.core.commissioning.ScoreSheet;
import grants.core.commissioning.Sector;
import grants.core.commissioning.Specification;
import grants.core.money.Money;
import grants.documents.FieldReader;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads a round document (the shape of {@code coventry-commissioning-round.json}), and each part
 * of it the API takes stage by stage, with every problem named by its field path. Parts are read
 * with a shared {@link FieldReader} so a whole document reports everything at once.
 */
public final class RoundJson {

    public static final String ID_IN_WORDS = "1 to 64 characters of a-z, 0-9 and -";
    private static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    private static final int MAX_LIST = 10_000;
    /** Statistics an issue may carry: enough for any board paper, few enough to read on one page. */
    private static final int MAX_EVIDENCE = 20;
    private static final int MAX_SCORES = 200_000;

    private RoundJson() {
    }

    /** A whole round for replay: refused whole, every problem named, or returned. */
    public static Round read(JsonNode document) {
        FieldReader reader = new FieldReader();
        if (!reader.isObject(document, "body")) {
            throw reader.refusal("round", "nothing was written");
        }
        reader.onlyFields(document, "", "roundId", "name", "fund", "eurRate", "priorityCount", "dotsPerVoter",
                "crossCuttingThemes", "criteria", "scoreScale", "fundableThreshold", "moderationSpread", "panelQuorum",
                "issues", "voters", "organisations", "mailingList", "ballots", "specifications", "proposals", "panels",
                "scores", "moderations");
        RoundSetup setup = setup(document, reader);
        List<Ballot> ballots = list(document, "ballots", MAX_LIST, reader, (node, path) -> ballot(node, path, reader));
        List<Specification> specifications = list(document, "specifications", MAX_LIST, reader, (node, path) -> specification(node, path, reader));
        List<Proposal> proposals = list(document, "proposals", MAX_LIST, reader, (node, path) -> proposal(node, path, reader));
        List<Panel> panels = list(document, "panels", MAX_LIST, reader, (node, path) -> panel(node, path, reader));
        List<ScoreSheet> scores = list(document, "scores", MAX_SCORES, reader, (node, path) -> scoreSheet(node, path, reader));
        List<Moderation> moderations = list(document, "moderations", MAX_LIST, reader, (node, path) -> moderation(node, path, reader));
        if (setup == null) {
            throw reader.refusal("round", "nothing was written");
        }
        Round round = new Round(setup, ballots, specifications, proposals, panels, scores, moderations);
        // The rules' checks run even when some entries were unreadable, so every problem is named at
        // once; what they say of an entry (or a list) already reported unreadable is left out.
        Set<String> unreadable = new HashSet<>();
        reader.problems().forEach(problem -> {
            unreadable.add(entryOf(problem.field()));
            unreadable.add(listOf(problem.field()));
        });
        RoundValidator.problems(round).stream()
                .filter(problem -> !unreadable.contains(entryOf(problem.field())) && !unreadable.contains(problem.field()))
                .forEach(problem -> reader.problem(problem.field(), problem.problem()));
        reader.refuseIfAny("round", "nothing was written");
        return round;
    }

    /** "scores[1].criteria.a" is an entry of "scores[1]". */
    private static String entryOf(String field) {
        int close = field.indexOf(']');
        return close < 0 ? field : field.substring(0, close + 1);
    }

    /** "scores[1].criteria.a" is in the list "scores". */
    private static String listOf(String field) {
        int open = field.indexOf('[');
        return open < 0 ? field : field.substring(0, open);
    }

    /** What the programme manager sets up: every field of the round document but its stages' records. */
    public static RoundSetup setup(JsonNode doc, FieldReader reader) {
        String roundId = reader.id(doc, "", "roundId", RoundSetup.ID_PATTERN, ID_IN_WORDS, true);
        String name = reader.text(doc, "", "name", false);
        Fund fund = fund(doc, reader);
        BigDecimal eurRate = doc.hasNonNull("eurRate") ? reader.positiveDecimal(doc, "", "eurRate") : null;
        Integer priorityCount = whole(doc, "", "priorityCount", reader);
        Integer dots = whole(doc, "", "dotsPerVoter", reader);
        List<RoundSetup.Theme> themes = list(doc, "crossCuttingThemes", 100, reader, (node, path) -> {
            reader.onlyFields(node, path, "id", "title");
            return present(new RoundSetup.Theme(id(node, path, "id", reader), reader.text(node, path, "title", true)));
        });
        List<RoundSetup.Criterion> criteria = list(doc, "criteria", 100, reader, (node, path) -> {
            reader.onlyFields(node, path, "id", "title", "weight");
            Integer weight = whole(node, path, "weight", reader);
            return weight == null ? null : present(new RoundSetup.Criterion(id(node, path, "id", reader),
                    reader.text(node, path, "title", true), weight));
        });
        Integer scale = whole(doc, "", "scoreScale", reader);
        Fraction threshold = fraction(doc, "", "fundableThreshold", reader);
        Fraction spread = fraction(doc, "", "moderationSpread", reader);
        Integer quorum = whole(doc, "", "panelQuorum", reader);
        List<RoundSetup.Issue> issues = list(doc, "issues", 1_000, reader, (node, path) -> {
            reader.onlyFields(node, path, "id", "title", "strategicOutcome", "surveyRank", "evidence");
            Integer rank = whole(node, path, "surveyRank", reader);
            String id = id(node, path, "id", reader);
            String title = reader.text(node, path, "title", true);
            String outcome = reader.text(node, path, "strategicOutcome", true, FieldReader.MAX_LONG_TEXT);
            List<RoundSetup.Evidence> evidence = list(node, path, "evidence", MAX_EVIDENCE, reader,
                    (item, itemPath) -> evidence(item, itemPath, reader));
            return rank == null ? null : present(new RoundSetup.Issue(id, title, outcome, rank, evidence));
        });
        List<RoundSetup.Voter> voters = list(doc, "voters", MAX_LIST, reader, (node, path) -> {
            reader.onlyFields(node, path, "id", "name", "sector");
            return present(new RoundSetup.Voter(id(node, path, "id", reader), reader.text(node, path, "name", true),
                    reader.oneOf(node, path, "sector", Sector.class, true)));
        });
        List<RoundSetup.Organisation> organisations = list(doc, "organisations", MAX_LIST, reader, (node, path) -> {
            reader.onlyFields(node, path, "id", "name", "sector", "email");
            return present(new RoundSetup.Organisation(id(node, path, "id", reader), reader.text(node, path, "name", true),
                    reader.oneOf(node, path, "sector", Sector.class, true), email(node, path, reader)));
        });
        List<RoundSetup.Recipient> mailingList = list(doc, "mailingList", MAX_LIST, reader, (node, path) -> {
            reader.onlyFields(node, path, "name", "email");
            return present(new RoundSetup.Recipient(reader.text(node, path, "name", true), email(node, path, reader)));
        });
        if (fund == null || priorityCount == null || dots == null || scale == null || threshold == null
                || spread == null || quorum == null || roundId == null) {
            return null;
        }
        RoundSetup setup = new RoundSetup(roundId, name == null ? roundId : name, fund, eurRate, priorityCount, dots,
                themes, criteria, scale, threshold, spread, quorum, issues, voters, organisations, mailingList);
        if (reader.problems().isEmpty()) {
            RoundValidator.setupProblems(setup).forEach(problem -> reader.problem(problem.field(), problem.problem()));
        }
        return setup;
    }

    private static Fund fund(JsonNode doc, FieldReader reader) {
        JsonNode node = doc.get("fund");
        if (!reader.isObject(node, "fund")) {
            return null;
        }
        reader.onlyFields(node, "fund", "annualAmount", "years", "firstYear");
        Long annual = reader.pence(node, "fund", "annualAmount", true);
        Integer years = whole(node, "fund", "years", reader);
        String firstYear = reader.text(node, "fund", "firstYear", true);
        return annual == null || years == null || firstYear == null ? null : new Fund(annual, years, firstYear);
    }

    public static Ballot ballot(JsonNode node, String path, FieldReader reader) {
        reader.onlyFields(node, path, "voter", "dots");
        String voter = reader.text(node, path, "voter", true);
        List<String> dots = strings(node, path, "dots", true, "an issue id", reader);
        return voter == null ? null : new Ballot(voter, dots);
    }

    public static Specification specification(JsonNode node, String path, FieldReader reader) {
        reader.onlyFields(node, path, "id", "issue", "outcome", "indicators", "maxAnnualAllocation", "subGroup");
        String id = id(node, path, "id", reader);
        String issue = reader.text(node, path, "issue", true);
        String outcome = reader.text(node, path, "outcome", true, FieldReader.MAX_LONG_TEXT);
        List<String> indicators = strings(node, path, "indicators", true, "an indicator", reader);
        Long max = reader.pence(node, path, "maxAnnualAllocation", true);
        String subGroup = reader.text(node, path, "subGroup", false);
        return id == null || issue == null || outcome == null || max == null ? null
                : new Specification(id, issue, outcome, indicators, max, subGroup);
    }

    public static Proposal proposal(JsonNode node, String path, FieldReader reader) {
        reader.onlyFields(node, path, "id", "specification", "title", "lead", "partners", "annualAmount", "evaluationPlan",
                "sponsor", "clientGroupConsulted", "clientGroupSeats", "crossCutting", "milestones", "outputs");
        String id = id(node, path, "id", reader);
        String specification = reader.text(node, path, "specification", true);
        String title = reader.text(node, path, "title", true);
        String lead = reader.text(node, path, "lead", true);
        List<String> partners = strings(node, path, "partners", false, "an organisation id", reader);
        Long annual = reader.pence(node, path, "annualAmount", true);
        String evaluationPlan = reader.text(node, path, "evaluationPlan", false, FieldReader.MAX_LONG_TEXT);
        Proposal.Sponsor sponsor = null;
        JsonNode sponsorNode = node.get("sponsor");
        String sponsorPath = FieldReader.path(path, "sponsor");
        if (sponsorNode != null && !sponsorNode.isNull() && reader.isObject(sponsorNode, sponsorPath)) {
            reader.onlyFields(sponsorNode, sponsorPath, "organisation", "commitment");
            String organisation = reader.text(sponsorNode, sponsorPath, "organisation", true);
            String commitment = reader.text(sponsorNode, sponsorPath, "commitment", false, FieldReader.MAX_LONG_TEXT);
            sponsor = organisation == null ? null : new Proposal.Sponsor(organisation, commitment);
        }
        boolean consulted = reader.bool(node, path, "clientGroupConsulted", false);
        Integer seats = node.hasNonNull("clientGroupSeats") ? whole(node, path, "clientGroupSeats", reader) : Integer.valueOf(0);
        Map<String, String> crossCutting = new LinkedHashMap<>();
        JsonNode themes = node.get("crossCutting");
        String themesPath = FieldReader.path(path, "crossCutting");
        if (themes != null && !themes.isNull() && reader.isObject(themes, themesPath)) {
            if (themes.size() > 100) {
                reader.problem(themesPath, "has more themes than any round could");
            } else {
                themes.fieldNames().forEachRemaining(theme -> {
                    String text = themes.get(theme).isTextual() && themes.get(theme).asText().isBlank() ? ""
                            : reader.text(themes, themesPath, theme, false, FieldReader.MAX_LONG_TEXT);
                    if (text != null) {
                        crossCutting.put(theme, text);
                    }
                });
            }
        }
        List<Proposal.Milestone> milestones = list(node, path, "milestones", 200, reader, (m, mPath) -> {
            reader.onlyFields(m, mPath, "due", "description");
            String due = reader.id(m, mPath, "due", "[0-9]{4}-[0-9]{2}-[0-9]{2}", "a date such as 2002-09-30", true);
            return present(new Proposal.Milestone(due, reader.text(m, mPath, "description", true, FieldReader.MAX_LONG_TEXT)));
        });
        List<Proposal.Output> outputs = list(node, path, "outputs", 200, reader, (o, oPath) -> {
            reader.onlyFields(o, oPath, "measure", "annualTarget");
            Integer target = whole(o, oPath, "annualTarget", reader);
            return target == null ? null : present(new Proposal.Output(reader.text(o, oPath, "measure", true), target));
        });
        if (id == null || specification == null || title == null || lead == null || annual == null || seats == null) {
            return null;
        }
        return new Proposal(id, specification, title, lead, partners, annual, evaluationPlan, sponsor, consulted, seats,
                crossCutting, milestones, outputs);
    }

    public static Panel panel(JsonNode node, String path, FieldReader reader) {
        reader.onlyFields(node, path, "specification", "members");
        String specification = reader.text(node, path, "specification", true);
        List<Panel.Member> members = list(node, path, "members", 200, reader, (m, mPath) -> member(m, mPath, reader));
        return specification == null ? null : new Panel(specification, members);
    }

    public static Panel.Member member(JsonNode node, String path, FieldReader reader) {
        reader.onlyFields(node, path, "id", "name", "organisation", "interests");
        return present(new Panel.Member(id(node, path, "id", reader), reader.text(node, path, "name", true),
                reader.text(node, path, "organisation", true),
                strings(node, path, "interests", false, "a proposal id", reader)));
    }

    public static ScoreSheet scoreSheet(JsonNode node, String path, FieldReader reader) {
        reader.onlyFields(node, path, "member", "proposal", "criteria");
        String member = reader.text(node, path, "member", true);
        String proposal = reader.text(node, path, "proposal", true);
        Map<String, Integer> criteria = criteria(node, path, reader);
        return member == null || proposal == null || criteria == null ? null : new ScoreSheet(member, proposal, criteria);
    }

    /** Criterion id to a whole number; the range is the round's to check. */
    public static Map<String, Integer> criteria(JsonNode node, String path, FieldReader reader) {
        JsonNode criteria = node.get("criteria");
        String criteriaPath = FieldReader.path(path, "criteria");
        if (criteria == null || criteria.isNull()) {
            reader.problem(criteriaPath, "is required");
            return null;
        }
        if (!reader.isObject(criteria, criteriaPath) || criteria.size() > 100) {
            return null;
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        criteria.fieldNames().forEachRemaining(id -> {
            Integer value = whole(criteria, criteriaPath, id, reader);
            if (value != null) {
                scores.put(id, value);
            }
        });
        return scores;
    }

    public static Moderation moderation(JsonNode node, String path, FieldReader reader) {
        reader.onlyFields(node, path, "proposal", "score", "by", "reason");
        String proposal = reader.text(node, path, "proposal", true);
        Fraction score = fraction(node, path, "score", reader);
        String by = reader.text(node, path, "by", true);
        String reason = reader.text(node, path, "reason", true, FieldReader.MAX_LONG_TEXT);
        return proposal == null || score == null || by == null || reason == null ? null
                : new Moderation(proposal, score, by, reason);
    }

    /** A whole number from 0 to a million, written as a JSON integer: counts, weights, scores, targets. */
    public static Integer whole(JsonNode parent, String parentPath, String field, FieldReader reader) {
        JsonNode node = parent.get(field);
        String path = FieldReader.path(parentPath, field);
        if (node == null || node.isNull()) {
            reader.problem(path, "is required");
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0 || node.intValue() > 1_000_000) {
            reader.problem(path, "must be a whole number from 0 to 1,000,000, got " + node);
            return null;
        }
        return node.intValue();
    }

    /** A score or share written as a decimal string from 0 to 1, with at most 4 decimals. */
    public static Fraction fraction(JsonNode parent, String parentPath, String field, FieldReader reader) {
        String text = reader.decimalText(parent, parentPath, field, true);
        String path = FieldReader.path(parentPath, field);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = Money.parseDecimal(text);
            if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0 || value.stripTrailingZeros().scale() > 4) {
                reader.problem(path, "must be from 0 to 1 with at most 4 decimals, such as \"0.60\", got \"" + text + "\"");
                return null;
            }
            return Fraction.ofDecimal(value);
        } catch (IllegalArgumentException e) {
            reader.problem(path, e.getMessage());
            return null;
        }
    }

    private static String id(JsonNode node, String path, String field, FieldReader reader) {
        return reader.id(node, path, field, RoundSetup.ID_PATTERN, ID_IN_WORDS, true);
    }

    private static String email(JsonNode node, String path, FieldReader reader) {
        String email = reader.text(node, path, "email", true);
        if (email != null && !email.matches(EMAIL_PATTERN)) {
            reader.problem(FieldReader.path(path, "email"), "is not an email address: \"" + email + "\"");
            return null;
        }
        return email;
    }

    /** A record whose required fields were all readable, or null: the reader has named what was not. */
    private static <T extends Record> T present(T record) {
        for (var component : record.getClass().getRecordComponents()) {
            try {
                if (component.getAccessor().invoke(record) == null) {
                    return null;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return record;
    }

    private static List<String> strings(JsonNode node, String path, String field, boolean required, String whatItIs,
                                        FieldReader reader) {
        List<String> values = new ArrayList<>();
        List<JsonNode> elements = reader.array(node, path, field, required);
        if (elements.size() > MAX_LIST) {
            reader.problem(FieldReader.path(path, field), "has more than " + MAX_LIST + " entries");
            return values;
        }
        for (int i = 0; i < elements.size(); i++) {
            String value = reader.element(elements.get(i), FieldReader.path(path, field + "[" + i + "]"), whatItIs);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** One statistic behind an issue: its text, who published it and on what day (a real day of the calendar). */
    private static RoundSetup.Evidence evidence(JsonNode node, String path, FieldReader reader) {
        reader.onlyFields(node, path, "statistic", "source", "date");
        String statistic = reader.text(node, path, "statistic", true, FieldReader.MAX_LONG_TEXT);
        String source = reader.text(node, path, "source", true);
        String date = reader.id(node, path, "date", "[0-9]{4}-[0-9]{2}-[0-9]{2}", "a date such as 2001-04-29", true);
        LocalDate day = null;
        if (date != null) {
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                reader.problem(FieldReader.path(path, "date"), "is not a day of the calendar: \"" + date + "\"");
            }
        }
        return statistic == null || source == null || day == null ? null
                : present(new RoundSetup.Evidence(statistic, source, day));
    }

    private static <T> List<T> list(JsonNode doc, String field, int max, FieldReader reader,
                                    BiFunction<JsonNode, String, T> element) {
        return list(doc, "", field, max, reader, element);
    }

    private static <T> List<T> list(JsonNode doc, String parentPath, String field, int max, FieldReader reader,
                                    BiFunction<JsonNode, String, T> element) {
        List<JsonNode> nodes = reader.array(doc, parentPath, field, false);
        String path = FieldReader.path(parentPath, field);
        if (nodes.size() > max) {
            reader.problem(path, "has " + nodes.size() + " entries, more than the " + max + " a round may have");
            return List.of();
        }
        List<T> values = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String elementPath = path + "[" + i + "]";
            if (reader.isObject(nodes.get(i), elementPath)) {
                T value = element.apply(nodes.get(i), elementPath);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }
}
