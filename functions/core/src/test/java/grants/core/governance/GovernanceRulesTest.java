package grants.core.governance;

import grants.core.calendar.WorkingDays;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One rule of governance-rules.md a person would notice, each. */
class GovernanceRulesTest {

    /** No bank holidays: in January 2026 the 1st is a Thursday. */
    private static final WorkingDays CALENDAR = new WorkingDays(List.of(LocalDate.of(2026, 1, 1)));
    private static final GovernanceSettings SETTINGS = new GovernanceSettings(20, 40);
    private static final LocalDate MEETING = LocalDate.of(2026, 1, 8);

    private static final Body BOARD = new Body("board", "The board", Body.Kind.BOARD, Optional.empty(), true, 3,
            List.of(member("chair", Body.Role.CHAIR, "council"), member("ann", Body.Role.MEMBER, "housing"),
                    member("bob", Body.Role.MEMBER, "nhs"), member("cat", Body.Role.MEMBER, "police"),
                    member("obs", Body.Role.OBSERVER, "housing")));
    private static final Body SCRUTINY = new Body("scrutiny", "Scrutiny", Body.Kind.SCRUTINY, Optional.empty(), false,
            2, List.of(member("sam", Body.Role.CHAIR, "council"), member("tia", Body.Role.MEMBER, "nhs")));

    private static Body.Member member(String person, Body.Role role, String organisation) {
        return new Body.Member(person, role, Optional.of(organisation));
    }

    private static Meeting meeting(Body body, String... present) {
        return new Meeting(body.id(), MEETING, List.of(present));
    }

    private static DecisionRequest request(String id, Body body, Terms terms, String... declared) {
        return new DecisionRequest(id, body.id(), "an item", Optional.of("ni-1"), List.of(declared), Optional.empty(),
                terms);
    }

    private static Deciding.Outcome decide(DecisionRequest request, Body body, Meeting meeting) {
        return new Deciding(SETTINGS, CALENDAR).decide(request, "clerk", true, body, meeting, Optional.empty(),
                Optional.empty(), List.of());
    }

    private static Refusal refusalOf(Runnable refused) {
        try {
            refused.run();
        } catch (RefusedException e) {
            return e.refusal();
        }
        throw new AssertionError("not refused");
    }

    // ---- G3 quorum ----

    @Test
    void observersAndAbsentMembersNeverCountTowardsQuorum() {
        Quorum quorum = Quorum.of(BOARD, meeting(BOARD, "chair", "ann", "obs", "clerk"), Set.of(), Optional.empty());
        assertThat(quorum.voting()).containsExactly("ann", "chair");
        assertThat(quorum.quorate()).isFalse();
    }

    @Test
    void aMemberWhoWorksForTheOrganisationAnItemIsAboutIsCountedOutAndRecordedAsUndeclared() {
        Quorum quorum = Quorum.of(BOARD, meeting(BOARD, "chair", "ann", "bob", "cat", "obs"), Set.of("chair"),
                Optional.of("housing"));
        assertThat(quorum.undeclared()).containsExactly("ann");
        assertThat(quorum.conflicted()).containsExactlyInAnyOrder("ann", "chair");
        assertThat(quorum.quorateMembers()).isEqualTo(2);
        assertThat(quorum.quorate()).isFalse();
    }

    @Test
    void anInquorateItemIsRefusedAndAQuorateOneRecordsItsCount() {
        Meeting four = meeting(BOARD, "chair", "ann", "bob", "cat");
        assertThat(refusalOf(() -> decide(request("d1", BOARD, new Terms.Noted("seen"), "ann", "bob"), BOARD, four)))
                .isEqualTo(Refusal.INQUORATE);
        Decision decided = decide(request("d2", BOARD, new Terms.Noted("seen"), "ann"), BOARD, four).decision();
        assertThat(decided.quorum().quorateMembers()).isEqualTo(3);
    }

    // ---- G2, G4 ----

    @Test
    void anAdvisoryBodyMayRecommendButNotDecideAnAction() {
        Meeting both = meeting(SCRUTINY, "sam", "tia");
        assertThat(refusalOf(() -> decide(request("s1", SCRUTINY, new Terms.Action("bob", MEETING.plusDays(30), "done")),
                SCRUTINY, both))).isEqualTo(Refusal.ADVISORY);
        assertThat(decide(request("s2", SCRUTINY, new Terms.Recommendation("bob", "do it")), SCRUTINY, both)
                .recommendations()).hasSize(1);
    }

