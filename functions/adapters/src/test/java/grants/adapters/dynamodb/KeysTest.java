package grants.adapters.dynamodb;

import grants.core.support.Account;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key format of the grants table, as stored items already carry them: changing one would
 * orphan every item written before, so each is pinned here.
 */
class KeysTest {

    @Test
    void programmeItems() {
        assertThat(Keys.programme("l2d-2007-08")).isEqualTo("PROGRAMME#l2d-2007-08");
        assertThat(Keys.PROGRAMME_HEAD).isEqualTo("PROGRAMME");
        assertThat(Keys.part(Keys.documentParts("9f2c"), 3)).isEqualTo("DOC#9f2c#PART#00003");
        assertThat(Keys.part(Keys.snapshot("ab12"), 0)).isEqualTo("SNAPSHOT#ab12#PART#00000");
        assertThat(Keys.run("20070601T090000000Z-0a1b2c")).isEqualTo("RUN#20070601T090000000Z-0a1b2c");
        assertThat(Keys.idempotency("commit-1")).isEqualTo("IDEMPOTENCY#commit-1");
        assertThat(Keys.export("wm", "run-1")).isEqualTo("EXPORT#wm#run-1");
        assertThat(Keys.EXPORT_ITEM).isEqualTo("EXPORT");
        assertThat(Keys.notices("wm")).isEqualTo("NOTICES#wm");
        assertThat(Keys.notice("run-1/rugby/WITHDRAWN")).isEqualTo("run-1/rugby/WITHDRAWN");
        assertThat(Keys.sendRate("notices")).isEqualTo("RATE#notices");
        assertThat(Keys.second(1_180_688_400L)).isEqualTo("1180688400");
        assertThat(Keys.bulletin("briefing-1")).isEqualTo("BULLETIN#briefing-1");
    }

    @Test
    void bindings() {
        assertThat(Keys.binding("7d2c-sub")).isEqualTo("BINDING#7d2c-sub");
        assertThat(Keys.bindingScope("coventry-2008")).isEqualTo("coventry-2008");
        assertThat(Keys.bindingScope("*")).isEqualTo("*");
        // The list of a scope's bindings: under BINDING#, and never a person's partition (no sub has a '#').
        assertThat(Keys.bindingsIn("coventry-2008")).isEqualTo("BINDING##SCOPE#coventry-2008").startsWith("BINDING#");
        assertThat(Keys.bindingSubject("7d2c-sub")).isEqualTo("7d2c-sub");
    }

    @Test
    void roundItems() {
        assertThat(Keys.round("coventry-2002")).isEqualTo("ROUND#coventry-2002");
        assertThat(Keys.ROUND_HEAD).isEqualTo("ROUND");
        // Under ROUND#, which CommissionRounds' policy lets it write; a round id never has a '#'.
        assertThat(Keys.ROUNDS).isEqualTo("ROUND##LIST").startsWith("ROUND#");
        assertThat(Keys.contract("c-1")).startsWith(Keys.contractPrefix());
    }

    @Test
    void everyRecordOfARound() {
        assertThat(Keys.ballot("v1")).isEqualTo("BALLOT#v1").startsWith(Keys.ballotPrefix());
        assertThat(Keys.specification("spec-crime")).isEqualTo("SPEC#spec-crime").startsWith(Keys.specificationPrefix());
        assertThat(Keys.panel("spec-crime")).isEqualTo("PANEL#spec-crime").startsWith(Keys.panelPrefix());
        assertThat(Keys.proposal("crime-wardens")).isEqualTo("PROPOSAL#crime-wardens").startsWith(Keys.proposalPrefix());
        assertThat(Keys.score("crime-wardens", "c1")).isEqualTo("SCORE#crime-wardens#c1").startsWith(Keys.scorePrefix());
        assertThat(Keys.refusedScore("crime-wardens", "c1")).isEqualTo("REFUSEDSCORE#crime-wardens#c1")
                .startsWith(Keys.refusedScorePrefix());
        assertThat(Keys.moderation("crime-wardens")).isEqualTo("MODERATION#crime-wardens")
                .startsWith(Keys.moderationPrefix());
        assertThat(Keys.meeting("crime-wardens", "2002-09-12T10:00")).isEqualTo("MEETING#crime-wardens#2002-09-12T10:00")
                .startsWith(Keys.meetingPrefix());
        assertThat(Keys.decision("crime-wardens")).isEqualTo("DECISION#crime-wardens").startsWith(Keys.decisionPrefix());
        assertThat(Keys.contract("contract-crime-wardens")).isEqualTo("CONTRACT#contract-crime-wardens");
    }

