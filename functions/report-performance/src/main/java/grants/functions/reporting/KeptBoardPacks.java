package grants.functions.reporting;

import grants.core.exports.ExportFile;
import grants.core.exports.ExportStore;
import grants.core.reporting.BoardPack;
import grants.documents.reporting.BoardPackPage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * P8's "kept as a file so that what the board saw can be shown later": from the meeting's day (the day
 * before has ended in London, so its figures are frozen) a pack's printable page is written once to the
 * export bucket, {@code packs/<registerId>/board-pack-<meeting>.html}, by its first reader (a conditional
 * put, so of two first readers one writes), and every read after is that file, whatever changes in the
 * register later (a figure revised, an indicator renamed). Before the meeting's day the pack is still
 * moving, so it is drawn afresh and not kept. Who may read it is the use case's to say, before this is asked.
 */
final class KeptBoardPacks {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final ExportStore bucket;
    private final Clock clock;

    KeptBoardPacks(ExportStore bucket, Clock clock) {
        this.bucket = bucket;
        this.clock = clock;
    }

    /** The pack's page: the kept file once the pack is frozen (kept now if it is the first read), else drawn. */
    String page(BoardPack pack) {
        LocalDate meeting = pack.meeting().date();
        if (LocalDate.ofInstant(clock.instant(), LONDON).isBefore(meeting)) {
            return BoardPackPage.html(pack);
        }
        String key = key(pack.registerId(), meeting);
        String page = BoardPackPage.html(pack);
        // Written first, read only if it was there: without s3:ListBucket, S3 answers a read of a key not
        // yet written 403, not 404, so a look first would fail the first reader.
        boolean keptNow = bucket.putOnce(key, new ExportFile(key.substring(key.lastIndexOf('/') + 1),
                "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), 0));
        return keptNow ? page : new String(bucket.get(key).orElseThrow(), StandardCharsets.UTF_8);
    }

    static String key(String registerId, LocalDate meeting) {
        return "packs/" + registerId + "/board-pack-" + meeting + ".html";
    }
}
