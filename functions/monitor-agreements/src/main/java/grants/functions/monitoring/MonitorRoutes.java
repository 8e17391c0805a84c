package grants.functions.monitoring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.access.Binding;
import grants.core.access.Role;
import grants.core.monitoring.Acceptances;
import grants.core.monitoring.BankHolidayCalendar;
import grants.core.monitoring.ForbiddenActionException;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.MonitoringViews;
import grants.core.monitoring.RefusedException;
import grants.core.monitoring.ScopeSettings;
import grants.http.Access;
import grants.http.HttpResponses;
import grants.http.Identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static grants.core.access.Role.AUDITOR;
import static grants.core.access.Role.FINANCE_OFFICER;
import static grants.core.access.Role.LEAD_CONTACT;
import static grants.core.access.Role.OFFICER;
import static grants.core.access.Role.PROGRAMME_MANAGER;
import static grants.core.access.Role.SUB_GROUP;

/**
 * Monitoring's routes: read the request, call the use case as the caller is bound where the
 * agreement was made, write the JSON. Route keys match template.yaml. A return's or a milestone's
 * id has a "/" (and a return's a space), so a path names it by its agreement and its key
 * ({@link AgreementParts}).
 */
final class MonitorRoutes {

    static final String LIST = "GET /agreements";
    static final String GET = "GET /agreements/{agreementId}";
    static final String REMINDERS = "GET /agreements/{agreementId}/reminders";
    static final String SUBMIT = "POST /agreements/{agreementId}/returns/{returnKey}/submit";
    static final String SAVE_DRAFT = "PUT /agreements/{agreementId}/returns/{returnKey}/draft";
    static final String ACCEPT = "POST /agreements/{agreementId}/returns/{returnKey}/accept";
    static final String SEND_BACK = "POST /agreements/{agreementId}/returns/{returnKey}/send-back";
    static final String SKIP = "POST /agreements/{agreementId}/returns/{returnKey}/skip";
    static final String VARY_RETURN = "POST /agreements/{agreementId}/returns/{returnKey}/vary";
    static final String VARY_MILESTONE = "POST /agreements/{agreementId}/milestones/{milestoneKey}/vary";
    static final String ACHIEVE = "POST /agreements/{agreementId}/milestones/{milestoneKey}/achieve";
    static final String WAIVE = "POST /agreements/{agreementId}/milestones/{milestoneKey}/waive";
    static final String HOLD = "POST /agreements/{agreementId}/instalments/{instalment}/hold";
    static final String RELEASE = "POST /agreements/{agreementId}/instalments/{instalment}/release";
    static final String ASK_OVERRIDE = "POST /agreements/{agreementId}/instalments/{instalment}/override";
    static final String APPROVE_OVERRIDE = "POST /agreements/{agreementId}/instalments/{instalment}/override/approve";
    static final String TERMINATE = "POST /agreements/{agreementId}/terminate";
    static final String ACCEPT_AGREEMENT = "POST /agreements/{agreementId}/accept";
    static final String NAME_OFFICER = "PUT /agreements/{agreementId}/officer";
    static final String REVIEW_QUEUE = "GET /review-queue";
    static final String PAYMENT_RUN = "POST /payment-runs";
    static final String PAYMENT_RUNS_OF_DAY = "GET /payment-runs/{day}";
    static final String PAYMENT_FILE = "GET /payment-runs/{day}/payments.csv";
    static final String HELD_LIST = "GET /payment-runs/{day}/held.csv";
    static final String SETTINGS = "GET /monitoring-settings/{scopeId}";
    static final String KEEP_SETTINGS = "PUT /monitoring-settings/{scopeId}";
    static final String MONITORING_REPORT = "GET /monitoring-report/{scopeId}";
    static final String BANK_HOLIDAYS = "GET /bank-holidays";
    static final String KEEP_BANK_HOLIDAYS = "PUT /bank-holidays";

    private static final Role[] SEE = {PROGRAMME_MANAGER, FINANCE_OFFICER, OFFICER, SUB_GROUP, LEAD_CONTACT, AUDITOR};