    @Test
    void aRoundsPrefixListsOnlyItsOwnKind() {
        java.util.List<String> prefixes = java.util.List.of(Keys.ballotPrefix(), Keys.specificationPrefix(),
                Keys.panelPrefix(), Keys.declarationPrefix(), Keys.proposalPrefix(), Keys.scorePrefix(),
                Keys.refusedScorePrefix(), Keys.moderationPrefix(), Keys.meetingPrefix(), Keys.decisionPrefix(),
                Keys.contractPrefix(), Keys.acceptancePrefix(), Keys.ROUND_HEAD);
        for (String prefix : prefixes) {
            assertThat(prefixes).as("other kinds beginning with " + prefix)
                    .filteredOn(other -> !other.equals(prefix) && other.startsWith(prefix)).isEmpty();
        }
    }

    @Test
    void aMembersAnswerPerProposalAndAContractsAcceptance() {
        assertThat(Keys.declaration("u1", "unemployment-pathways")).isEqualTo("DECLARATION#u1#unemployment-pathways")
                .startsWith(Keys.declarationPrefix());
        assertThat(Keys.acceptance("contract-p1")).isEqualTo("ACCEPTANCE#contract-p1").startsWith(Keys.acceptancePrefix())
                .doesNotStartWith(Keys.contractPrefix());
    }

    @Test
    void monitoringItems() {
        assertThat(Keys.agreement("contract-skills-network")).isEqualTo("AGREEMENT#contract-skills-network");
        assertThat(Keys.AGREEMENT_ITEM).isEqualTo("AGREEMENT");
        // Lists beside the agreements: no agreement id has a '#', so no agreement's partition is one of them.
        assertThat(Keys.AGREEMENT_ORGANISATIONS).isEqualTo("AGREEMENT##ORGANISATIONS").startsWith("AGREEMENT#");
        assertThat(Keys.organisation("org-skills-network")).isEqualTo("org-skills-network");
        assertThat(Keys.agreementsOf("org-skills-network")).isEqualTo("AGREEMENT##ORGANISATION#org-skills-network");
        assertThat(Keys.remindersOn(java.time.LocalDate.of(2002, 7, 26))).isEqualTo("REMINDER#2002-07-26");
        assertThat(Keys.REMINDER_DAYS).isEqualTo("REMINDER##DAYS").startsWith("REMINDER#");
        assertThat(Keys.day(java.time.LocalDate.of(2002, 7, 26))).isEqualTo("2002-07-26");
        assertThat(Keys.ledger("contract-skills-network")).isEqualTo("LEDGER#contract-skills-network");
        assertThat(Keys.ledgerEntry("contract-skills-network/2002-03 Q1/r-before/2002-07-26"))
                .isEqualTo("contract-skills-network/2002-03 Q1/r-before/2002-07-26");
        assertThat(Keys.calendar("england-and-wales")).isEqualTo("CALENDAR#england-and-wales");
        assertThat(Keys.person("officer-chen")).isEqualTo("PERSON#officer-chen");
        assertThat(Keys.BANK_HOLIDAYS_ITEM).isEqualTo("BANKHOLIDAYS");
        assertThat(Keys.paymentRunsOn(java.time.LocalDate.of(2002, 9, 30))).isEqualTo("PAYMENT_RUN#2002-09-30");
        assertThat(Keys.paymentRunHeader("20020930T101500000Z-a1b2c3")).isEqualTo("20020930T101500000Z-a1b2c3#MADE");
        assertThat(Keys.paidLine("20020930T101500000Z-a1b2c3", "contract-skills-network", 2))
                .isEqualTo("20020930T101500000Z-a1b2c3#PAID#contract-skills-network#0002");
        assertThat(Keys.heldLine("20020930T101500000Z-a1b2c3", "contract-skills-network", 12))
                .isEqualTo("20020930T101500000Z-a1b2c3#HELD#contract-skills-network#0012");
    }

