package grants.core.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void everyAddressInALineIsReplacedAndTheRestKept() {
        String line = "SES refused the message: MessageRejected: Email address is not verified. The following identities"
                + " failed the check in region EU-WEST-2: Clerk@Rugby.gov.uk, <leader+grants@warwickshire.gov.uk>;"
                + " bounced (Permanent): [a.b@c.example]";

        assertThat(Redaction.withoutAddresses(line))
                .doesNotContain("Clerk@", "Rugby.gov.uk", "leader", "warwickshire.gov.uk", "a.b@c.example")
                .isEqualTo("SES refused the message: MessageRejected: Email address is not verified. The following identities"
                        + " failed the check in region EU-WEST-2: [address], <[address]>; bounced (Permanent): [[address]]");
    }

    @Test
    void textWithoutAddressesIsUnchanged() {
        assertThat(Redaction.withoutAddresses("commit job job-1 of wm: DONE @ 12:00")).isEqualTo("commit job job-1 of wm: DONE @ 12:00");
        assertThat(Redaction.withoutAddresses(null)).isNull();
    }
}
