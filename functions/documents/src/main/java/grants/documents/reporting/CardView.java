package grants.documents.reporting;

import com.samskivert.mustache.Template;
import grants.core.commissioning.Fraction;
import grants.core.mail.Templates;
import grants.core.reporting.ChartPoint;
import grants.core.reporting.ContributingAgreement;
import grants.core.reporting.Direction;
import grants.core.reporting.Indicator;
import grants.core.reporting.Period;
import grants.core.reporting.ReportCard;
import grants.core.text.InWords;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One report card (P7) as an HTML {@code <article id="card-<indicator_id>">}: the same fragment stands
 * alone in {@link ReportCardPage} and follows the first page in {@link BoardPackPage}. Figures are
 * rounded to the indicator's decimals only here, when shown; statuses and directions are words in a tag.
 */
final class CardView {

    private static final Template CARD = Templates.html("/grants/documents/reporting/report-card.html.mustache");
    /** The print and screen style both pages share: A4, each card on at most two sides. */
    static final String STYLE = Templates.text("/grants/documents/reporting/report-card.css").execute(Map.of());

    private CardView() {
    }

    /** The card's article; {@code headingLevel} 1 on its own page, 2 inside a pack. */
    static String html(ReportCard card, int headingLevel) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", card.indicatorId());
        view.put("h", headingLevel);
        view.put("h2", headingLevel + 1);
        view.put("h3", headingLevel + 2);
        view.put("reference", card.reference());
        view.put("title", card.title());
        view.put("unit", card.unit());
        view.put("polarity", card.polarity() == Indicator.Polarity.HIGHER_IS_BETTER ? "Higher is better" : "Lower is better");
        view.put("theme", card.theme().title());
        view.put("outcome", card.outcome().title());
        view.put("owner", card.owner().name());
        view.put("period", card.period().toString());
        view.put("months", months(card.period()));
        view.put("asOf", InWords.date(card.asOf()));
        view.put("awaitingOwner", card.readiness() == ReportCard.Readiness.AWAITING_OWNER);
        view.put("value", shown(card, card.value()));
        view.put("provisional", card.provisional());
        view.put("revised", card.revised());
        view.put("yearToDate", shown(card, card.yearToDate()));
        view.put("targetToDate", shown(card, card.targetToDate()));
        view.put("statusTag", card.status().words());
        view.put("statusKind", card.status().name().toLowerCase(Locale.UK).replace('_', '-'));
        view.put("statusSentence", statusSentence(card));
        view.put("previousTag", tag(card.againstPrevious()));
        view.put("previousKind", card.againstPrevious().name().toLowerCase(Locale.UK));
        view.put("previousWords", card.againstPreviousInWords());
        view.put("lastYearTag", tag(card.againstYearBefore()));
        view.put("lastYearKind", card.againstYearBefore().name().toLowerCase(Locale.UK));
        view.put("lastYearWords", card.againstYearBeforeInWords());
        view.put("chart", TrendChart.of(card));
        view.put("chartTitle", card.reference() + ": year to date against target to date and the baseline, "
                + card.chart().get(0).period() + " to " + card.period());
        view.put("trend", Trend.inWords(card));
        view.put("hasProvisional", card.chart().stream().anyMatch(ChartPoint::provisional));
        view.put("rows", card.chart().stream().map(point -> row(card, point)).toList());
        view.put("baselinePeriod", card.baseline().period().toString());
        view.put("baseline", card.shown(Fraction.ofDecimal(card.baseline().value())));
        card.narrative().ifPresent(n -> {
            view.put("achieved", n.achieved());
            view.put("next", n.next());
            view.put("narrativeOn", InWords.date(n.on()));
        });
        view.put("revisions", card.revisions().stream().map(r -> Map.of("period", r.period().toString(),
                "on", InWords.date(r.on()), "reason", r.reason())).toList());
        view.put("hasContributions", !card.contributions().isEmpty());
        view.put("contributions", card.contributions().stream().map(CardView::contribution).toList());
        return CARD.execute(view);
    }

    /** "July to September 2009". */
    static String months(Period period) {
        return period.firstDay().getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " to "
                + period.lastDay().getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + period.lastDay().getYear();
    }

    static String shown(ReportCard card, Optional<Fraction> figure) {
        return figure.map(card::shown).orElse("No figure");
    }

    private static String statusSentence(ReportCard card) {
        String comparison = card.yearToDate().isPresent() && card.targetToDate().isPresent()
                ? "Year to date " + card.shown(card.yearToDate().get()) + " against a target to date of "
                + card.shown(card.targetToDate().get()) + " (" + card.unit() + "; "
                + (card.polarity() == Indicator.Polarity.HIGHER_IS_BETTER ? "higher" : "lower") + " is better)."
                : "";
        return switch (card.status()) {
            case NO_TARGET -> "There is no target for " + card.period().year() + ".";
            case NO_DATA -> "There is no figure for " + card.period() + " yet.";
            case INCOMPLETE -> "A quarter of " + card.period().year() + " has no figure, so the year to date cannot be compared.";
            default -> comparison;
        };
    }

    /** The short word in a direction's tag; the sentence beside it says it whole. */
    private static String tag(Direction direction) {
        return switch (direction) {
            case IMPROVED -> "Better";
            case WORSENED -> "Worse";
            case SAME -> "Same";
            case NONE -> "No comparison";
        };
    }

    private static Map<String, Object> row(ReportCard card, ChartPoint point) {
        List<String> notes = new ArrayList<>();
        if (point.provisional()) {
            notes.add("Provisional");
        }
        if (point.revised()) {
            notes.add("Revised: " + card.revisions().stream().filter(r -> r.period().equals(point.period()))
                    .map(ReportCard.Revision::reason).reduce((a, b) -> a + "; " + b).orElse("see revisions"));
        }
        Map<String, Object> row = new HashMap<>();
        row.put("period", point.period().toString());
        row.put("current", point.period().equals(card.period()));
        row.put("value", shown(card, point.value()));
        row.put("yearToDate", shown(card, point.yearToDate()));
        row.put("targetToDate", shown(card, point.targetToDate()));
        row.put("notes", String.join(". ", notes));
        row.put("marked", point.provisional() || point.revised());
        return row;
    }

    private static Map<String, Object> contribution(ContributingAgreement agreement) {
        Map<String, Object> view = new HashMap<>();
        view.put("agreement", agreement.agreementId());
        view.put("organisation", agreement.organisation());
        view.put("acceptedOn", agreement.acceptedOn().map(InWords::date)
                .orElse("No return accepted yet"));
        view.put("outputs", new TreeMap<>(agreement.latestAcceptedOutputs()).entrySet().stream()
                .map(e -> Map.of("measure", e.getKey(), "amount", e.getValue())).toList());
        return view;
    }
}