    @Test
    void reportingItems() {
        assertThat(Keys.register("coventry-laa")).isEqualTo("REGISTER#coventry-laa");
        assertThat(Keys.REGISTER_ITEM).isEqualTo("REGISTER");
        assertThat(Keys.REGISTERS).isEqualTo("REGISTER##LIST").isNotEqualTo(Keys.register("list"));
        assertThat(Keys.figureReminderLedger("coventry-laa")).isEqualTo("LEDGER#REGISTER#coventry-laa");
        assertThat(Keys.figure("ni-152", "2008-09 Q1", 2)).isEqualTo("FIGURE#ni-152#2008-09 Q1#0002")
                .startsWith(Keys.figurePrefix());
        // A quarter's figures and narratives list in the order recorded: 10 after 9.
        assertThat(Keys.figure("ni-152", "2008-09 Q1", 10)).isGreaterThan(Keys.figure("ni-152", "2008-09 Q1", 9));
        assertThat(Keys.narrative("ni-152", "2008-09 Q1", 1)).isEqualTo("NARRATIVE#ni-152#2008-09 Q1#0001")
                .startsWith(Keys.narrativesOf("ni-152", "2008-09 Q1")).startsWith(Keys.narrativePrefix());
        // One indicator's quarter never lists another's (ids have no '#').
        assertThat(Keys.narrative("ni-15", "2008-09 Q1", 1)).doesNotStartWith(Keys.narrativesOf("ni-1", "2008-09 Q1"));
        assertThat(Keys.figurePrefix()).doesNotStartWith(Keys.narrativePrefix()).isNotEqualTo(Keys.REGISTER_ITEM);
    }

    @Test
    void ledgerItems() {
        assertThat(Keys.budget("l2d-2007-08")).isEqualTo("BUDGET#l2d-2007-08");
        assertThat(Keys.budgetLine("2007-08", "rda-economic")).isEqualTo("LINE#2007-08#rda-economic")
                .startsWith(Keys.budgetLinePrefix());
        // A year's lines sort before the next year's, whatever their ids.
        assertThat(Keys.budgetLine("2007-08", "zz")).isLessThan(Keys.budgetLine("2008-09", "aa"));
        assertThat(Keys.budgetEntry("booking:B1")).isEqualTo("ENTRY#booking:B1").startsWith(Keys.budgetEntryPrefix());
        assertThat(Keys.overspend("over-1")).isEqualTo("OVERSPEND#over-1");
        assertThat(Keys.budget("x")).doesNotStartWith("LEDGER#");
    }

    @Test
    void governanceItems() {
        java.time.LocalDate day = java.time.LocalDate.of(2010, 1, 15);
        assertThat(Keys.governance("coventry-laa")).isEqualTo("GOVERN#coventry-laa");
        assertThat(Keys.GOVERNED_REGISTERS).isEqualTo("GOVERN##REGISTERS").startsWith("GOVERN#");
        assertThat(Keys.governedRegister("coventry-laa")).isEqualTo("coventry-laa");
        assertThat(Keys.governedBody("clpsb")).isEqualTo("BODY#clpsb").startsWith(Keys.governedBodyPrefix());
        assertThat(Keys.governedMeeting("clpsb", day)).isEqualTo("MEETING#clpsb#2010-01-15")
                .startsWith(Keys.governedMeetingPrefix());
        assertThat(Keys.governedDecision("clpsb-2009-11-19-05")).isEqualTo("DECISION#clpsb-2009-11-19-05")
                .startsWith(Keys.governedDecisionPrefix());
        assertThat(Keys.governedAction("a-1")).isEqualTo("ACTION#a-1").startsWith(Keys.governedActionPrefix());
        assertThat(Keys.recommendation("r-1")).isEqualTo("RECOMMENDATION#r-1").startsWith(Keys.recommendationPrefix());
        assertThat(Keys.review("rv-1")).isEqualTo("REVIEW#rv-1").startsWith(Keys.reviewPrefix());
        assertThat(Keys.takenId("e-1")).isEqualTo("ID#e-1");
        assertThat(Keys.escalation("a-1")).isEqualTo("ESCALATION#a-1").startsWith(Keys.escalationPrefix());
        // The daily run reads the due days before its day as one range: the 14th's is in it, the 15th's is not.
        assertThat(Keys.actionsDue("coventry-laa")).isEqualTo("GOVERN#coventry-laa##DUE");
        assertThat(Keys.actionDue(day, "a-1")).isEqualTo("2010-01-15#a-1").isGreaterThan(Keys.actionsDueBefore(day));
        assertThat(Keys.actionDue(day.minusDays(1), "a-9")).isLessThan(Keys.actionsDueBefore(day));
        // No kind's prefix is the start of another's, so a kind lists alone.
        java.util.List<String> kinds = java.util.List.of(Keys.governedBodyPrefix(), Keys.governedMeetingPrefix(),
                Keys.governedDecisionPrefix(), Keys.governedActionPrefix(), Keys.recommendationPrefix(),
                Keys.reviewPrefix(), Keys.takenId(""), Keys.escalationPrefix());
        kinds.forEach(kind -> assertThat(kinds.stream().filter(other -> other.startsWith(kind))).containsExactly(kind));
    }

