package grants.adapters.dynamodb;

import grants.core.mail.SendLog.Claim;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The finance email's send log: one sender, a released claim taken again, a sent email never again. */
class DynamoSendLogTest {

    @Test
    void aKeyIsHeldByOneSenderUntilReleasedAndNeverSentTwice() {
        DynamoSendLog log = new DynamoSendLog(StoreTables.fresh(getClass(), Clock.systemUTC()));

        assertThat(log.claim("export-email/wm/run-1")).isEqualTo(Claim.CLAIMED);
        assertThat(log.claim("export-email/wm/run-1")).isEqualTo(Claim.HELD_ELSEWHERE);
        log.release("export-email/wm/run-1");
        assertThat(log.claim("export-email/wm/run-1")).isEqualTo(Claim.CLAIMED);
        log.sent("export-email/wm/run-1", "0100-abc");
        assertThat(log.claim("export-email/wm/run-1")).isEqualTo(Claim.SENT_BEFORE);
    }
}
