package grants.functions.monitoring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.core.access.Actor;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.core.exports.ExportFile;
import grants.core.monitoring.KeptPaymentRun;
import grants.core.monitoring.MonitoringService;
import grants.documents.monitoring.PaymentRunCsv;
import grants.http.HttpResponses;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A day's payment runs read back: as JSON for the console, and as finance's two files, written by
 * the same code as the replay's {@code payments-<day>.csv} and {@code held-<day>.csv}. Each caller
 * sees the lines of the agreements they work on.
 */
final class PaymentRunsOfADay {

    private final MonitoringService monitoring;

    PaymentRunsOfADay(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    APIGatewayV2HTTPResponse runs(APIGatewayV2HTTPEvent request, Actor caller) {
        LocalDate day = dayOf(request);
        return HttpResponses.json(200, MonitoringJson.paymentRuns(day, monitoring.paymentRunsOn(caller, day)));
    }

    APIGatewayV2HTTPResponse paymentFile(APIGatewayV2HTTPEvent request, Actor caller) {
        return file(request, caller, PaymentRunCsv::payments);
    }

    APIGatewayV2HTTPResponse heldList(APIGatewayV2HTTPEvent request, Actor caller) {
        return file(request, caller, PaymentRunCsv::held);
    }

    private APIGatewayV2HTTPResponse file(APIGatewayV2HTTPEvent request, Actor caller,
                                          BiFunction<LocalDate, List<KeptPaymentRun>, ExportFile> render) {
        LocalDate day = dayOf(request);
        List<KeptPaymentRun> runs = monitoring.paymentRunsOn(caller, day);
        if (runs.isEmpty()) {
            throw new NotFoundException("No payment run was made on " + day + ", so it has no payment file or held list.");
        }
        ExportFile file = render.apply(day, runs);
        return HttpResponses.file(file, "attachment", file.name());
    }

    /** The path's day: a real ISO date, such as 2002-09-30. */
    private static LocalDate dayOf(APIGatewayV2HTTPEvent request) {
        String day = request.getPathParameters() == null ? "" : request.getPathParameters().getOrDefault("day", "");
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException notADay) {
            throw InvalidInputException.of("day", "in the path must be a real day written as year-month-day, such as 2002-09-30");
        }
    }
}