    @Test
    void runItems() {
        assertThat(Keys.runItems("wm", "run-1")).isEqualTo("RUN#wm#run-1");
        assertThat(Keys.row("rugby")).isEqualTo("ROW#rugby").startsWith(Keys.rowPrefix());
        assertThat(Keys.locality("warwickshire")).isEqualTo("LOCALITY#warwickshire").startsWith(Keys.localityPrefix());
    }

    @Test
    void itemsAloneInTheirPartition() {
        assertThat(Keys.send("export-email/wm/run-1")).isEqualTo("SEND#export-email/wm/run-1");
        assertThat(Keys.sesMessage("0100-abc")).isEqualTo("SESMESSAGE#0100-abc");
        // SHA-256 of "suppressed-address:clerk@rugby.gov.uk", as `printf %s ... | sha256sum` gives it.
        assertThat(Keys.suppressed("Clerk@Rugby.GOV.uk"))
                .isEqualTo("SUPPRESSED#8770989a1015ee7bcc4d67999594f09575881e1159f9099f134308bbc54e34c1")
                .isEqualTo(Keys.suppressed(" clerk@rugby.gov.uk"));
    }

    @Test
    void supportDaysAndTheirAccounts() {
        assertThat(Keys.support("wm")).isEqualTo("SUPPORT#wm");
        assertThat(Keys.adviser("adviser-health")).isEqualTo("ADVISER#adviser-health");
        assertThat(Keys.pool("warwickshire-pool")).isEqualTo("POOL#warwickshire-pool");
        assertThat(Keys.poolMember("rugby")).isEqualTo("POOLMEMBER#rugby");
        assertThat(Keys.booking("b-1")).isEqualTo("BOOKING#b-1");
        assertThat(Keys.counter(new Account.OfPartnership("rugby"))).isEqualTo("ACCOUNT#PARTNERSHIP#rugby");
        assertThat(Keys.counter(new Account.OfPool("warwickshire-pool"))).isEqualTo("POOL#warwickshire-pool");
        assertThat(Keys.counter(new Account.OfAdviser("adviser-health"))).isEqualTo("ADVISER#adviser-health");
        for (Account account : new Account[] {new Account.OfPartnership("rugby"), new Account.OfPool("p"),
                new Account.OfAdviser("a")}) {
            assertThat(Keys.counterAccount(Keys.counter(account))).contains(account);
        }
        assertThat(Keys.counterAccount(Keys.booking("b-1"))).isEmpty();
    }

    @Test
    void theStreamTellsACommittedRunAndANewNoticeFromEverythingElse() {
        assertThat(Keys.item("PROGRAMME#wm", "RUN#run-1")).contains(new Keys.Item.CommittedRun("wm", "run-1"));
        assertThat(Keys.item("NOTICES#wm", "run-1/rugby/FUNDED"))
                .contains(new Keys.Item.NewNotice("wm", "run-1/rugby/FUNDED"));
        assertThat(Keys.noticeKeys("wm", "run-1/rugby/FUNDED")).containsEntry("pk", "NOTICES#wm")
                .containsEntry("sk", "run-1/rugby/FUNDED");
        assertThat(Keys.item("PROGRAMME#wm", "IDEMPOTENCY#k")).isEmpty();
        assertThat(Keys.item("RUN#wm#run-1", "ROW#rugby")).isEmpty();
        assertThat(Keys.item(null, "RUN#run-1")).isEmpty();
        assertThat(Keys.item("ROUND#coventry", "ROUND")).contains(new Keys.Item.RoundHead("coventry"));
        assertThat(Keys.item("ROUND##LIST", "ROUND#coventry")).isEmpty();
        assertThat(Keys.item("ROUND#coventry", "ACCEPTANCE#contract-p1"))
                .contains(new Keys.Item.AcceptedContract("coventry", "contract-p1"));
        assertThat(Keys.item("ROUND#coventry", "CONTRACT#contract-p1")).isEmpty();
        assertThat(Keys.committedRunKeys("wm", "run-1")).containsEntry("pk", "PROGRAMME#wm").containsEntry("sk", "RUN#run-1");
        assertThat(Keys.roundHeadKeys("coventry")).containsEntry("pk", "ROUND#coventry").containsEntry("sk", "ROUND");
    }

