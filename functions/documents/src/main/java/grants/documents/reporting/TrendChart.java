package grants.documents.reporting;

import grants.core.commissioning.Fraction;
import grants.core.reporting.ChartPoint;
import grants.core.reporting.ReportCard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The geometry of a card's SVG line chart (P7), drawn on the server: year to date (solid), target to
 * date (dashed) and the baseline (dotted) over the card's eight quarters, each line labelled directly
 * at its end, as the GOV.UK Analysis Function's chart guidance asks (no legend to decode, line styles
 * as well as colours). Positions are exact decimals rounded to a tenth of a pixel: never {@code double}.
 */
final class TrendChart {

    static final int WIDTH = 660;
    static final int HEIGHT = 300;
    private static final int LEFT = 56;
    private static final int RIGHT = 500;
    private static final int TOP = 24;
    private static final int BOTTOM = 248;
    private static final int LABEL_GAP = 14;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final MathContext PRECISION = new MathContext(12, RoundingMode.HALF_UP);

    private final ReportCard card;
    private final BigDecimal axisLow;
    private final BigDecimal axisHigh;
    private final BigDecimal step;

    private TrendChart(ReportCard card) {
        this.card = card;
        List<BigDecimal> all = new ArrayList<>();
        for (ChartPoint point : card.chart()) {
            point.yearToDate().map(TrendChart::decimal).ifPresent(all::add);
            point.targetToDate().map(TrendChart::decimal).ifPresent(all::add);
        }
        all.add(card.baseline().value());
        BigDecimal low = all.stream().min(Comparator.naturalOrder()).orElseThrow();
        BigDecimal high = all.stream().max(Comparator.naturalOrder()).orElseThrow();
        this.step = niceStep(high.subtract(low), high.abs());
        BigDecimal floor = low.divide(step, 0, RoundingMode.FLOOR).multiply(step);
        BigDecimal ceiling = high.divide(step, 0, RoundingMode.CEILING).multiply(step);
        this.axisLow = floor;
        this.axisHigh = ceiling.compareTo(floor) == 0 ? ceiling.add(step) : ceiling;
    }

    /** What the template draws: axes, the three lines, their points and their direct labels. */
    static Map<String, Object> of(ReportCard card) {
        return new TrendChart(card).view();
    }

