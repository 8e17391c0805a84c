package grants.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.documents.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's govern command: the Coventry governance book replayed through the GovernBoards function, its
 * files checked against the figures governance-rules.md's worked example states (not against a run's output);
 * the same book, its lists in another order, gives the same bytes (G13); a bad book is refused whole, naming
 * every bad field, and writes nothing.
 */
class GovernCommandTest {

    @TempDir
    static Path work;
    private static CommandRun first;
    private static Path out;

    @BeforeAll
    static void replay() throws IOException {
        out = work.resolve("first");
        first = CommandRun.of("govern", "--book", coventry().toString(), "--out", out.toString());
    }

    @Test
    void theDecisionsAreThoseTheSpecCountsWithTheirQuorumAndWhenThePublicSeesThem() throws IOException {
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Replayed 65 events", "18 refused", "2 actions escalated");
        List<String> decisions = lines("decisions.csv");
        assertThat(decisions.get(0)).isEqualTo(
                "decision_id,body,meeting,kind,about,exempt,quorate_members,undeclared,public_from");
        assertThat(decisions.subList(1, decisions.size()).stream().collect(Collectors.groupingBy(
                line -> line.split(",", -1)[3], Collectors.counting()))).isEqualTo(Map.of("NOTED", 7L, "ACTION", 6L,
                "RECOMMENDATION", 6L, "VARIATION", 1L, "DROP", 1L, "REPORT", 1L));
        assertThat(field(decisions, "clpsb-2010-02-18-04", "quorate_members")).isEqualTo("4");
        assertThat(field(decisions, "clpsb-2010-02-18-04", "undeclared")).isEqualTo("board-susan");
        assertThat(field(decisions, "clpsb-2010-02-18-05", "exempt")).isEqualTo("LEGAL");
        assertThat(field(decisions, "clpsb-2010-02-18-05", "quorate_members")).isEqualTo("4");
        assertThat(field(decisions, "clpsb-2010-02-18-05", "undeclared")).isEmpty();
        assertThat(decisions).filteredOn(line -> line.startsWith("clpsb-2009-11-19-"))
                .allSatisfy(line -> assertThat(line).endsWith(",2009-11-20"));
        assertThat(field(decisions, "tg-stronger-2010-04-01-01", "public_from")).isEqualTo("2010-04-06");
        assertThat(field(decisions, "scrutiny-panel-2010-03-10-02", "kind")).isEqualTo("REPORT");
        assertThat(field(decisions, "scrutiny-panel-2010-03-10-02", "public_from")).isEqualTo("2010-03-10");
        assertThat(decisions.subList(1, decisions.size())).extracting(line -> line.split(",", -1)[2])
                .as("by meeting date").isSorted();
    }

