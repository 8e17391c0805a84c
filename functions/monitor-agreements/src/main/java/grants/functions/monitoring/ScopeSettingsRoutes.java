package grants.functions.monitoring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.core.access.Actor;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.ScopeSettings;
import grants.documents.monitoring.MonitoringSettingsJson;
import grants.http.HttpResponses;

/**
 * A programme's or round's monitoring settings: read by anyone bound to it, kept by its manager.
 * Saving the same settings again changes nothing, so a retried PUT is harmless.
 */
final class ScopeSettingsRoutes {

    private final ScopeSettings settings;

    ScopeSettingsRoutes(ScopeSettings settings) {
        this.settings = settings;
    }

    APIGatewayV2HTTPResponse read(String scopeId, Actor caller) {
        return HttpResponses.json(200, MonitoringSettingsJson.write(settings.of(caller, scopeId)));
    }

    APIGatewayV2HTTPResponse keep(APIGatewayV2HTTPEvent request, String scopeId, Actor caller) {
        MonitoringSettings kept = settings.keep(caller, scopeId,
                MonitoringSettingsJson.read(MonitoringRequests.bodyOf(request)));
        return HttpResponses.json(200, MonitoringSettingsJson.write(kept));
    }
}