    @Test
    void anActionDueOnItsMeetingsOwnDayOrWithoutACriterionIsNotSmart() {
        Meeting all = meeting(BOARD, "chair", "ann", "bob", "cat");
        assertThat(refusalOf(() -> decide(request("a1", BOARD, new Terms.Action("bob", MEETING, "done")), BOARD, all)))
                .isEqualTo(Refusal.NOT_SMART);
        assertThat(refusalOf(() -> decide(request("a2", BOARD, new Terms.Action("bob", MEETING.plusDays(1), " ")),
                BOARD, all))).isEqualTo(Refusal.NOT_SMART);
    }

    @Test
    void aNoteWithoutItsReasonIsRefused() {
        Meeting all = meeting(BOARD, "chair", "ann", "bob", "cat");
        assertThat(refusalOf(() -> decide(request("n1", BOARD, new Terms.Noted("")), BOARD, all)))
                .isEqualTo(Refusal.NO_REASON);
    }

    @Test
    void aThemeGroupMayNotVaryTheBoardsActionButTheBoardMayVaryAGroups() {
        Body group = new Body("group", "A group", Body.Kind.THEME_GROUP, Optional.of("jobs"), true, 1,
                List.of(member("gil", Body.Role.CHAIR, "council")));
        ActionRecord boards = ActionRecord.made("board-1", "board-1", "board", "bob", MEETING.minusDays(7),
                MEETING.plusDays(7), "done");
        ActionRecord groups = ActionRecord.made("group-1", "group-1", "group", "bob", MEETING.minusDays(7),
                MEETING.plusDays(7), "done");
        Deciding deciding = new Deciding(SETTINGS, CALENDAR);
        Terms.Variation later = new Terms.Variation("board-1", MEETING.plusDays(30), "more time");
        assertThat(refusalOf(() -> deciding.decide(request("v1", group, later), "clerk", true, group,
                meeting(group, "gil"), Optional.of(boards), Optional.empty(), List.of()))).isEqualTo(Refusal.NOT_ALLOWED);
        Deciding.Outcome varied = deciding.decide(request("v2", BOARD, later), "clerk", true, BOARD,
                meeting(BOARD, "chair", "ann", "bob"), Optional.of(groups), Optional.empty(), List.of());
        assertThat(varied.actions().get(0).originalDue()).isEqualTo(MEETING.plusDays(7));
        assertThat(varied.actions().get(0).due()).isEqualTo(MEETING.plusDays(30));
    }

    @Test
    void whoAsksIsCheckedBeforeWhetherTheBodyMayDecide() {
        assertThat(refusalOf(() -> new Deciding(SETTINGS, CALENDAR).decide(request("x", SCRUTINY,
                new Terms.Action("bob", MEETING, "")), "someone", false, SCRUTINY, meeting(SCRUTINY), Optional.empty(),
                Optional.empty(), List.of()))).isEqualTo(Refusal.NOT_ALLOWED);
    }

    // ---- G5 ----

    @Test
    void anActionDueOnAFridayIsOverdueOnTheSaturdayByNoWorkingDaysAndByOneOnMonday() {
        ActionRecord action = ActionRecord.made("a", "a", "board", "bob", MEETING, LocalDate.of(2026, 1, 16), "done");
        assertThat(action.overdueOn(LocalDate.of(2026, 1, 16))).isFalse();
        assertThat(action.overdueOn(LocalDate.of(2026, 1, 17))).isTrue();
        assertThat(action.workingDaysOverdue(LocalDate.of(2026, 1, 17), CALENDAR)).isZero();
        assertThat(action.workingDaysOverdue(LocalDate.of(2026, 1, 19), CALENDAR)).isEqualTo(1);
    }

    @Test
    void anActionIsInProgressOnceItsOwnerPostsAnUpdateAndOnlyItsOwnerMay() {
        ActionRecord action = ActionRecord.made("a", "a", "board", "bob", MEETING, MEETING.plusDays(20), "done");
        assertThat(action.stateOn(MEETING)).isEqualTo(ActionState.OPEN);
        assertThat(refusalOf(() -> action.update("ann", new Act(MEETING.plusDays(1), "ann", "hi"))))
                .isEqualTo(Refusal.NOT_ALLOWED);
        ActionRecord updated = action.update("bob", new Act(MEETING.plusDays(1), "bob", "started"));
        assertThat(updated.stateOn(MEETING)).isEqualTo(ActionState.OPEN);
        assertThat(updated.stateOn(MEETING.plusDays(1))).isEqualTo(ActionState.IN_PROGRESS);
    }