    /**
     * Every route and who may call it; the service then checks the agreement itself (a lead contact's
     * own organisation, the officer it names, the M14 refusals). template.yaml declares exactly these.
     */
    static final Map<String, Access> ACCESS = Map.ofEntries(
            Map.entry(LIST, Access.by("see monitored agreements", SEE)),
            Map.entry(GET, Access.by("see a monitored agreement", SEE)),
            Map.entry(REMINDERS, Access.by("see an agreement's reminders", SEE)),
            Map.entry(SUBMIT, Access.by("submit a progress return", LEAD_CONTACT)),
            Map.entry(SAVE_DRAFT, Access.by("save a progress return as a draft", LEAD_CONTACT)),
            Map.entry(ACCEPT, Access.by("accept a progress return", PROGRAMME_MANAGER, OFFICER, SUB_GROUP)),
            Map.entry(SEND_BACK, Access.by("send a progress return back", PROGRAMME_MANAGER, OFFICER, SUB_GROUP)),
            Map.entry(SKIP, Access.by("skip a progress return", PROGRAMME_MANAGER)),
            Map.entry(VARY_RETURN, Access.by("change a return's due date", PROGRAMME_MANAGER, OFFICER)),
            Map.entry(VARY_MILESTONE, Access.by("change a milestone's due date", PROGRAMME_MANAGER, OFFICER)),
            Map.entry(ACHIEVE, Access.by("record a milestone as achieved", OFFICER)),
            Map.entry(WAIVE, Access.by("waive a milestone", PROGRAMME_MANAGER)),
            Map.entry(HOLD, Access.by("hold an instalment", PROGRAMME_MANAGER, FINANCE_OFFICER)),
            Map.entry(RELEASE, Access.by("release an instalment", PROGRAMME_MANAGER, FINANCE_OFFICER)),
            Map.entry(ASK_OVERRIDE, Access.by("ask for an override", PROGRAMME_MANAGER, FINANCE_OFFICER, OFFICER)),
            Map.entry(APPROVE_OVERRIDE, Access.by("approve an override", PROGRAMME_MANAGER, FINANCE_OFFICER)),
            Map.entry(TERMINATE, Access.by("terminate an agreement", PROGRAMME_MANAGER)),
            Map.entry(ACCEPT_AGREEMENT, Access.by("accept an agreement for its organisation", LEAD_CONTACT)),
            Map.entry(NAME_OFFICER, Access.by("name an agreement's officer", PROGRAMME_MANAGER)),
            Map.entry(REVIEW_QUEUE, Access.by("see the returns waiting for review", PROGRAMME_MANAGER, OFFICER,
                    SUB_GROUP, AUDITOR)),
            Map.entry(PAYMENT_RUN, Access.by("make a payment run", PROGRAMME_MANAGER, FINANCE_OFFICER)),
            Map.entry(PAYMENT_RUNS_OF_DAY, Access.by("see a day's payment runs", PROGRAMME_MANAGER, FINANCE_OFFICER)),
            Map.entry(PAYMENT_FILE, Access.by("download a day's payment file", PROGRAMME_MANAGER, FINANCE_OFFICER)),
            Map.entry(HELD_LIST, Access.by("download a day's held list", PROGRAMME_MANAGER, FINANCE_OFFICER)),
            Map.entry(SETTINGS, Access.by("see a programme's or round's monitoring settings", SEE)),
            Map.entry(KEEP_SETTINGS, Access.by("keep a programme's or round's monitoring settings",
                    PROGRAMME_MANAGER)),
            Map.entry(MONITORING_REPORT, Access.by("read a round's or programme's monitoring report", PROGRAMME_MANAGER,
                    FINANCE_OFFICER, OFFICER, SUB_GROUP, AUDITOR)),
            Map.entry(BANK_HOLIDAYS, Access.by("see the bank holidays", SEE)),
            Map.entry(KEEP_BANK_HOLIDAYS, Access.by("keep the bank holidays", PROGRAMME_MANAGER)));

