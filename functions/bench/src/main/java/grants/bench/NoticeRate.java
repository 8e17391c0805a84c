package grants.bench;

import grants.core.notices.NoticeService;
import java.security.SecureRandom;
import grants.documents.JsonProgrammeDocuments;
import grants.core.run.CommitRequest;
import java.util.Map;
import grants.adapters.wiring.Wiring;
import grants.adapters.aws.Environment;
import grants.adapters.aws.AwsClients;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.ses.SesMailer;
import grants.documents.ProgrammeJson;
import grants.core.mail.Mailer;
import grants.core.notices.Notice;
import grants.core.notices.NoticeSender;
import grants.core.notices.RateLimiter;
import grants.core.run.AllocationService;
import grants.localaws.LocalAwsStack;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** N notices at a configured rate R through the local SES: how long they take, and the busiest second. */
final class NoticeRate {

    record Result(int notices, double rate, long millis, int busiestSecond) {
    }

    private NoticeRate() {
    }

    static Result run(int partnerships, double rate) {
        try (LocalAwsStack stack = LocalAwsStack.inMemory()) {
            AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                    stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
            GrantsTable.createIfMissing(aws.dynamoDb(), "rate");
            AuditTable.createIfMissing(aws.dynamoDb(), "rate-audit");
            Wiring wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, "rate", Environment.AUDIT_TABLE, "rate-audit")),
                    aws, Clock.systemUTC());
            AllocationService allocations = new AllocationService(wiring.programmes(), wiring.runs(), new JsonProgrammeDocuments(),
                    Clock.systemUTC(), new SecureRandom());
            allocations.putProgramme("rate", ProgrammeJson.read(RegionGenerator.region("rate", partnerships, 3)));
            String runId = allocations.commit("rate", CommitRequest.confirming(allocations.dryRun("rate").inputHash()), Optional.empty()).run().header().runId();
            new NoticeService(wiring.programmes(), wiring.runs(), wiring.notices(), wiring.notices(),
                    Clock.systemUTC(), wiring.auditLog()).createRunNotices("rate", runId);

            List<Long> sentAt = new ArrayList<>();
            SesMailer ses = new SesMailer(aws, "bench@example.org");
            Mailer recording = email -> {
                sentAt.add(System.nanoTime());
                return ses.send(email);
            };
            NoticeSender sender = new NoticeSender(wiring.programmes(), wiring.runs(), wiring.notices(), wiring.notices(), wiring.notices(), recording, RateLimiter.perSecond(rate),
                    wiring.auditLog());
            List<Notice> queued = wiring.notices().withPrefix("rate", runId + "/");
            long millis = Stopwatch.millis(() -> queued.forEach(notice -> sender.send("rate", notice.key())));
            int busiest = 0;
            for (long start : sentAt) {
                int inSecond = (int) sentAt.stream().filter(t -> t >= start && t < start + 1_000_000_000L).count();
                busiest = Math.max(busiest, inSecond);
            }
            return new Result(sentAt.size(), rate, millis, busiest);
        }
    }
}