    @Test
    void aCompletionNeedsEvidenceAndNothingMoreHappensToACompletedAction() {
        ActionRecord action = ActionRecord.made("a", "a", "board", "bob", MEETING, LocalDate.of(2026, 1, 16), "done");
        assertThat(refusalOf(() -> action.complete("bob", new Act(MEETING.plusDays(2), "bob", ""))))
                .isEqualTo(Refusal.NO_EVIDENCE);
        ActionRecord done = action.complete("bob", new Act(LocalDate.of(2026, 1, 21), "bob", "report"));
        assertThat(done.workingDaysLate(CALENDAR)).isEqualTo(3);
        assertThat(refusalOf(() -> done.update("bob", new Act(LocalDate.of(2026, 1, 22), "bob", "more"))))
                .isEqualTo(Refusal.FINAL);
    }

    // ---- G7 ----

    @Test
    void anAnswerIsDueFortyWorkingDaysAfterTheMeetingAndIsOverdueTheDayAfter() {
        RecommendationRecord made = RecommendationRecord.made("r", "r", "board", "bob", MEETING, "do", SETTINGS,
                CALENDAR);
        LocalDate due = CALENDAR.after(MEETING, 40);
        assertThat(made.responseDue()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(made.stateOn(due, List.of())).isEqualTo(RecommendationState.AWAITING_RESPONSE);
        assertThat(made.stateOn(due.plusDays(1), List.of())).isEqualTo(RecommendationState.RESPONSE_OVERDUE);
    }

    @Test
    void onlyTheAddresseeAnswersOnceAndAcceptingNeedsAnAction() {
        RecommendationRecord made = RecommendationRecord.made("r", "r", "board", "bob", MEETING, "do", SETTINGS,
                CALENDAR);
        LocalDate on = MEETING.plusDays(5);
        RecommendationRecord.Response accept = new RecommendationRecord.Response(on, "bob",
                RecommendationRecord.Answer.ACCEPTED, "", List.of());
        assertThat(refusalOf(() -> made.respond(new RecommendationRecord.Response(on, "ann",
                RecommendationRecord.Answer.ACCEPTED, "", List.of()), List.of()))).isEqualTo(Refusal.NOT_ALLOWED);
        assertThat(refusalOf(() -> made.respond(accept, List.of()))).isEqualTo(Refusal.NOT_SMART);
        assertThat(refusalOf(() -> made.respond(new RecommendationRecord.Response(on, "bob",
                RecommendationRecord.Answer.REJECTED, " ", List.of()), List.of()))).isEqualTo(Refusal.NO_REASON);
        ActionRecord action = ActionRecord.made("r-a1", "r", "board", "bob", on, on.plusDays(10), "done");
        RecommendationRecord answered = made.respond(accept, List.of(action));
        assertThat(refusalOf(() -> answered.respond(accept, List.of(action)))).isEqualTo(Refusal.FINAL);
        assertThat(answered.stateOn(on, List.of(action))).isEqualTo(RecommendationState.IMPLEMENTING);
        assertThat(answered.stateOn(on.plusDays(11), List.of(action)))
                .isEqualTo(RecommendationState.IMPLEMENTATION_OVERDUE);
        ActionRecord dropped = action.drop(new Act(on.plusDays(3), "clerk", "superseded"));
        assertThat(answered.stateOn(on.plusDays(3), List.of(dropped))).isEqualTo(RecommendationState.NOT_IMPLEMENTED);
    }

    // ---- G9 ----

    @Test
    void aFindingMustCiteItsReviewsEvidenceAndAReportNeedsAFinding() {
        ReviewRecord review = ReviewRecord.scoped("rv", "group", List.of("ni-1"), new Act(MEETING, "sam", ""));
        assertThat(refusalOf(() -> review.add(new ReviewRecord.Finding("f", "x", List.of(), MEETING, "sam"))))
                .isEqualTo(Refusal.NO_EVIDENCE);
        assertThat(refusalOf(() -> review.checkReport("d", new Terms.Report("rv", List.of()), List.of())))
                .isEqualTo(Refusal.EMPTY_REPORT);
        ReviewRecord gathered = review.add(new ReviewRecord.Evidence("e", ReviewRecord.EvidenceKind.ORAL, "said",
                MEETING, "sam"));
        assertThat(gathered.stateOn(MEETING, Map.of())).isEqualTo(ReviewState.GATHERING);
        ReviewRecord found = gathered.add(new ReviewRecord.Finding("f", "x", List.of("e"), MEETING, "sam"));
        Terms.Report toStranger = new Terms.Report("rv", List.of(new Terms.ReportRecommendation("r1", "f", "zed",
                "do")));
        assertThat(refusalOf(() -> found.checkReport("d", toStranger, List.of("owner", "chair"))))
                .isEqualTo(Refusal.OUT_OF_SCOPE);
        ReviewRecord reported = found.reported(new ReviewRecord.Reported("d", MEETING.plusDays(1), List.of()));
        assertThat(reported.stateOn(MEETING.plusDays(1), Map.of())).isEqualTo(ReviewState.CLOSED);
        assertThat(refusalOf(() -> reported.add(new ReviewRecord.Evidence("e2", ReviewRecord.EvidenceKind.DATA,
                "late", MEETING.plusDays(2), "sam")))).isEqualTo(Refusal.FINAL);
    }

    // ---- G11 ----

    @Test
    void thePublicSeesADecisionFromTheNextWorkingDayAndAnExemptOneWithoutItsWords() {
        LocalDate friday = LocalDate.of(2026, 1, 9);
        Quorum quorum = Quorum.of(BOARD, meeting(BOARD, "chair", "ann", "bob"), Set.of(), Optional.empty());
        Decision exempt = new Decision("d", "board", friday, "legal advice", Optional.empty(), List.of(),
                Optional.of(Decision.Exempt.LEGAL), new Terms.Noted("advice noted"), quorum, "clerk");
        assertThat(Publication.toPublic(exempt, friday, CALENDAR)).isEmpty();
        assertThat(Publication.toPublic(exempt, friday.plusDays(2), CALENDAR)).isEmpty();
        Publication.Shown monday = Publication.toPublic(exempt, friday.plusDays(3), CALENDAR).orElseThrow();
        assertThat(monday.exempt()).contains(Decision.Exempt.LEGAL);
        assertThat(monday.item()).isEmpty();
        assertThat(monday.terms()).isEmpty();
        assertThat(Publication.toPartner(exempt, CALENDAR).item()).contains("legal advice");
    }

    @Test
    void refusalsAboutWhoAskedAreTheOnlyOnesThatAnswer403() {
        assertThat(Refusal.NOT_ALLOWED.isAboutWho()).isTrue();
        assertThat(java.util.Arrays.stream(Refusal.values()).filter(Refusal::isAboutWho)).hasSize(1);
    }

    /** The spec's first escalation (G6): Sandra Mills's action, emailed to her and Catherine Rowe, the board's chair. */
    @Test
    void anEscalationsEmailSaysHowOverdueTheActionIsAndFromWhenInWords() {
        Body coventryBoard = new Body("clpsb", "Coventry Local Public Service Board", Body.Kind.BOARD, Optional.empty(),
                true, 3, List.of(new Body.Member("board-catherine", Body.Role.CHAIR, Optional.empty())));
        ActionRecord action = ActionRecord.made("clpsb-2009-11-19-01", "clpsb-2009-11-19-01", "clpsb", "owner-sandra",
                LocalDate.of(2009, 11, 19), LocalDate.of(2010, 1, 15), "the pub watch scheme running in the city centre");
        Escalation escalation = new Escalation(action.id(), LocalDate.of(2010, 2, 15), 20,
                List.of("owner-sandra", "board-catherine"), action.due(),
                List.of("sandra.mills@coventry-partnership.example"), List.of("board-catherine"));

        EscalationEmails.Email email = EscalationEmails.email(escalation, action, Optional.of(coventryBoard));

        assertThat(email.subject()).isEqualTo("Action clpsb-2009-11-19-01 is 20 working days overdue: due 15 January 2010");
        assertThat(email.text()).startsWith("Action clpsb-2009-11-19-01, decided by the Coventry Local Public Service "
                + "Board, was due on 15 January 2010 and is not complete: it is 20 working days overdue.")
                .contains("It was escalated on 15 February 2010 to its owner, owner-sandra, and the chair of the "
                + "Coventry Local Public Service Board, board-catherine.", "No email address is known for board-catherine");
        assertThat(email.html()).contains("<h1 style=\"font-size: 1.3rem;\">Action clpsb-2009-11-19-01 is 20 working "
                + "days overdue: due 15 January 2010</h1>");
        assertThat(email.addresses()).containsExactly("sandra.mills@coventry-partnership.example");
    }
}
