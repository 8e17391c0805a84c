package grants.testing.monitoring;

import grants.core.exports.ExportFile;
import grants.documents.monitoring.MonitoringFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay's files for the Coventry example, checked against the spec's worked figures (the
 * expected values below are worked out from the spec and the document by hand, not taken from a run).
 */
class MonitoringFilesTest {

    private static Map<String, String> files;

    @BeforeAll
    static void replay() {
        files = new TreeMap<>();
        for (ExportFile file : MonitoringFiles.render(ServiceReplay.of(Books.read(Books.COVENTRY)).record())) {
            files.put(file.name(), new String(file.bytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void returnsShowLatenessVersionsTheSkipAndTheVariationBesideItsOriginalDate() {
        List<String> returns = lines("returns.csv");
        assertThat(returns.get(0)).isEqualTo("agreement_id,return_id,kind,opens_on,original_due,due,state,submitted_on,"
                + "accepted_on,working_days_late,versions");
        assertThat(returns).hasSize(1 + 7 * 12 - 8).as("the terminated agreement's 8 later returns are not made")
                .contains("contract-cohesion-northside,contract-cohesion-northside/2002-03 Q1,QUARTERLY,2002-07-01,"
                                + "2002-07-26,2002-07-26,ACCEPTED,2002-07-22,2002-08-05,0,2",
                        "contract-cohesion-northside,contract-cohesion-northside/2002-03 Q3,QUARTERLY,2003-01-01,"
                                + "2003-01-29,2003-01-29,ACCEPTED,2003-03-27,2003-04-14,41,1",
                        "contract-skills-network,contract-skills-network/2002-03 Q3,QUARTERLY,2003-01-01,"
                                + "2003-01-29,2003-02-12,ACCEPTED,2003-02-10,2003-02-12,0,1");
        assertThat(field(returns, "contract-crime-safer-streets/2002-03 Q2", 9)).isEqualTo("2");
        assertThat(field(returns, "contract-cohesion-northside/2002-03 Q4", 9)).isEqualTo("21");
        assertThat(field(returns, "contract-housing-homes-together/2002-03 Q3", 6)).isEqualTo("SKIPPED");
        assertThat(returns).filteredOn(line -> line.startsWith("contract-housing-homes-together,")).hasSize(4);
    }

    @Test
    void remindersCountThreeHundredAndFourWithEveryStateAndTheCaughtUpDays() {
        List<String> reminders = lines("reminders.csv").subList(1, lines("reminders.csv").size());
        assertThat(reminders).hasSize(304);
        Map<String, Long> states = reminders.stream().collect(Collectors.groupingBy(
                line -> line.split(",", -1)[6] + " " + line.split(",", -1)[7], TreeMap::new, Collectors.counting()));
        assertThat(states).containsExactlyEntriesOf(new TreeMap<>(Map.of("PENDING ", 192L, "SENT ", 21L,
                "SUPPRESSED NO_CONTACT", 1L, "SUPPRESSED SKIPPED", 4L, "SUPPRESSED SUBMITTED", 86L)));
        assertThat(reminders).contains("contract-skills-network/2002-03 Q3/r-before/2003-02-12,"
                + "contract-skills-network/2002-03 Q3,r-before,LEAD,2003-02-05,2003-02-06,SENT,,"
                + "bids@skills-network.example;nina.roberts@skills-network.example");
        assertThat(reminders).noneMatch(line -> line.startsWith("contract-skills-network/2002-03 Q3/r-due/2003-01-29"));
        assertThat(reminders).filteredOn(line -> line.startsWith("contract-unemployment-pathways/2002-03 Q4/r-before/"))
                .containsExactly("contract-unemployment-pathways/2002-03 Q4/r-before/2003-04-30,"
                        + "contract-unemployment-pathways/2002-03 Q4,r-before,LEAD,2003-04-23,2003-04-23,SUPPRESSED,"
                        + "NO_CONTACT,");
        assertThat(reminders).as("Dean Clarke's address bounced on 10 September 2002")
                .filteredOn(line -> line.startsWith("contract-young-people-spon-end/") && line.contains(",SENT,")
                        && line.split(",")[5].compareTo("2002-09-10") > 0)
                .allSatisfy(line -> assertThat(line).endsWith(",kerry.jones@youth-project.example"));
        assertThat(files.keySet().stream().filter(name -> name.startsWith("outbox/"))).hasSize(21);
    }

    @Test
    void paymentFilesHaveTheRoundsTwelveColumnsAndTheHeldListsEveryReason() {
        List<String> first = lines("payments-2002-04-02.csv");
        assertThat(first.get(0)).isEqualTo("payment_reference,payee,organisation_id,partnership_id,partnership_name,"
                + "contract_id,instalment,due_date,amount_gbp,cost_centre,run_id,round_id");
        assertThat(first).hasSize(1 + 7);
        assertThat(first.get(1).split(",", -1)).hasSize(12);
        assertThat(first).anySatisfy(line -> assertThat(line).contains(
                ",City Skills Network,skills-network,,,contract-skills-network,1,2002-04-01,200000.00,"));
        assertThat(lines("held-2002-04-02.csv")).containsExactly("agreement_id,instalment,due_date,amount_gbp,reasons,blocking");

        assertThat(lines("held-2002-10-01.csv")).contains("contract-young-people-spon-end,3,2002-10-01,125000.00,"
                + "MILESTONE_MISSED,contract-young-people-spon-end/m1");
        assertThat(lines("payments-2002-11-15.csv")).anySatisfy(line -> assertThat(line)
                .contains(",contract-young-people-spon-end,3,2002-10-01,125000.00,"));
        assertThat(lines("held-2003-04-01.csv")).contains(
                "contract-cohesion-northside,5,2003-04-01,87500.00,RETURN_NOT_ACCEPTED,contract-cohesion-northside/2002-03 Q3",
                "contract-unemployment-northside,5,2003-04-01,75000.00,OTHER_AGREEMENT,contract-cohesion-northside/2002-03 Q3",
                "contract-skills-network,5,2003-04-01,200000.00,MANUAL,");
        assertThat(lines("payments-2003-05-15.csv")).anySatisfy(line -> assertThat(line)
                .contains(",contract-unemployment-northside,5,2003-04-01,75000.00,"));
        assertThat(files).doesNotContainKey("payments-2003-07-01.csv").as("a run after asOf is not made");
    }

    @Test
    void instalmentsAddUpToTheWholeElevenAndAHalfMillion() {
        Map<String, long[]> byState = new TreeMap<>();
        for (String line : lines("instalments.csv").subList(1, 85)) {
            String[] f = line.split(",", -1);
            long[] sum = byState.computeIfAbsent(f[4], s -> new long[2]);
            sum[0] += Long.parseLong(f[3].replace(".", ""));
            sum[1]++;
        }
        assertThat(byState.keySet()).containsExactly("CANCELLED", "HELD", "NOT_DUE", "PAID");
        assertThat(byState.get("PAID")).containsExactly(472_500_000L, 34);
        assertThat(byState.get("HELD")).containsExactly(8_750_000L, 1);
        assertThat(byState.get("CANCELLED")).containsExactly(96_250_000L, 7);
        assertThat(byState.get("NOT_DUE")).containsExactly(577_500_000L, 42);
        assertThat(lines("instalments.csv")).hasSize(85);
    }

    @Test
    void outputsCountTheAcceptedVersionAgainstTheTargetToDate() {
        assertThat(lines("outputs.csv")).contains(
                "contract-cohesion-northside,Residents taking part,2002-03 Q1,36,36,50,72.0",
                "contract-cohesion-northside,Residents taking part,2002-03 Q3,30,110,150,73.3",
                "contract-cohesion-northside,Residents taking part,2002-03 Q4,33,143,200,71.5",
                "contract-unemployment-pathways,Residents taking part,2002-03 Q1,38,38,50,76.0",
                "contract-unemployment-pathways,Residents taking part,2002-03 Q3,55,154,150,102.7");
    }

    @Test
    void refusedListsTheEightRefusalsInTheOrderTheyHappenedOneOfEachKind() {
        List<String> refused = lines("refused.csv");
        assertThat(refused.get(0)).isEqualTo("on,type,by,subject,reason");
        assertThat(refused.subList(1, refused.size()).stream().map(line -> line.substring(line.lastIndexOf(',') + 1)))
                .containsExactly("NOT_LEAD_CONTACT", "OWN_SUBMISSION", "FINAL", "NOT_SUBMITTED", "APPROVED_BY_REQUESTER",
                        "APPROVER_NOT_ALLOWED", "TERMINATED", "NOT_OPEN");
        assertThat(refused).contains("2003-06-24,hold,finance-dev,contract-housing-homes-together/6,TERMINATED");
    }

    @Test
    void theReportSaysItInPlainEnglish() {
        String report = files.get("monitoring-report.html");
        assertThat(report).contains("30 June 2003", "£4,725,000.00", "£87,500.00", "£962,500.00", "£5,775,000.00",
                "£11,550,000.00", "Submitted 27 March 2003, 41 working days late", "12 February 2003 (originally 29 January 2003)",
                "ended early on 20 June 2003", "Held: instalment 5 (£87,500.00)", "<svg")
                .doesNotContain("RETURN_NOT_ACCEPTED", "2003-06-30");
    }

    private static List<String> lines(String name) {
        assertThat(files).containsKey(name);
        return Arrays.asList(files.get(name).split("\n"));
    }

    private static String field(List<String> rows, String id, int index) {
        Function<String, String[]> split = line -> line.split(",", -1);
        return rows.stream().map(split).filter(f -> f[1].equals(id)).findFirst().orElseThrow()[index];
    }
}
