package grants.adapters.dynamodb;

import grants.core.notices.Bulletin;
import grants.core.notices.Letter;
import grants.core.notices.Notice;
import grants.core.notices.NoticeKind;
import grants.core.notices.NoticeState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Notices in DynamoDB: conditional writes keep every notice to one sender and one send. */
class DynamoNoticeStoreTest {

    /** A clock the test moves on, to see a sender's claim go stale. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2007-06-01T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private GrantsTable table;
    private DynamoNoticeStore store;

    @BeforeEach
    void freshTable() {
        table = StoreTables.fresh(getClass(), clock);
        store = new DynamoNoticeStore(table);
    }

    private Notice rugby() {
        return Notice.queued("wm", "run-1/rugby/WITHDRAWN", NoticeKind.WITHDRAWN, "run-1", "rugby", null,
                List.of("clerk@rugby.gov.uk"), null, clock.instant());
    }

    @Test
    void aNoticeIsCreatedOnceAndReadsBackTheSame() {
        assertThat(store.create(rugby())).isTrue();
        assertThat(store.create(rugby())).isFalse();

        assertThat(store.get("wm", "run-1/rugby/WITHDRAWN")).contains(rugby());
        assertThat(store.withPrefix("wm", "run-1/")).containsExactly(rugby());
        assertThat(store.withPrefix("wm", "run-2/")).isEmpty();
    }

    @Test
    void onlyOneSenderHoldsANoticeUntilItsClaimGoesStale() {
        store.create(rugby());

        assertThat(store.claim("wm", rugby().key())).isTrue();
        assertThat(store.claim("wm", rugby().key())).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(store.claim("wm", rugby().key())).as("the first sender died: its claim is stale").isTrue();
    }

    @Test
    void aSentNoticeIsNeverClaimedAgainAndItsMessageFindsIt() {
        store.create(rugby());
        store.claim("wm", rugby().key());

        store.sent("wm", rugby().key(), "0100-abc", List.of());

        assertThat(store.claim("wm", rugby().key())).isFalse();
        assertThat(store.byMessageId("0100-abc")).hasValueSatisfying(notice -> {
            assertThat(notice.state()).isEqualTo(NoticeState.SENT);
            assertThat(notice.messageId()).isEqualTo("0100-abc");
        });
        store.feedback("wm", rugby().key(), NoticeState.BOUNCED, "bounced (Permanent)");
        assertThat(store.get("wm", rugby().key()).orElseThrow().state()).isEqualTo(NoticeState.BOUNCED);
    }

    @Test
    void aReleasedNoticeCanBeClaimedAgainAndAFailedOneCannot() {
        store.create(rugby());
        store.claim("wm", rugby().key());
        store.release("wm", rugby().key(), "throttled");
        assertThat(store.get("wm", rugby().key()).orElseThrow().reason()).isEqualTo("will retry: throttled");

        assertThat(store.claim("wm", rugby().key())).isTrue();
        store.failed("wm", rugby().key(), "address rejected");
        assertThat(store.claim("wm", rugby().key())).isFalse();
    }

    @Test
    void suppressionIgnoresTheCaseOfAnAddress() {
        store.suppress("Clerk@Rugby.gov.uk", "complaint");

        assertThat(store.suppressed(List.of("clerk@rugby.gov.uk", "leader@warwickshire.gov.uk")))
                .containsExactly("clerk@rugby.gov.uk");
    }

    /** Keys reach CloudTrail, stream records and error messages: a suppression's key holds a hash, not the address. */
    @Test
    void aSuppressionIsStoredWithoutTheAddressAndStillSuppresses() {
        store.suppress("Clerk@Rugby.gov.uk", "bounced (Permanent): [Clerk@Rugby.gov.uk]");

        var items = table.client().scan(request -> request.tableName(table.name())).items();
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.get(GrantsTable.PK).s()).startsWith("SUPPRESSED#").matches("SUPPRESSED#[0-9a-f]{64}");
            item.values().forEach(value -> assertThat(String.valueOf(value.s()).toLowerCase())
                    .doesNotContain("clerk", "rugby.gov.uk"));
            assertThat(item.get("reason").s()).isEqualTo("bounced (Permanent): [[address]]");
        });
        assertThat(store.suppressed(List.of("clerk@rugby.gov.uk", "CLERK@RUGBY.GOV.UK", "leader@warwickshire.gov.uk")))
                .containsExactlyInAnyOrder("clerk@rugby.gov.uk", "CLERK@RUGBY.GOV.UK");
    }

    @Test
    void aLetterReadsBackWithItsAddressees() {
        Letter call = new Letter("Call for proposals", "text", "<p>html</p>", List.of("clerk@rugby.gov.uk", "lead@leam.example"));
        store.putLetter("round-1", "call", call);

        assertThat(store.letter("round-1", "call")).contains(call);
    }

    @Test
    void aBulletinIsKeptOnceUnderItsId() {
        Bulletin bulletin = new Bulletin("wm", "briefing-1", "Briefing", "Hello", Bulletin.Audience.ALL);

        assertThat(store.createBulletin(bulletin)).isTrue();
        assertThat(store.createBulletin(bulletin)).isFalse();
        assertThat(store.bulletin("wm", "briefing-1")).contains(bulletin);
    }
}
