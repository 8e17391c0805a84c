package grants.functions.monitoring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.core.access.Actor;
import grants.core.exports.ExportFile;
import grants.core.monitoring.AgreementStatus;
import grants.core.monitoring.GrantTerms;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringViews;
import grants.documents.monitoring.MonitoringReport;
import grants.http.HttpResponses;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A round's or programme's monitoring report, as it stands today: the page the replay writes as
 * {@code monitoring-report.html}, made from the agreements the caller sees there, each held instalment
 * with the reasons a payment run today would hold it for.
 */
final class MonitoringReportOfAScope {

    private final MonitoringViews views;

    MonitoringReportOfAScope(MonitoringViews views) {
        this.views = views;
    }

    APIGatewayV2HTTPResponse report(String scopeId, Actor caller, Function<String, Actor> callerIn) {
        MonitoringViews.ScopeView scope = views.scope(caller, callerIn, scopeId);
        Map<String, AgreementStatus> byId = scope.agreements().stream()
                .collect(Collectors.toMap(AgreementStatus::id, status -> status));
        ExportFile page = MonitoringReport.render(new MonitoringReport.Contents(scopeId, scope.day(), scope.calendar(),
                scope.agreements().stream().map(AgreementStatus::agreement).toList(),
                agreement -> agreement.agreement().organisationName(), MonitoringReportOfAScope::officer,
                (agreement, instalment) -> byId.get(agreement.id()).holdOf(instalment), null));
        return HttpResponses.file(page, "inline", "monitoring-report-" + scopeId + "-" + scope.day() + ".html");
    }

    private static String officer(MonitoredAgreement agreement) {
        String officer = agreement.agreement().officer();
        return officer.equals(GrantTerms.NO_OFFICER) ? "not named yet" : officer;
    }
}
