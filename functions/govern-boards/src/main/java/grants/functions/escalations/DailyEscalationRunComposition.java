package grants.functions.escalations;

import grants.adapters.dynamodb.DynamoGovernanceStore;
import grants.adapters.dynamodb.DynamoReportingStore;
import grants.adapters.wiring.Wiring;
import grants.core.governance.DailyEscalations;
import grants.core.governance.EmailAddresses;
import grants.core.governance.Escalation;
import grants.core.governance.GovernanceSettings;
import grants.core.reporting.Person;
import grants.core.reporting.Register;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the daily escalation run uses, built once per container from what the functions share
 * ({@link Wiring}): the registers with governance, each one's store, and where its people are emailed
 * (the register's people, else the address kept for the person). Escalation needs the actions alone,
 * so nothing of reporting's figures is read. The handler only runs it.
 */
public final class DailyEscalationRunComposition {

    private final Wiring wiring;
    private final DynamoReportingStore registers;

    public DailyEscalationRunComposition(Wiring wiring) {
        this.wiring = wiring;
        this.registers = new DynamoReportingStore(wiring.table(), wiring.auditTable());
    }

    /** Every register's escalations of the day: each action once, a missed day caught up, each email queued with it (G6). */
    List<Escalation> runEscalations() {
        List<Escalation> made = new ArrayList<>();
        for (String registerId : DynamoGovernanceStore.governedRegisters(wiring.table())) {
            made.addAll(new DailyEscalations(new DynamoGovernanceStore(wiring.table(), wiring.auditTable(), registerId),
                    GovernanceSettings.STANDARD, registerId, wiring.clock(), addressesIn(registerId)).run());
        }
        return made;
    }

    /** The register's people's addresses (read once per run), else the address kept for the person ({@code PERSON#}). */
    private EmailAddresses addressesIn(String registerId) {
        Optional<Register> register = registers.register(registerId);
        return person -> register.flatMap(r -> r.person(person)).map(Person::email).filter(email -> !email.isBlank())
                .or(() -> wiring.monitoring().addressOf(person));
    }

    /** A read through the store, the SDK and the table, that writes nothing: SnapStart's priming. */
    Runnable primingRead() {
        return () -> DynamoGovernanceStore.governedRegisters(wiring.table());
    }
}
