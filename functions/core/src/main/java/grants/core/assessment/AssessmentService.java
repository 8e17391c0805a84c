package grants.core.assessment;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.errors.ConflictException;
import grants.core.errors.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The competency framework and partnerships' assessments: the manager keeps the framework (each
 * change a new version); a partnership's representative submits an assessment, its Project Champion
 * confirms it and, for a joint review, a government reviewer co-signs it. Nothing submitted is edited.
 */
public final class AssessmentService {

    private final AssessmentStore store;
    private final Partnerships partnerships;
    private final Clock clock;

    public AssessmentService(AssessmentStore store, Partnerships partnerships, Clock clock) {
        this.store = store;
        this.partnerships = partnerships;
        this.clock = clock;
    }

    /** A new version, unless the domains are the latest version's already (a retry changes nothing). */
    public CompetencyFramework setFramework(Actor actor, String programmeId, List<Domain> domains) {
        FrameworkCheck.check(domains);
        Optional<CompetencyFramework> latest = store.latestFramework(programmeId);
        if (latest.isPresent() && latest.get().domains().equals(domains)) {
            return latest.get();
        }
        Instant now = clock.instant();
        CompetencyFramework framework = new CompetencyFramework(programmeId, latest.map(f -> f.version() + 1).orElse(1),
                domains, actor.name(), now);
        AuditEntry entry = AuditEntry.by(actor, now, programmeId, "FRAMEWORK_SET",
                "competency framework version " + framework.version(), latest.map(AssessmentService::describe).orElse(null),
                describe(framework));
        if (!store.addFramework(framework, entry)) {
            throw new ConflictException("FRAMEWORK_CHANGED", "Someone else changed the competency framework at the same"
                    + " time; nothing was changed. Read the framework again and make your change to it.");
        }
        return framework;
    }

    public CompetencyFramework framework(String programmeId) {
        return store.latestFramework(programmeId).orElseThrow(() -> new NotFoundException(
                "Programme \"" + programmeId + "\" has no competency framework yet: the programme manager sets it."));
    }

    /**
     * Submits an assessment under the id the representative's form chose: sent again as it was, the
     * same assessment comes back; anything else under that id is refused, as what was submitted is kept.
     */
    public Assessment submit(Actor actor, String programmeId, String partnershipId, String assessmentId, Wave wave,
                             Kind kind, List<Answer> answers) {
        PartnershipFacts partnership = partnership(programmeId, partnershipId);
        if (!actor.isMemberOf(partnershipId)) {
            throw new ForbiddenException("A partnership's assessment is made by its own representatives.");
        }
        CompetencyFramework framework = framework(programmeId);
        AnswersCheck.check(framework, partnership, kind, answers);
        Assessment assessment = new Assessment(assessmentId, programmeId, partnershipId, framework.version(), wave, kind,
                answers, actor.name(), clock.instant(), Optional.empty(), Optional.empty());
        Optional<Assessment> earlier = store.assessment(programmeId, partnershipId, assessmentId);
        if (earlier.isEmpty() && store.submit(assessment, AuditEntry.by(actor, assessment.submittedAt(), programmeId,
                "ASSESSMENT_SUBMITTED", target(assessment), null, describe(assessment, partnership)))) {
            return assessment;
        }
        Assessment kept = earlier.or(() -> store.assessment(programmeId, partnershipId, assessmentId)).orElseThrow();
        if (kept.wave() == wave && kept.kind() == kind && kept.answers().equals(answers)
                && kept.submittedBy().equals(actor.name())) {
            return kept;
        }
        throw new ConflictException("ASSESSMENT_ALREADY_SUBMITTED", "Assessment \"" + assessmentId + "\" was submitted"
                + " already and is kept as it was; a new view of the partnership is a new assessment.");
    }

    /** The Project Champion the programme document names (by email), bound to the partnership, confirms it. */
    public Assessment confirm(Actor actor, String programmeId, String partnershipId, String assessmentId) {
        PartnershipFacts partnership = partnership(programmeId, partnershipId);
        if (!mayConfirm(actor, partnership)) {
            throw new ForbiddenException("Only " + partnership.name() + "'s Project Champion, as the programme document"
                    + " names them, confirms its assessments.");
        }
        Assessment assessment = assessment(programmeId, partnershipId, assessmentId);
        if (assessment.confirmed().isPresent()) {
            return signedAlready(assessment.confirmed().get(), actor, assessment, "confirmed");
        }
        return sign(actor, assessment, assessment.confirmedBy(new Signature(actor.name(), clock.instant())),
                "ASSESSMENT_CONFIRMED", partnership);
    }

