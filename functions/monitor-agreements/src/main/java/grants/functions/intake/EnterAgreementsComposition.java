package grants.functions.intake;

import grants.adapters.wiring.Wiring;
import grants.core.monitoring.AgreementIntake;
import grants.core.monitoring.GrantTerms;

/**
 * Everything the intake function uses, built once per container from what the functions share
 * ({@link Wiring}): the intake, reading rounds and runs and writing monitoring. Rounds and runs never
 * call monitoring; the table's stream tells it what they published. Every programme's grants get
 * {@link GrantTerms#defaultsFor} until programmes set terms of their own.
 */
public final class EnterAgreementsComposition {

    private final AgreementIntake intake;
    private final EnterAgreementsPriming priming;

    public EnterAgreementsComposition(Wiring wiring) {
        this.intake = new AgreementIntake(wiring.monitoring(), wiring.rounds(), wiring.programmes(), wiring.runs(),
                GrantTerms::defaultsFor, wiring.clock());
        this.priming = new EnterAgreementsPriming(wiring.monitoring(), wiring.rounds(), wiring.programmes(),
                wiring.runs(), wiring.clock());
    }

    public AgreementIntake intake() {
        return intake;
    }

    /** SnapStart's deeper priming: a small run's agreements entered by the real intake, their writes not sent. */
    EnterAgreementsPriming priming() {
        return priming;
    }
}