    @Test
    void actionsStandAsTheSpecSaysAtAsOfEscalatedOnceEachOnTheirDays() throws IOException {
        assertThat(first.exitCode()).as(first.err()).isZero();
        List<String> actions = lines("actions.csv");
        assertThat(actions.get(0)).isEqualTo("action_id,source,owner,original_due,due,state,overdue,"
                + "working_days_overdue,escalated_on,completed_on,working_days_late");
        assertThat(actions).hasSize(1 + 12);
        assertThat(column(actions, "state").stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()))).isEqualTo(Map.of("COMPLETED", 5L, "DROPPED", 1L, "IN_PROGRESS", 3L, "OPEN", 3L));
        assertThat(column(actions, "overdue")).filteredOn("true"::equals).hasSize(2);
        assertThat(column(actions, "escalated_on")).filteredOn(day -> !day.isEmpty()).hasSize(2);
        // Escalation 1: due Friday 15 January, escalated on 15 February, varied to 31 March, done 26 March on time.
        assertThat(row(actions, "clpsb-2009-11-19-01")).isEqualTo("clpsb-2009-11-19-01,clpsb-2009-11-19-01,"
                + "owner-sandra,2010-01-15,2010-03-31,COMPLETED,false,0,2010-02-15,2010-03-26,0");
        // Escalation 2: caught up on 3 March after the missed runs; 82 working days overdue at asOf.
        assertThat(field(actions, "tg-safer-2009-12-03-01", "escalated_on")).isEqualTo("2010-03-03");
        assertThat(field(actions, "tg-safer-2009-12-03-01", "state")).isEqualTo("IN_PROGRESS");
        assertThat(field(actions, "tg-safer-2009-12-03-01", "working_days_overdue")).isEqualTo("82");
        assertThat(field(actions, "clpsb-2009-11-19-02", "completed_on")).isEqualTo("2010-01-13");
        assertThat(field(actions, "clpsb-2009-11-19-02", "working_days_late")).isEqualTo("3");
        assertThat(field(actions, "scrutiny-panel-2010-01-20-02-a1", "completed_on")).isEqualTo("2010-05-05");
        assertThat(field(actions, "scrutiny-panel-2010-01-20-02-a1", "working_days_late")).isEqualTo("2");
        assertThat(field(actions, "tg-jobs-2009-12-08-01", "state")).isEqualTo("DROPPED");
        assertThat(field(actions, "tg-safer-2009-12-03-02-a1", "working_days_overdue")).isEqualTo("19");
        assertThat(field(actions, "tg-safer-2009-12-03-02-a1", "escalated_on")).isEmpty();
    }

    @Test
    void recommendationsAreDueFortyWorkingDaysAfterTheirMeetingAndAnsweredLateByTheDaysTheSpecCounts()
            throws IOException {
        assertThat(first.exitCode()).as(first.err()).isZero();
        List<String> recommendations = lines("recommendations.csv");
        assertThat(recommendations.get(0)).isEqualTo("recommendation_id,source,to,meeting,response_due,state,answer,"
                + "responded_on,working_days_late,actions");
        assertThat(recommendations).hasSize(1 + 8);
        assertThat(column(recommendations, "state").stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()))).isEqualTo(Map.of("IMPLEMENTED", 2L, "REJECTED", 1L, "IMPLEMENTING", 3L,
                "IMPLEMENTATION_OVERDUE", 1L, "AWAITING_RESPONSE", 1L));
        assertThat(field(recommendations, "clpsb-2009-11-19-03", "response_due")).isEqualTo("2010-01-19");
        assertThat(field(recommendations, "clpsb-2009-11-19-03", "responded_on")).isEqualTo("2009-12-17");
        assertThat(field(recommendations, "clpsb-2009-11-19-03", "state")).isEqualTo("IMPLEMENTED");
        assertThat(field(recommendations, "tg-safer-2009-12-03-02", "response_due")).isEqualTo("2010-02-02");
        assertThat(field(recommendations, "tg-safer-2009-12-03-02", "answer")).isEqualTo("PARTIAL");
        assertThat(field(recommendations, "tg-safer-2009-12-03-02", "working_days_late")).isEqualTo("0");
        assertThat(field(recommendations, "tg-safer-2009-12-03-02", "state")).isEqualTo("IMPLEMENTATION_OVERDUE");
        assertThat(field(recommendations, "scrutiny-panel-2010-01-20-02", "response_due")).isEqualTo("2010-03-17");
        assertThat(field(recommendations, "clpsb-2010-02-18-04", "response_due")).isEqualTo("2010-04-19");
        assertThat(field(recommendations, "clpsb-2010-02-18-04", "responded_on")).isEqualTo("2010-05-24");
        assertThat(field(recommendations, "clpsb-2010-02-18-04", "working_days_late")).isEqualTo("24");
        assertThat(field(recommendations, "clpsb-2009-11-19-04", "state")).isEqualTo("REJECTED");
        assertThat(field(recommendations, "clpsb-2009-11-19-04", "responded_on")).isEqualTo("2010-01-26");
        assertThat(field(recommendations, "clpsb-2009-11-19-04", "working_days_late")).isEqualTo("5");
        assertThat(field(recommendations, "srv-stronger-2010-r1", "source")).isEqualTo("srv-stronger-2010");
        assertThat(field(recommendations, "srv-stronger-2010-r1", "response_due")).isEqualTo("2010-05-10");
        assertThat(field(recommendations, "srv-stronger-2010-r1", "responded_on")).isEqualTo("2010-05-07");
        assertThat(field(recommendations, "srv-stronger-2010-r1", "working_days_late")).isEqualTo("0");
        assertThat(field(recommendations, "srv-stronger-2010-r2", "responded_on")).isEqualTo("2010-05-12");
        assertThat(field(recommendations, "srv-stronger-2010-r2", "working_days_late")).isEqualTo("2");
        assertThat(field(recommendations, "tg-stronger-2010-04-01-01", "state")).isEqualTo("AWAITING_RESPONSE");
        assertThat(field(recommendations, "tg-stronger-2010-04-01-01", "response_due")).isEqualTo("2010-06-02");
    }

    @Test
    void eachBoardMeetingShowsItsPacksExceptionsAndWhichWereDecided() throws IOException {
        assertThat(first.exitCode()).as(first.err()).isZero();
        List<String> meetings = lines("meetings.csv");
        assertThat(meetings.get(0)).isEqualTo("body,date,voting,exceptions,exceptions_decided,undecided");
        assertThat(meetings).hasSize(1 + 17);
        List<String> board = meetings.stream().filter(line -> line.startsWith("clpsb,")).toList();
        assertThat(board).hasSize(8);
        assertThat(board).extracting(line -> line.split(",", -1)[3] + " " + line.split(",", -1)[4])
                .as("2, 4, 5, 4 and 6 exceptions before November 2009, none decided; then 4, 5 and 4, 3 decided each")
                .containsExactly("2 0", "4 0", "5 0", "4 0", "6 0", "4 3", "5 3", "4 3");
        assertThat(board.get(5)).startsWith("clpsb,2009-11-19,").endsWith(",ni-56");
        assertThat(board.get(6)).isEqualTo("clpsb,2010-02-18,5,5,3,ni-56;ni-8");
        assertThat(board.get(7)).isEqualTo("clpsb,2010-05-20,4,4,3,ni-56");
        assertThat(meetings).filteredOn(line -> !line.startsWith("clpsb,") && !line.startsWith("body,"))
                .hasSize(9).allSatisfy(line -> assertThat(line).as("no exceptions but the board's").endsWith(",,,"));
    }

    @Test
    void theStrongerGroupWasReviewedAndIsTheOnlyGroupCovered() throws IOException {
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(lines("reviews.csv")).containsExactly(
                "review_id,body,state,evidence,findings,recommendations,reported_on",
                "srv-safer-2010,tg-safer,GATHERING,1,0,0,",
                "srv-stronger-2010,tg-stronger,RESPONDED,3,2,2,2010-03-10");
        assertThat(lines("coverage.csv")).containsExactly("body,state,last_report_on",
                "tg-jobs,NOT_COVERED,", "tg-safer,NOT_COVERED,", "tg-stronger,COVERED,2010-03-10");
    }

    @Test
    void theBoardPacksGovernanceSectionsListTheLateFirst() throws IOException {
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(lines("governance-2010-02-18.csv")).containsExactly("position,kind,id,state",
                "1,ACTION,clpsb-2009-11-19-01,IN_PROGRESS",
                "2,ACTION,tg-safer-2009-12-03-01,IN_PROGRESS",
                "3,ACTION,tg-jobs-2009-12-08-01,OPEN",
                "4,ACTION,clpsb-2009-11-19-03-a1,OPEN",
                "5,ACTION,tg-safer-2009-12-03-02-a1,OPEN",
                "6,ACTION,clpsb-2009-11-19-02,COMPLETED",
                "7,RECOMMENDATION,scrutiny-panel-2010-01-20-02,AWAITING_RESPONSE",
                "8,RECOMMENDATION,clpsb-2009-11-19-03,IMPLEMENTING",
                "9,RECOMMENDATION,tg-safer-2009-12-03-02,IMPLEMENTING",
                "10,RECOMMENDATION,clpsb-2009-11-19-04,REJECTED");
        List<String> may = lines("governance-2010-05-20.csv");
        assertThat(may).hasSize(1 + 16);
        assertThat(may.subList(1, 5)).extracting(line -> line.split(",")[2]).containsExactly("tg-safer-2009-12-03-01",
                "tg-safer-2009-12-03-02-a1", "srv-stronger-2010-r1-a1", "srv-stronger-2010-r2-a1");
        assertThat(may.subList(10, 17)).extracting(line -> line.split(",")[2] + " " + line.split(",")[3])
                .containsExactly("clpsb-2010-02-18-04 RESPONSE_OVERDUE", "tg-stronger-2010-04-01-01 AWAITING_RESPONSE",
                        "tg-safer-2009-12-03-02 IMPLEMENTATION_OVERDUE", "srv-stronger-2010-r1 IMPLEMENTING",
                        "srv-stronger-2010-r2 IMPLEMENTING", "clpsb-2009-11-19-03 IMPLEMENTED",
                        "scrutiny-panel-2010-01-20-02 IMPLEMENTED");
        for (String earlier : List.of("2008-08-21", "2008-11-20", "2009-02-19", "2009-05-21", "2009-08-20",
                "2009-11-19")) {
            assertThat(lines("governance-" + earlier + ".csv")).as(earlier).containsExactly("position,kind,id,state");
        }
    }

    @Test
    void everyRefusalIsListedWithTheReasonTheSpecGivesIt() throws IOException {
        assertThat(first.exitCode()).as(first.err()).isZero();
        List<String> refused = lines("refused.csv");
        assertThat(refused.get(0)).isEqualTo("on,type,by,subject,reason");
        assertThat(refused.subList(1, refused.size()).stream().collect(Collectors.groupingBy(
                line -> line.substring(line.lastIndexOf(',') + 1), Collectors.counting()))).isEqualTo(Map.of(
                "NOT_ALLOWED", 6L, "FINAL", 5L, "NOT_SMART", 1L, "ADVISORY", 1L, "INQUORATE", 1L, "NO_REASON", 1L,
                "NO_EVIDENCE", 1L, "EMPTY_REPORT", 1L, "OUT_OF_SCOPE", 1L));
        assertThat(refused).contains("2009-11-19,decide,manager-joanne,clpsb-2009-11-19-05,NOT_SMART",
                "2010-01-05,respond,owner-sandra,clpsb-2009-11-19-03,FINAL",
                "2010-01-25,respond,owner-claire,clpsb-2009-11-19-04,NO_REASON",
                "2010-03-12,update,owner-ian,tg-jobs-2009-12-08-01,FINAL",
                "2010-04-19,respond,owner-sandra,clpsb-2010-02-18-04,NOT_ALLOWED",
                "2010-05-20,decide,manager-joanne,clpsb-2010-05-20-04,INQUORATE");
        assertThat(refused).anyMatch(line -> line.startsWith("2010-01-20,decide,") && line.endsWith(",ADVISORY"))
                .anyMatch(line -> line.startsWith("2010-03-09,decide,") && line.endsWith(",NOT_ALLOWED"))
                .anyMatch(line -> line.startsWith("2010-03-10,decide,") && line.endsWith(",OUT_OF_SCOPE"))
                .anyMatch(line -> line.startsWith("2010-04-21,decide,") && line.endsWith(",EMPTY_REPORT"))
                .anyMatch(line -> line.startsWith("2010-04-21,decide,") && line.endsWith(",FINAL"))
                .anyMatch(line -> line.startsWith("2010-03-15,evidence,") && line.endsWith(",FINAL"));
    }

    @Test
    void theTwoEscalationsAreEmailedToTheOwnerAndTheChair() throws IOException {
        assertThat(first.exitCode()).as(first.err()).isZero();
        List<String> emails;
        try (Stream<Path> files = Files.list(out.resolve("outbox"))) {
            emails = files.filter(file -> file.toString().endsWith(".eml")).map(GovernCommandTest::read).toList();
        }
        assertThat(emails).as("exactly 2 escalation emails").hasSize(2);
        JsonNode book = Json.parse(Files.readString(coventry()));
        Map<String, String> emailOf = new java.util.HashMap<>();
        book.get("people").forEach(p -> emailOf.put(p.get("id").asText(), p.get("email").asText()));
        assertThat(emails).anySatisfy(email -> assertThat(email).contains("clpsb-2009-11-19-01")
                .contains(emailOf.get("owner-sandra"), emailOf.get("board-catherine")));
        assertThat(emails).anySatisfy(email -> assertThat(email).contains("tg-safer-2009-12-03-01")
                .contains(emailOf.get("board-frank"), emailOf.get("owner-gary")));
    }

    @Test
    void theSameBookWithItsListsInAnotherOrderGivesTheSameBytes() throws IOException {
        assertThat(first.exitCode()).as(first.err()).isZero();
        ObjectNode book = (ObjectNode) Json.parse(Files.readString(coventry()));
        Random random = new Random(29);
        for (String list : List.of("outcomes", "people", "indicators", "narratives", "meetings", "bankHolidays",
                "sweepOutages", "bodies", "bodyMeetings")) {
            shuffle(book, list, random);
        }
        book.get("bodies").forEach(body -> shuffle((ObjectNode) body, "members", random));
        book.get("bodyMeetings").forEach(meeting -> shuffle((ObjectNode) meeting, "present", random));
        Path shuffled = work.resolve("shuffled.json");
        Files.writeString(shuffled, Json.write(book));

        CommandRun again = CommandRun.of("govern", "--book", shuffled.toString(), "--out",
                work.resolve("again").toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        List<Path> written;
        try (Stream<Path> files = Files.walk(out)) {
            written = files.filter(Files::isRegularFile).filter(file -> !file.startsWith(out.resolve("outbox")))
                    .toList();
        }
        assertThat(written).as("6 files, 8 board meetings' sections and refused.csv").hasSize(6 + 8 + 1);
        for (Path file : written) {
            assertThat(work.resolve("again").resolve(out.relativize(file))).hasSameBinaryContentAs(file);
        }
    }

    @Test
    void aBadBookIsRefusedWholeNamingEveryFieldAndWritesNothing() throws IOException {
        ObjectNode book = (ObjectNode) Json.parse(Files.readString(coventry()));
        ((ObjectNode) book.get("settings")).put("escalationWorkingDays", -1);
        ((ObjectNode) book.get("bodies").get(1)).put("kind", "BOARD");
        ((ObjectNode) book.get("events").get(0)).put("owner", "owner-nobody");
        ((ObjectNode) book.get("events").get(1)).put("on", "2009-11-31");
        ((ObjectNode) book.get("events").get(2)).put("type", "vote");
        ((ObjectNode) book.get("events").get(3)).put("id", "clpsb-2009-11-19-01");
        ((ObjectNode) book.get("events").get(4)).remove("criterion");
        ((ObjectNode) book.get("indicators").get(0)).put("decimals", 4);
        book.put("asOf", "2010-05-01");
        Path bad = work.resolve("bad.json");
        Files.writeString(bad, Json.write(book));

        CommandRun run = CommandRun.of("govern", "--book", bad.toString(), "--out", work.resolve("refused").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("The governance book was refused:", "; nothing was written.",
                "settings.escalationWorkingDays: must be a whole number of at least 1",
                "bodies: must have exactly one BOARD",
                "events[0].owner: is not a person of the document: \"owner-nobody\"",
                "events[1].on: must be a date written YYYY-MM-DD",
                "events[2].type: must be one of decide,",
                "events[3].id: \"clpsb-2009-11-19-01\" is already the id of events[0]",
                "events[4].criterion: is required",
                "indicators[0].decimals: must be a whole number from 0 to 3",
                "asOf: 2010-05-01 is before the day of events[")
                .doesNotContain("Exception");
        assertThat(work.resolve("refused")).doesNotExist();
    }

    @Test
    void anEventNamingWhatOnlyARefusedEventWouldHaveMadeIsBadInput() throws IOException {
        ObjectNode book = (ObjectNode) Json.parse(Files.readString(coventry()));
        book.putArray("actuals"); // quicker: the register's figures play no part here
        book.putArray("narratives");
        // clpsb-2009-11-19-05 is refused NOT_SMART: an update on its action names an action nobody made (G1)
        ArrayNode events = (ArrayNode) book.get("events");
        ObjectNode update = Json.object().put("on", "2009-11-20").put("type", "update").put("by", "owner-anita")
                .put("action", "clpsb-2009-11-19-05").put("text", "Started");
        int after = 0;
        while (events.get(after).get("on").asText().compareTo("2009-11-20") <= 0) {
            after++;
        }
        events.insert(after, update);
        Path bad = work.resolve("refused-maker.json");
        Files.writeString(bad, Json.write(book));

        CommandRun run = CommandRun.of("govern", "--book", bad.toString(), "--out",
                work.resolve("refused-maker").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("The governance book was refused:", "events[" + after + "]")
                .doesNotContain("Exception");
        assertThat(work.resolve("refused-maker")).doesNotExist();
    }

    private static void shuffle(ObjectNode parent, String list, Random random) {
        List<JsonNode> items = new ArrayList<>();
        parent.get(list).forEach(items::add);
        Collections.shuffle(items, random);
        ((ArrayNode) parent.get(list)).removeAll().addAll(items);
    }

    private static List<String> lines(String file) throws IOException {
        return Files.readAllLines(out.resolve(file));
    }

    private static List<String> column(List<String> csv, String name) {
        int at = List.of(csv.get(0).split(",")).indexOf(name);
        return csv.subList(1, csv.size()).stream().map(line -> line.split(",", -1)[at]).toList();
    }

    private static String row(List<String> csv, String id) {
        return csv.stream().filter(line -> line.startsWith(id + ",")).findFirst().orElseThrow(
                () -> new AssertionError(id + " is not in the file"));
    }

    private static String field(List<String> csv, String id, String name) {
        return row(csv, id).split(",", -1)[List.of(csv.get(0).split(",")).indexOf(name)];
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path coventry() throws IOException {
        return ExampleFiles.in(work, "coventry-governance.json");
    }
}