    static final List<String> ALL = List.copyOf(new TreeSet<>(ACCESS.keySet()));

    private final MonitoringService monitoring;
    private final Acceptances acceptances;
    private final MonitoringViews views;
    private final String financeClientId;
    private final PaymentRunsOfADay paymentRuns;
    private final ScopeSettingsRoutes settings;
    private final BankHolidayRoutes bankHolidays;
    private final MonitoringReportOfAScope report;

    MonitorRoutes(MonitoringService monitoring, Acceptances acceptances, MonitoringViews views,
                  ScopeSettings settings, BankHolidayCalendar bankHolidays, String financeClientId) {
        this.monitoring = monitoring;
        this.settings = new ScopeSettingsRoutes(settings);
        this.bankHolidays = new BankHolidayRoutes(bankHolidays);
        this.report = new MonitoringReportOfAScope(views);
        this.paymentRuns = new PaymentRunsOfADay(monitoring);
        this.acceptances = acceptances;
        this.views = views;
        this.financeClientId = financeClientId;
    }

    Optional<APIGatewayV2HTTPResponse> handle(APIGatewayV2HTTPEvent request, Actor caller) {
        String routeKey = request.getRouteKey() == null ? "" : request.getRouteKey();
        try {
            return Optional.ofNullable(switch (routeKey) {
                case LIST -> HttpResponses.json(200, MonitoringJson.list(views.agreementsSeenBy(caller,
                        callerIn(request), leadOrganisations(request))));
                case REVIEW_QUEUE -> HttpResponses.json(200, MonitoringJson.queue(views.reviewQueue(caller,
                        callerIn(request))));
                case PAYMENT_RUN -> HttpResponses.json(201, MonitoringJson.paymentRun(monitoring.runPayments(caller),
                        caller));
                case PAYMENT_RUNS_OF_DAY -> paymentRuns.runs(request, caller);
                case PAYMENT_FILE -> paymentRuns.paymentFile(request, caller);
                case HELD_LIST -> paymentRuns.heldList(request, caller);
                case GET -> agreement(request, parts(request).agreementId());
                case REMINDERS -> reminders(request);
                case SETTINGS -> settings.read(scopeOf(request), callerIn(request).apply(scopeOf(request)));
                case KEEP_SETTINGS -> settings.keep(request, scopeOf(request),
                        callerIn(request).apply(scopeOf(request)));
                case MONITORING_REPORT -> report.report(scopeOf(request), caller, callerIn(request));
                case BANK_HOLIDAYS -> bankHolidays.read();
                case KEEP_BANK_HOLIDAYS -> bankHolidays.keep(request, caller);
                default -> change(routeKey, request);
            });
        } catch (RefusedException refused) {
            return Optional.of(MonitoringJson.refused(409, refused.refusal(), refused.subject(), refused.getMessage()));
        } catch (ForbiddenActionException refused) {
            return Optional.of(MonitoringJson.refused(403, refused.refusal(), refused.subject(), refused.getMessage()));
        }
    }

