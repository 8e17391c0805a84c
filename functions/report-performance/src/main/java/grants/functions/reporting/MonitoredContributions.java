package grants.functions.reporting;

import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringStore;
import grants.core.monitoring.ReturnRecord;
import grants.core.reporting.ContributingAgreement;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Reporting's port for contributing agreements ({@link ContributingAgreement.Source}) over the
 * monitoring store: an agreement's organisation, and the outputs of its latest accepted return (the
 * return of the latest quarter that has been accepted). Here, in the function that needs both, so
 * that reporting and monitoring never depend on each other.
 */
final class MonitoredContributions implements ContributingAgreement.Source {

    private final MonitoringStore monitoring;

    MonitoredContributions(MonitoringStore monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public Optional<ContributingAgreement> agreement(String agreementId) {
        return monitoring.agreement(agreementId).map(MonitoredContributions::contribution);
    }

    private static ContributingAgreement contribution(MonitoredAgreement monitored) {
        Optional<ReturnRecord> latestAccepted = monitored.returns().stream()
                .filter(record -> record.acceptedVersion().isPresent())
                .max(Comparator.comparing((ReturnRecord record) -> record.plan().quarterEnd())
                        .thenComparing(record -> record.acceptedOn().orElseThrow()));
        return new ContributingAgreement(monitored.id(), monitored.agreement().organisation(),
                latestAccepted.flatMap(ReturnRecord::acceptedOn),
                latestAccepted.flatMap(ReturnRecord::acceptedVersion).map(version -> version.outputs()).orElse(Map.of()));
    }
}