    /**
     * Whether this person may confirm the partnership's assessments (the rule {@link #confirm} applies), so the
     * console offers the button only to them.
     */
    public boolean mayConfirm(Actor actor, String programmeId, String partnershipId) {
        return mayConfirm(actor, partnership(programmeId, partnershipId));
    }

    private static boolean mayConfirm(Actor actor, PartnershipFacts partnership) {
        return actor.isMemberOf(partnership.id()) && partnership.isChampion(actor.email());
    }

    /** A government reviewer co-signs a joint review, never a self-assessment. */
    public Assessment coSign(Actor actor, String programmeId, String partnershipId, String assessmentId) {
        PartnershipFacts partnership = partnership(programmeId, partnershipId);
        if (!actor.has(Role.GOVERNMENT_REVIEWER)) {
            throw new ForbiddenException("A joint review is co-signed by a government reviewer.");
        }
        Assessment assessment = assessment(programmeId, partnershipId, assessmentId);
        if (assessment.kind() != Kind.JOINT_REVIEW) {
            throw new ConflictException("NOT_A_JOINT_REVIEW", "Assessment \"" + assessmentId + "\" is a self-assessment:"
                    + " only a joint review is co-signed.");
        }
        if (assessment.coSigned().isPresent()) {
            return signedAlready(assessment.coSigned().get(), actor, assessment, "co-signed");
        }
        return sign(actor, assessment, assessment.coSignedBy(new Signature(actor.name(), clock.instant())),
                "ASSESSMENT_CO_SIGNED", partnership);
    }

    public Assessment assessment(String programmeId, String partnershipId, String assessmentId) {
        return store.assessment(programmeId, partnershipId, assessmentId).orElseThrow(() -> new NotFoundException(
                "There is no assessment \"" + assessmentId + "\" of partnership \"" + partnershipId + "\"."));
    }

    public List<Assessment> assessmentsOf(String programmeId, String partnershipId) {
        partnership(programmeId, partnershipId);
        return store.assessmentsOf(programmeId, partnershipId);
    }

    public PartnershipFacts partnership(String programmeId, String partnershipId) {
        return partnerships.of(programmeId, partnershipId).orElseThrow(() -> new NotFoundException(
                "Programme \"" + programmeId + "\" has no partnership \"" + partnershipId + "\"."));
    }

    private Assessment sign(Actor actor, Assessment before, Assessment after, String action, PartnershipFacts partnership) {
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), before.programmeId(), action, target(before),
                describe(before, partnership), describe(after, partnership));
        if (!store.sign(before, after, entry)) {
            throw new ConflictException("ASSESSMENT_CHANGED", "Someone else signed assessment \"" + before.id()
                    + "\" at the same time; nothing was changed. Look at it again.");
        }
        return after;
    }

    /** Signing again is a retry, answered with what is kept; someone else's second signature is refused. */
    private static Assessment signedAlready(Signature signature, Actor actor, Assessment assessment, String how) {
        if (signature.by().equals(actor.name())) {
            return assessment;
        }
        throw new ConflictException("ASSESSMENT_ALREADY_SIGNED", "Assessment \"" + assessment.id() + "\" was " + how
                + " already, by " + signature.by() + ".");
    }

    private static String target(Assessment assessment) {
        return "assessment " + assessment.id() + " of " + assessment.partnershipId();
    }

    private static String describe(CompetencyFramework framework) {
        return "version " + framework.version() + ": " + framework.domains().size() + " domains, "
                + framework.statements().size() + " statements";
    }

    private static String describe(Assessment assessment, PartnershipFacts partnership) {
        String what = (assessment.wave() == Wave.BASELINE ? "baseline " : "end ")
                + (assessment.kind() == Kind.SELF ? "self-assessment" : "joint review") + " of " + partnership.name()
                + " against framework version " + assessment.frameworkVersion() + ", "
                + assessment.answers().size() + " statements scored";
        return what + ", " + assessment.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