    @Test
    void theStreamTellsAPaymentRunsPaidLineFromItsHeldLinesAndHeader() {
        java.time.LocalDate day = java.time.LocalDate.parse("2002-08-01");
        String runId = "20020801T090000000Z-a1b2c3";
        assertThat(Keys.item("PAYMENT_RUN#2002-08-01", runId + "#PAID#contract-pathways#0002"))
                .contains(new Keys.Item.PaidInstalment(day, runId, "contract-pathways", 2));
        assertThat(Keys.item("PAYMENT_RUN#2002-08-01", runId + "#HELD#contract-pathways#0003")).isEmpty();
        assertThat(Keys.item("PAYMENT_RUN#2002-08-01", runId + "#MADE")).isEmpty();
        assertThat(Keys.paidLineKeys(day, runId, "contract-pathways", 2))
                .containsEntry("pk", "PAYMENT_RUN#2002-08-01").containsEntry("sk", runId + "#PAID#contract-pathways#0002");
    }

    @Test
    void eventItems() {
        assertThat(Keys.events("l2d-2007-08")).isEqualTo("EVENTS#l2d-2007-08");
        assertThat(Keys.event("pm-workshop")).isEqualTo("EVENT#pm-workshop").startsWith(Keys.eventPrefix());
        assertThat(Keys.registration("pm-workshop", "r1")).isEqualTo("EVENT#pm-workshop#REG#r1")
                .startsWith(Keys.registrationPrefix("pm-workshop"));
        // One event's registrations never list with another's whose id starts the same (ids have no '#').
        assertThat(Keys.registration("pm-workshop-2", "r1")).doesNotStartWith(Keys.registrationPrefix("pm-workshop"));
        assertThat(Keys.eventSent("pm-workshop", "reminder")).isEqualTo("EVENT#pm-workshop#SENT#reminder")
                .doesNotStartWith(Keys.registrationPrefix("pm-workshop"));
        assertThat(Keys.setNote("set-north", "m1")).isEqualTo("NOTE#set-north#m1").startsWith(Keys.setNotePrefix("set-north"))
                .doesNotStartWith(Keys.learningSetPrefix());
        assertThat(Keys.learningSet("set-north")).isEqualTo("SET#set-north").startsWith(Keys.learningSetPrefix());
    }

    @Test
    void frameworksSortByVersionAndAssessmentsByPartnership() {
        assertThat(Keys.assess("l2d-2007-08")).isEqualTo("ASSESS#l2d-2007-08");
        assertThat(Keys.framework(12)).isEqualTo("FRAMEWORK#000012").startsWith(Keys.frameworkPrefix());
        assertThat(Keys.framework(9)).isLessThan(Keys.framework(10));
        assertThat(Keys.assessment("rugby", "a-1")).isEqualTo("ASSESSMENT#rugby#a-1").startsWith(Keys.assessmentsOf("rugby"))
                .startsWith(Keys.assessmentPrefix());
        assertThat(Keys.assessment("rugby-town", "a-1")).as("another partnership's never in rugby's")
                .doesNotStartWith(Keys.assessmentsOf("rugby"));
    }

    @Test
    void theEvaluationKeepsAProgrammesSurveysInOnePartitionAndEachLinkUnderItsHashAlone() {
        assertThat(Keys.survey("l2d-2007-08")).isEqualTo("SURVEY#l2d-2007-08");
        assertThat(Keys.surveyWave("BASELINE")).isEqualTo("WAVE#BASELINE").startsWith(Keys.surveyWavePrefix());
        assertThat(Keys.surveyInvitation("END", "0a1b")).isEqualTo("INVITE#END#0a1b")
                .startsWith(Keys.surveyInvitationPrefix("END")).doesNotStartWith(Keys.surveyInvitationPrefix("BASELINE"));
        assertThat(Keys.surveyAnswer("END", "0a1b")).isEqualTo("ANSWER#END#0a1b").startsWith(Keys.surveyAnswerPrefix("END"));
        assertThat(Keys.surveyReminder("END", "0a1b", 2)).isEqualTo("REMINDED#END#0a1b#2");
        assertThat(Keys.interview("rugby-1")).isEqualTo("INTERVIEW#rugby-1").startsWith(Keys.interviewPrefix());
        assertThat(Keys.surveyLink("9f86d0")).isEqualTo("SURVEYLINK#9f86d0").doesNotStartWith(Keys.survey(""));
        assertThat(Keys.item("SURVEY#l2d-2007-08", "WAVE#END")).isEmpty();
    }
}
