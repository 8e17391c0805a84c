package grants.documents.reporting;

import grants.documents.CsvFile;

import grants.core.exports.ExportFile;
import grants.core.reporting.BoardPack;
import grants.core.reporting.Direction;
import grants.core.reporting.NaturalOrder;
import grants.core.reporting.PublicFigure;
import grants.core.reporting.Register;
import grants.core.reporting.ReportCard;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a replay of a register for a meeting writes (performance-rules.md, "Output of a replay"):
 * {@code indicators.csv}, {@code board-pack.html}, {@code cards/<indicator_id>.html},
 * {@code observations.csv}, {@code indicators.json} and {@code refused.csv}. The same record gives the
 * same bytes.
 */
public final class RegisterFiles {

    public static final String INDICATORS_HEADER = "indicator_id,reference,period,value,year_to_date,target_to_date,"
            + "status,vs_previous,vs_last_year,revised,provisional,card";
    public static final String REFUSED_HEADER = "on,type,by,subject,reason";

    /** An entry the function refused (P10), as {@code refused.csv} lists it. */
    public record Refused(LocalDate on, String type, String by, String subject, String reason) {
    }

    private RegisterFiles() {
    }

    /** Every file, the pack's cards as the board saw them, the open data as the public sees it on the meeting's day. */
    public static List<ExportFile> render(Register register, BoardPack pack, List<PublicFigure> publicFigures,
                                          List<Refused> refused) {
        List<ExportFile> files = new ArrayList<>();
        files.add(indicatorsCsv(register, pack));
        files.add(html("board-pack.html", BoardPackPage.html(pack)));
        pack.cards().stream().sorted(Comparator.comparing(ReportCard::indicatorId))
                .forEach(card -> files.add(html("cards/" + card.indicatorId() + ".html", ReportCardPage.html(card))));
        files.add(OpenData.observationsCsv(publicFigures));
        files.add(OpenData.indicatorsJson(register, publicFigures));
        files.add(refusedCsv(refused));
        return files;
    }

    /** The quarter reviewed as the pack shows it, by theme (register order) then reference. */
    static ExportFile indicatorsCsv(Register register, BoardPack pack) {
        List<ReportCard> cards = pack.cards().stream().sorted(Comparator
                .comparingInt((ReportCard card) -> register.themeRank(card.theme()))
                .thenComparing(ReportCard::reference, NaturalOrder.INSTANCE)).toList();
        List<List<String>> rows = cards.stream().map(card -> List.of(card.indicatorId(), card.reference(),
                card.period().toString(), shown(card, card.value()), shown(card, card.yearToDate()),
                shown(card, card.targetToDate()), card.status().name(), direction(card.againstPrevious()),
                direction(card.againstYearBefore()), Boolean.toString(card.revised()),
                Boolean.toString(card.provisional()), card.readiness().name())).toList();
        return CsvFile.of("indicators.csv", INDICATORS_HEADER, rows);
    }

    /** {@code refused.csv}: what the function refused, in the order given. */
    public static ExportFile refusedCsv(List<Refused> refused) {
        return CsvFile.of("refused.csv", REFUSED_HEADER, refused.stream().map(r -> List.of(r.on().toString(), r.type(), r.by(),
                r.subject(), r.reason())).toList());
    }

    private static String shown(ReportCard card, Optional<grants.core.commissioning.Fraction> figure) {
        return figure.map(card::shown).orElse("");
    }

    private static String direction(Direction direction) {
        return direction.name();
    }

    private static ExportFile html(String name, String page) {
        return new ExportFile(name, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), 1);
    }
}
