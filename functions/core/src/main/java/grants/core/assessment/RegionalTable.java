package grants.core.assessment;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Steering Group's table: each assessed partnership's scores by domain, baseline and end, the
 * region's mean per domain for the chart, and the seed's basis warnings read from the assessments.
 */
public record RegionalTable(CompetencyFramework framework, List<Profile> rows, List<String> warnings) {

    public RegionalTable {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /** The region's mean of each partnership's latest figure in the domain, each partnership counting once (for the chart). */
    public Optional<Mean> regionalMean(String domainId) {
        List<Mean> latest = rows.stream().flatMap(row -> row.domains().stream())
                .filter(scores -> scores.domain().id().equals(domainId))
                .flatMap(scores -> scores.latest().stream()).toList();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        BigInteger numerator = BigInteger.ZERO;
        BigInteger denominator = BigInteger.ONE;
        for (Mean mean : latest) {
            numerator = numerator.multiply(BigInteger.valueOf(mean.count()))
                    .add(BigInteger.valueOf(mean.total()).multiply(denominator));
            denominator = denominator.multiply(BigInteger.valueOf(mean.count()));
            BigInteger divisor = numerator.gcd(denominator);
            numerator = numerator.divide(divisor);
            denominator = denominator.divide(divisor);
        }
        return Optional.of(new Mean(numerator.longValueExact(),
                denominator.multiply(BigInteger.valueOf(latest.size())).longValueExact()));
    }

    /** The CSV's rows: partnership id, name, domain id, domain title, baseline, end (exact, in words). */
    public List<List<String>> csvRows() {
        List<List<String>> lines = new ArrayList<>();
        for (Profile row : rows) {
            for (Profile.DomainScores scores : row.domains()) {
                lines.add(List.of(row.partnership().id(), row.partnership().name(), scores.domain().id(),
                        scores.domain().title(), scores.baseline().map(Mean::words).orElse(""),
                        scores.end().map(Mean::words).orElse("")));
            }
        }
        return lines;
    }

    public static final String CSV_HEADER = "partnershipId,partnership,domainId,domain,baseline,end";
}