    /** A change: made as the caller is bound where the agreement was made; answered with the agreement after it. */
    private APIGatewayV2HTTPResponse change(String routeKey, APIGatewayV2HTTPEvent request) {
        AgreementParts parts = parts(request);
        Actor actor = callerIn(request).apply(views.trailOf(parts.agreementId()));
        Function<JsonNode, MonitoredAgreement> made = switch (routeKey) {
            case SUBMIT -> body -> {
                MonitoringRequests.Submitted submitted = MonitoringRequests.submission(body, true);
                return monitoring.submit(actor, parts.returnId(), submitted.outputs(), submitted.achieved(),
                        submitted.next(), parts.milestoneIds(submitted.milestoneEvidence()));
            };
            case SAVE_DRAFT -> body -> {
                MonitoringRequests.Submitted draft = MonitoringRequests.submission(body, false);
                return monitoring.saveDraft(actor, parts.returnId(), draft.outputs(), draft.achieved(), draft.next(),
                        parts.milestoneIds(draft.milestoneEvidence()));
            };
            case ACCEPT -> body -> {
                MonitoringRequests.nothing(body);
                return monitoring.accept(actor, parts.returnId());
            };
            case SEND_BACK -> body -> monitoring.sendBack(actor, parts.returnId(), MonitoringRequests.whatToFix(body));
            case SKIP -> body -> monitoring.skip(actor, parts.returnId(), MonitoringRequests.reason(body));
            case VARY_RETURN -> body -> {
                MonitoringRequests.Varied varied = MonitoringRequests.variation(body);
                return monitoring.varyReturn(actor, parts.returnId(), varied.to(), varied.reason());
            };
            case VARY_MILESTONE -> body -> {
                MonitoringRequests.Varied varied = MonitoringRequests.variation(body);
                return monitoring.varyMilestone(actor, parts.milestoneId(), varied.to(), varied.reason());
            };
            case ACHIEVE -> body -> monitoring.achieve(actor, parts.milestoneId(), MonitoringRequests.evidence(body));
            case WAIVE -> body -> monitoring.waive(actor, parts.milestoneId(), MonitoringRequests.reason(body));
            case HOLD -> body -> monitoring.hold(actor, parts.agreementId(), parts.instalment(),
                    MonitoringRequests.reason(body));
            case RELEASE -> body -> monitoring.release(actor, parts.agreementId(), parts.instalment(),
                    MonitoringRequests.reason(body));
            case ASK_OVERRIDE -> body -> monitoring.askForOverride(actor, parts.agreementId(), parts.instalment(),
                    MonitoringRequests.reason(body));
            case APPROVE_OVERRIDE -> body -> {
                MonitoringRequests.nothing(body);
                return monitoring.approveOverride(actor, parts.agreementId(), parts.instalment());
            };
            case TERMINATE -> body -> monitoring.terminate(actor, parts.agreementId(), MonitoringRequests.reason(body));
            case ACCEPT_AGREEMENT -> body -> {
                MonitoringRequests.nothing(body);
                return acceptances.accept(actor, parts.agreementId());
            };
            case NAME_OFFICER -> body -> {
                MonitoringRequests.Officer officer = MonitoringRequests.officer(body);
                return monitoring.nameOfficer(actor, parts.agreementId(), officer.personId(), officer.email());
            };
            default -> null;
        };
        if (made == null) {
            return null;
        }
        made.apply(MonitoringRequests.bodyOf(request));
        return agreement(request, parts.agreementId());
    }

    private APIGatewayV2HTTPResponse agreement(APIGatewayV2HTTPEvent request, String agreementId) {
        Actor actor = callerIn(request).apply(views.trailOf(agreementId));
        return HttpResponses.json(200, MonitoringJson.agreement(views.status(actor, agreementId),
                actor.has(LEAD_CONTACT)));
    }

    private APIGatewayV2HTTPResponse reminders(APIGatewayV2HTTPEvent request) {
        String agreementId = parts(request).agreementId();
        Actor actor = callerIn(request).apply(views.trailOf(agreementId));
        return HttpResponses.json(200, MonitoringJson.reminders(agreementId, views.reminders(actor, agreementId)));
    }

    private static String scopeOf(APIGatewayV2HTTPEvent request) {
        return request.getPathParameters() == null ? "" : request.getPathParameters().getOrDefault("scopeId", "");
    }

    /** The caller as bound in a round or programme (else everywhere). */
    private Function<String, Actor> callerIn(APIGatewayV2HTTPEvent request) {
        Map<String, Actor> byScope = new TreeMap<>();
        return scope -> byScope.computeIfAbsent(scope, s -> Identity.in(s, request, financeClientId));
    }

    /** The organisations a lead contact is bound with, wherever. */
    private static List<String> leadOrganisations(APIGatewayV2HTTPEvent request) {
        return Identity.bindings(request).values().stream().map(Binding::organisationId).flatMap(Optional::stream)
                .distinct().sorted().toList();
    }

    private static AgreementParts parts(APIGatewayV2HTTPEvent request) {
        return AgreementParts.of(request);
    }
}
