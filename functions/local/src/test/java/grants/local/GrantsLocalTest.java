package grants.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import grants.core.money.Money;
import grants.documents.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's main command, run in-process on the embedded stack with its own state folder. */
class GrantsLocalTest {

    @TempDir
    Path work;

    private Path fixture(String name) throws IOException {
        Path file = work.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/data/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    /**
     * A commit's 38 notices as fast as the local SES takes them, not at the command's default 10 a
     * second: here they are counted and read; their pace is RateLimiterTest's and DynamoSendRateTest's.
     */
    private CommandRun allocate(String programme, String out, String... more) throws IOException {
        String[] args = {"allocate", "--programme", fixture(programme).toString(), "--out", work.resolve(out).toString(),
                "--state", work.resolve("state").toString(), "--notice-rate", "1000"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return run(all);
    }

    @Test
    void westMidlandsAllocates372400To38PartnershipsAndWritesTheFiles() throws IOException {
        CommandRun outcome = allocate("west-midlands-2007-08.json", "out");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("DRY RUN", "Funded 38, withdrawn 0", "final grants 372400.00",
                "Warwickshire", "5 of 5");
        String csv = Files.readString(work.resolve("out/allocations.csv"));
        assertThat(csv.lines()).hasSize(39).first().asString()
                .isEqualTo("partnership_id,partnership_name,type,tier,locality,status,base_grant_gbp,redistribution_gbp,"
                        + "final_grant_gbp,final_grant_eur,support_days,reason");
        assertThat(Files.readString(work.resolve("out/summary.json"))).contains("\"finalGrantsGbp\" : \"372400.00\"")
                .as("the RDA's fund, reported, not allocated").contains("\"source\" : \"Regional Development Agency\"",
                        "\"amount\" : \"70000.00\"");
    }

    @Test
    void theSameProgrammeGivesTheSameCsvBytes() throws IOException {
        allocate("west-midlands-2007-08.json", "first");
        allocate("west-midlands-2007-08.json", "second", "--commit");

        assertThat(Files.readAllBytes(work.resolve("second/allocations.csv")))
                .isEqualTo(Files.readAllBytes(work.resolve("first/allocations.csv")));
    }

    @Test
    void theWarwickshireExampleOfTheSpec() throws IOException {
        CommandRun outcome = allocate("west-midlands-warwickshire-withdrawn.json", "out", "--commit");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("COMMITTED run", "2 of 5", "WITHDRAWN", "pool 37800.00");
        String csv = Files.readString(work.resolve("out/allocations.csv"));
        assertThat(csv).contains("birmingham,Birmingham,METROPOLITAN,SINGLE_TIER,,FUNDED,19600.00,1181.25,20781.25,")
                .contains("rugby,Rugby,DISTRICT,TWO_TIER,warwickshire,WITHDRAWN,6300.00,0.00,0.00,0.00,0.0,");
    }

    @Test
    void aCommitExportsForFinanceAndExportFetchesTheSameFilesAgain() throws IOException {
        CommandRun committed = allocate("west-midlands-warwickshire-withdrawn.json", "out", "--commit");
        String runId = committed.out().lines().filter(line -> line.contains("COMMITTED run")).findFirst().orElseThrow()
                .replaceAll(".*COMMITTED run ", "").strip();

        CommandRun fetched = run("export", "--run", runId, "--out", work.resolve("again").toString(),
                "--state", work.resolve("state").toString());

        assertThat(fetched.exitCode()).as(fetched.err()).isZero();
        for (String file : new String[] {"allocations.csv", "payments.csv", "360giving.json", "360giving.csv",
                "run-report.html", "manifest.json"}) {
            assertThat(work.resolve("out/" + file)).as(file).isRegularFile();
            assertThat(Files.readAllBytes(work.resolve("again/" + file))).as(file)
                    .isEqualTo(Files.readAllBytes(work.resolve("out/" + file)));
        }
        assertThat(Files.readString(work.resolve("out/payments.csv")).lines()).hasSize(33);
        assertThat(committed.out()).contains("Sent 38 notices");
        try (var outbox = Files.list(work.resolve("out/outbox"))) {
            assertThat(outbox.filter(file -> file.toString().endsWith(".eml"))).hasSize(38);
        }
        assertThat(Files.readString(work.resolve("out/outbox/017-champion@rugby.lsp.example.eml")))
                .contains("Subject: ", "funding withdrawn for the Warwickshire locality", "Only 2 of 5 districts",
                        "Content-Type: text/html");
        assertThat(run("export", "--run", "no-such-run", "--out", work.resolve("x").toString(),
                "--state", work.resolve("state").toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void aBadProgrammeNamesItsFieldsExitsNonZeroAndWritesNothing() throws IOException {
        Path bad = work.resolve("bad.json");
        Files.writeString(bad, Files.readString(fixture("west-midlands-2007-08.json"))
                .replace("\"type\": \"DISTRICT\",\n      \"county\": \"shropshire\"", "\"type\": \"DISTRICT\""));

        CommandRun outcome = run("allocate", "--programme", bad.toString(), "--out", work.resolve("out").toString(),
                "--state", work.resolve("state").toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("partnerships[11].county: is required for a DISTRICT")
                .contains("nothing was stored");
        assertThat(work.resolve("out")).doesNotExist();
    }

    @Test
    void aSecondCommitOfTheSameFileSaysWhichRunHoldsItAndSendsNothing() throws IOException {
        CommandRun first = allocate("west-midlands-2007-08.json", "first", "--commit");
        String runId = first.out().lines().filter(line -> line.contains("COMMITTED run")).findFirst().orElseThrow()
                .replaceAll(".*COMMITTED run ", "").strip();

        String committed = Json.parse(Files.readString(work.resolve("first/summary.json"))).path("totals")
                .path("finalGrantsGbp").asText();
        assertThat(Files.readAllLines(work.resolve("first/budget.csv"))).as("the programme's own lines in the ledger")
                .containsExactly(
                        "scope,year,line,title,source,ring_fence,in_kind,budget,carried_in,carried_out,committed,paid,remaining",
                        "l2d-2007-08,2007-08,core-grants,Grants to partnerships,Core,,false,540000.00,0.00,0.00,"
                                + committed + ",0.00," + Money.format(54_000_000L - Money.parsePence(committed)),
                        "l2d-2007-08,2007-08,regional-development-agency,Economic development support,"
                                + "Regional Development Agency,economic development,false,70000.00,0.00,0.00,0.00,0.00,70000.00");

        CommandRun again = allocate("west-midlands-2007-08.json", "again", "--commit");

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("Run " + runId + " already holds this programme").doesNotContain("Exception");
        assertThat(work.resolve("again").resolve("outbox")).doesNotExist();

        CommandRun superseding = allocate("west-midlands-2007-08.json", "superseding", "--commit", "--supersede", runId,
                "--reason", "The bank lost the payment file");

        assertThat(superseding.exitCode()).isZero();
        assertThat(Files.readString(work.resolve("superseding/budget.csv"))).as("the superseded run's grants given back")
                .isEqualTo(Files.readString(work.resolve("first/budget.csv")));
        assertThat(superseding.out()).contains("COMMITTED run").contains("Sent 38 notices");
    }

    @Test
    void aHostileDocumentIsRefusedWithItsFieldNamedAndNoStackTrace() throws IOException {
        Path hostile = work.resolve("hostile.json");
        Files.writeString(hostile, Files.readString(fixture("west-midlands-2007-08.json"))
                .replace("\"SINGLE_TIER\": \"19600.00\"", "\"SINGLE_TIER\": 1e999999999")
                .replace("\"name\": \"Birmingham\"", "\"name\": \"=HYPERLINK(\\\"http://evil.example\\\")\""));

        CommandRun outcome = run("allocate", "--programme", hostile.toString(), "--out", work.resolve("out").toString(),
                "--state", work.resolve("state").toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("grantRates.SINGLE_TIER:").contains("partnerships[0].name:")
                .doesNotContain("Exception", "\tat ");
        assertThat(work.resolve("out")).doesNotExist();
    }

    @Test
    void aMissingFileIsNamed() {
        CommandRun outcome = run("allocate", "--programme", work.resolve("nope.json").toString(),
                "--out", work.resolve("out").toString(), "--state", work.resolve("state").toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("--programme", "nope.json");
    }

    @Test
    void supportDaysAreBookedAndBalancedThroughTheRunner() throws IOException {
        allocate("west-midlands-2007-08.json", "out", "--commit");
        String state = work.resolve("state").toString();
        String[] programme = {"support", "--programme-id", "l2d-2007-08", "--state", state};

        CommandRun adviser = run(concat(programme, "adviser", "--id", "a1", "--name", "Housing Adviser", "--days", "2"));
        assertThat(adviser.exitCode()).as(adviser.err()).isZero();
        assertThat(run(concat(programme, "pool", "--id", "shropshire-pool", "--members",
                "shropshire,bridgnorth,oswestry")).exitCode()).isZero();
        assertThat(run(concat(programme, "book", "--adviser", "a1", "--pool", "shropshire-pool", "--date", "2007-09-03",
                "--days", "1.5", "--topic", "Housing strategy")).exitCode()).isZero();
        CommandRun over = run(concat(programme, "book", "--adviser", "a1", "--pool", "shropshire-pool", "--date",
                "2007-09-04", "--days", "1.0", "--topic", "More"));
        CommandRun balances = run(concat(programme, "balances"));

        assertThat(over.exitCode()).isEqualTo(2);
        assertThat(over.err()).contains("contract of adviser", "over by 0.5 days");
        assertThat(balances.out()).containsPattern("POOL +shropshire-pool +3.0 +1.5 +0.0 +1.5")
                .containsPattern("ADVISER +a1 +2.0 +1.5 +0.0 +0.5");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