    private Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("width", WIDTH);
        view.put("height", HEIGHT);
        view.put("left", LEFT);
        view.put("right", RIGHT);
        view.put("top", TOP);
        view.put("bottom", BOTTOM);
        view.put("ticks", ticks());
        view.put("quarters", quarters());
        view.put("yearDividers", yearDividers());
        Series yearToDate = series(ChartPoint::yearToDate);
        Series target = series(ChartPoint::targetToDate);
        Fraction baselineValue = Fraction.ofDecimal(card.baseline().value());
        String baselineY = y(card.baseline().value());
        view.put("yearToDateLines", yearToDate.lines());
        view.put("yearToDatePoints", yearToDate.points());
        view.put("targetLines", target.lines());
        view.put("targetPoints", target.points());
        view.put("baselineY", baselineY);
        List<Label> labels = new ArrayList<>();
        yearToDate.last().ifPresent(p -> labels.add(new Label("year-to-date", "Year to date " + p.shown(), p.y())));
        target.last().ifPresent(p -> labels.add(new Label("target", "Target to date " + p.shown(), p.y())));
        labels.add(new Label("baseline", "Baseline " + card.shown(baselineValue), baselineY));
        view.put("labels", placed(labels));
        return view;
    }

    /** A point of a line: where it is drawn and what the card shows for it. */
    record Point(String x, String y, String shown, String period, boolean provisional, boolean revised,
                 boolean startsYear) {
    }

    /** A line's points, with the gaps of quarters that have no figure (a line never bridges a gap). */
    private record Series(List<Optional<Point>> byQuarter) {

        List<Map<String, String>> lines() {
            List<Map<String, String>> lines = new ArrayList<>();
            StringBuilder segment = new StringBuilder();
            int pointsInSegment = 0;
            for (Optional<Point> point : byQuarter) {
                if (point.isPresent() && point.get().startsYear()) { // "to date" starts afresh each April
                    addSegment(lines, segment, pointsInSegment);
                    segment.setLength(0);
                    pointsInSegment = 0;
                }
                if (point.isPresent()) {
                    segment.append(segment.isEmpty() ? "" : " ").append(point.get().x()).append(',').append(point.get().y());
                    pointsInSegment++;
                } else {
                    addSegment(lines, segment, pointsInSegment);
                    segment.setLength(0);
                    pointsInSegment = 0;
                }
            }
            addSegment(lines, segment, pointsInSegment);
            return lines;
        }

        private static void addSegment(List<Map<String, String>> lines, StringBuilder segment, int points) {
            if (points > 1) {
                lines.add(Map.of("points", segment.toString()));
            }
        }

        List<Point> points() {
            return byQuarter.stream().flatMap(Optional::stream).toList();
        }

        Optional<Point> last() {
            List<Point> points = points();
            return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
        }
    }

    private Series series(Function<ChartPoint, Optional<Fraction>> figure) {
        List<Optional<Point>> byQuarter = new ArrayList<>();
        for (int i = 0; i < card.chart().size(); i++) {
            ChartPoint point = card.chart().get(i);
            String x = x(i);
            byQuarter.add(figure.apply(point).map(f -> new Point(x, y(decimal(f)), card.shown(f),
                    point.period().toString(), point.provisional(), point.revised(), point.period().quarter() == 1)));
        }
        return new Series(byQuarter);
    }

    private List<Map<String, String>> ticks() {
        List<Map<String, String>> ticks = new ArrayList<>();
        for (BigDecimal tick = axisLow; tick.compareTo(axisHigh) <= 0; tick = tick.add(step)) {
            String y = y(tick);
            ticks.add(Map.of("y", y, "textY", tenths(new BigDecimal(y).add(BigDecimal.valueOf(4))),
                    "label", tick.stripTrailingZeros().toPlainString()));
        }
        return ticks;
    }

    private List<Map<String, String>> quarters() {
        List<Map<String, String>> quarters = new ArrayList<>();
        for (int i = 0; i < card.chart().size(); i++) {
            ChartPoint point = card.chart().get(i);
            quarters.add(Map.of("x", x(i), "quarter", "Q" + point.period().quarter(), "year", point.period().year()));
        }
        return quarters;
    }

    /** A faint line before each April: a year's figures to date start afresh there, so no line crosses it. */
    private List<Map<String, String>> yearDividers() {
        List<Map<String, String>> dividers = new ArrayList<>();
        for (int i = 1; i < card.chart().size(); i++) {
            if (card.chart().get(i).period().quarter() == 1) {
                dividers.add(Map.of("x", tenths(new BigDecimal(x(i)).subtract(column().divide(TWO, PRECISION)))));
            }
        }
        return dividers;
    }

    private BigDecimal column() {
        return BigDecimal.valueOf(RIGHT - LEFT).divide(BigDecimal.valueOf(Math.max(card.chart().size(), 1)), PRECISION);
    }

    /** The middle of quarter {@code i}'s column. */
    private String x(int i) {
        return tenths(BigDecimal.valueOf(LEFT).add(column().multiply(BigDecimal.valueOf(2L * i + 1)).divide(TWO)));
    }

    private String y(BigDecimal value) {
        BigDecimal share = axisHigh.subtract(value).divide(axisHigh.subtract(axisLow), PRECISION);
        return tenths(BigDecimal.valueOf(TOP).add(share.multiply(BigDecimal.valueOf(BOTTOM - TOP))));
    }

    /** A label at a line's end, its height nudged so that no two labels overlap. */
    private record Label(String kind, String text, String y) {
    }

    private static List<Map<String, String>> placed(List<Label> labels) {
        List<Label> byHeight = new ArrayList<>(labels);
        byHeight.sort(Comparator.comparing(label -> new BigDecimal(label.y())));
        List<BigDecimal> heights = new ArrayList<>();
        for (Label label : byHeight) {
            BigDecimal wanted = new BigDecimal(label.y()).add(BigDecimal.valueOf(4));
            BigDecimal lowest = heights.isEmpty() ? wanted : heights.get(heights.size() - 1).add(BigDecimal.valueOf(LABEL_GAP));
            heights.add(wanted.max(lowest));
        }
        BigDecimal overflow = heights.get(heights.size() - 1).subtract(BigDecimal.valueOf(BOTTOM + 4));
        List<Map<String, String>> placed = new ArrayList<>();
        for (int i = 0; i < byHeight.size(); i++) {
            BigDecimal height = overflow.signum() > 0 ? heights.get(i).subtract(overflow) : heights.get(i);
            placed.add(Map.of("kind", byHeight.get(i).kind(), "text", byHeight.get(i).text(),
                    "sampleFrom", String.valueOf(RIGHT + 6), "sampleTo", String.valueOf(RIGHT + 26),
                    "sampleY", tenths(height.subtract(BigDecimal.valueOf(4))), "x", String.valueOf(RIGHT + 30),
                    "y", tenths(height)));
        }
        return placed;
    }

    /** A step of 1, 2 or 5 times a power of ten that cuts the range into four to ten parts. */
    static BigDecimal niceStep(BigDecimal range, BigDecimal size) {
        BigDecimal rough = range.signum() > 0 ? range.divide(BigDecimal.valueOf(5), PRECISION)
                : size.signum() > 0 ? size.divide(BigDecimal.TEN, PRECISION) : BigDecimal.ONE;
        int exponent = rough.precision() - rough.scale() - 1;
        BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(exponent);
        BigDecimal leading = rough.divide(power, PRECISION);
        BigDecimal multiple = leading.compareTo(BigDecimal.ONE) <= 0 ? BigDecimal.ONE
                : leading.compareTo(TWO) <= 0 ? TWO
                : leading.compareTo(BigDecimal.valueOf(5)) <= 0 ? BigDecimal.valueOf(5) : BigDecimal.TEN;
        return multiple.multiply(power);
    }

    private static BigDecimal decimal(Fraction fraction) {
        return new BigDecimal(fraction.numerator()).divide(new BigDecimal(fraction.denominator()), PRECISION);
    }

    private static String tenths(BigDecimal pixels) {
        return pixels.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
