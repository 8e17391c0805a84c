package grants.adapters.ses;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import grants.adapters.aws.AwsClients;
import grants.core.mail.Email;
import grants.core.mail.MailRejectedException;
import grants.documents.Json;
import grants.localaws.AwsStack;
import grants.localaws.TestAwsStack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SendEmail as the mailer calls it: on the local SES the message arrives with its subject and both
 * parts; a signed request carries SigV4's headers; SES's refusals are told apart from its
 * throttling, which is retried. The refusals come from a stand-in on loopback answering as SES does.
 */
class SesMailerTest {

    private static final Email NOTICE = new Email(List.of("lsp@rugby.example"), "Your grant for 2007-08",
            "Rugby is funded: GBP 19,600.00.", "<p>Rugby is funded: <strong>GBP 19,600.00</strong>.</p>");

    @Test
    void theLocalSesReceivesTheMessageWithBothParts() throws IOException {
        AwsStack stack = TestAwsStack.shared();
        AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
        String subject = "Your grant for 2007-08 #" + System.nanoTime();

        String messageId = new SesMailer(aws, "grants@example.org").send(new Email(NOTICE.to(), subject, NOTICE.text(),
                NOTICE.html()));

        assertThat(messageId).isNotBlank();
        JsonNode sent = null;
        try (InputStream in = stack.sesEndpoint().resolve("/store").toURL().openStream()) {
            for (JsonNode email : Json.MAPPER.readTree(in).get("emails")) {
                if (email.path("subject").asText().equals(subject)) {
                    sent = email;
                }
            }
        }
        assertThat(sent).as("the message in the local SES").isNotNull();
        assertThat(sent.path("from").asText()).isEqualTo("grants@example.org");
        assertThat(sent.path("destination").path("to").get(0).asText()).isEqualTo("lsp@rugby.example");
        assertThat(sent.path("body").path("text").asText()).isEqualTo(NOTICE.text());
        assertThat(sent.path("body").path("html").asText()).isEqualTo(NOTICE.html());
    }

    @Test
    void aRejectedMessageIsRejectedForGoodAndTheRequestWasSigned() throws IOException {
        AtomicReference<String> authorization = new AtomicReference<>();
        try (StandIn ses = new StandIn(400, "MessageRejected:http://internal.amazon.com/coral/com.amazonaws.sesv2/",
                "{\"message\":\"Email address is not verified.\"}", authorization)) {
            assertThatThrownBy(() -> ses.mailer().send(NOTICE)).isInstanceOf(MailRejectedException.class)
                    .hasMessageContaining("MessageRejected").hasMessageContaining("Email address is not verified.");
        }
        assertThat(authorization.get()).startsWith("AWS4-HMAC-SHA256 Credential=test/")
                .contains("/eu-west-2/ses/aws4_request", "SignedHeaders=", "Signature=");
    }

    @Test
    void throttlingIsLeftToBeRetried() throws IOException {
        try (StandIn ses = new StandIn(429, "TooManyRequestsException", "{\"message\":\"Maximum sending rate exceeded.\"}",
                new AtomicReference<>())) {
            assertThatThrownBy(() -> ses.mailer().send(NOTICE)).isNotInstanceOf(MailRejectedException.class)
                    .hasMessageContaining("429").hasMessageContaining("sending again later");
        }
    }

    /** One answer to every request, on 127.0.0.1, keeping the Authorization header it was sent. */
    private static final class StandIn implements AutoCloseable {
        private final HttpServer server;

        StandIn(int status, String errorType, String body, AtomicReference<String> authorization) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v2/email/outbound-emails", exchange -> {
                authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
                exchange.getRequestBody().readAllBytes();
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
                exchange.getResponseHeaders().add("content-type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
        }

        SesMailer mailer() {
            URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            return new SesMailer(AwsClients.local(new AwsClients.Endpoints(null, null, () -> endpoint, null), "test",
                    "test-secret"), "grants@example.org");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
