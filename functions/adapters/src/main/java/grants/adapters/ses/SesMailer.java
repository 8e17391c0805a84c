package grants.adapters.ses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.adapters.aws.AwsClients;
import grants.core.mail.Email;
import grants.core.mail.MailRejectedException;
import grants.core.mail.Mailer;
import grants.documents.Json;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Email through SES v2's SendEmail, from the verified sender identity, with text and HTML parts and any attached
 * files (Simple content's {@code Attachments}),
 * through the configuration set that publishes bounces and complaints. A refusal retrying cannot
 * mend becomes {@link MailRejectedException}; throttling and service errors stay ordinary
 * exceptions: retry.
 *
 * <p>One operation, called as the SDK would call it (the SDK's SigV4 signer, JSON over HTTPS),
 * rather than through the SDK's SES client: that client's module is 2.6 MB of models for SES's
 * hundred operations, and with DynamoDB's beside it a function's jar passes 12 MB.
 */
public final class SesMailer implements Mailer {

    private static final String SEND_EMAIL = "/v2/email/outbound-emails";
    /** SES's error types that say the message will never be accepted as it is. */
    private static final Set<String> PERMANENT = Set.of("MessageRejected", "MailFromDomainNotVerifiedException",
            "AccountSuspendedException", "SendingPausedException", "BadRequestException", "NotFoundException");

    private final AwsClients aws;
    private final String sender;
    private final String configurationSet;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public SesMailer(AwsClients aws, String sender) {
        this(aws, sender, null);
    }

    public SesMailer(AwsClients aws, String sender, String configurationSet) {
        this.aws = aws;
        this.sender = sender;
        this.configurationSet = configurationSet;
    }

    @Override
    public String send(Email email) {
        aws.hook().ifPresent(hook -> hook.sendEmail(sender, configurationSet));
        byte[] body = Json.write(request(email)).getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest signed = signer.sign(r -> r.identity(aws.credentials().resolveCredentials())
                        .request(SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(aws.sesUri(SEND_EMAIL))
                                .putHeader("content-type", "application/json").build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ses")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, aws.region().id()))
                .request();
        try {
            HttpURLConnection connection = (HttpURLConnection) signed.getUri().toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            // Host and Content-Length are the connection's own to set, from the same URI and body.
            signed.forEachHeader((name, values) -> {
                if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                    connection.setRequestProperty(name, String.join(",", values));
                }
            });
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            JsonNode answer = answer(status < 400 ? connection.getInputStream() : connection.getErrorStream());
            if (status == 200) {
                return answer.path("MessageId").asText();
            }
            throw refusal(status, errorType(connection.getHeaderField("x-amzn-ErrorType"), answer), answer);
        } catch (IOException e) {
            throw new UncheckedIOException("SES could not be reached: " + e.getMessage(), e);
        }
    }

    private ObjectNode request(Email email) {
        ObjectNode request = Json.object().put("FromEmailAddress", sender);
        ArrayNode to = request.putObject("Destination").putArray("ToAddresses");
        email.to().forEach(to::add);
        ObjectNode simple = request.putObject("Content").putObject("Simple");
        simple.putObject("Subject").put("Data", email.subject()).put("Charset", "UTF-8");
        ObjectNode body = simple.putObject("Body");
        body.putObject("Text").put("Data", email.text()).put("Charset", "UTF-8");
        body.putObject("Html").put("Data", email.html()).put("Charset", "UTF-8");
        if (!email.attachments().isEmpty()) {
            // SES v2 builds the multipart/mixed message itself from Simple content's attachments.
            ArrayNode files = simple.putArray("Attachments");
            email.attachments().forEach(file -> files.addObject().put("FileName", file.fileName())
                    .put("ContentType", file.contentType()).put("ContentDisposition", "ATTACHMENT")
                    .put("ContentTransferEncoding", "BASE64")
                    .put("RawContent", Base64.getEncoder().encodeToString(file.text().getBytes(StandardCharsets.UTF_8))));
        }
        if (configurationSet != null) {
            request.put("ConfigurationSetName", configurationSet);
        }
        return request;
    }

    private static JsonNode answer(InputStream in) throws IOException {
        if (in == null) {
            return Json.object();
        }
        try (in) {
            byte[] bytes = in.readAllBytes();
            try {
                return bytes.length == 0 ? Json.object() : Json.MAPPER.readTree(bytes);
            } catch (IOException notJson) {
                return Json.object().put("message", new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }

    /** The error's type, as REST-JSON services give it: a header, or the body's {@code __type}, without a namespace or suffix. */
    static String errorType(String header, JsonNode answer) {
        String type = header != null ? header : answer.path("__type").asText(answer.path("code").asText(""));
        type = type.contains(":") ? type.substring(0, type.indexOf(':')) : type;
        return type.contains("#") ? type.substring(type.lastIndexOf('#') + 1) : type;
    }

    private static RuntimeException refusal(int status, String type, JsonNode answer) {
        String message = answer.path("message").asText(answer.path("Message").asText(""));
        if (PERMANENT.contains(type)) {
            return new MailRejectedException("SES refused the message: " + type + ": " + message, null);
        }
        return new IllegalStateException("SES answered " + status + (type.isEmpty() ? "" : " " + type)
                + (message.isEmpty() ? "" : ": " + message) + "; sending again later");
    }
}
