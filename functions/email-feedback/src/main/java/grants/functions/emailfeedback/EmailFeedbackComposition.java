package grants.functions.emailfeedback;

import grants.adapters.wiring.Wiring;
import grants.core.notices.NoticeService;

/**
 * Everything the EmailFeedback function uses, built once per container from what the functions
 * share ({@link Wiring}): the notice service that records bounces and complaints.
 */
public final class EmailFeedbackComposition {

    private final NoticeService notices;

    public EmailFeedbackComposition(Wiring wiring) {
        this.notices = new NoticeService(wiring.programmes(), wiring.runs(), wiring.notices(), wiring.notices(),
                wiring.clock(), wiring.auditLog());
    }

    public NoticeService notices() {
        return notices;
    }
}
