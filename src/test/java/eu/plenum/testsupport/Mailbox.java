package eu.plenum.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on a free loopback port, reached through an {@link SmtpGate}
 * (which refuses or holds chosen recipient domains), and helpers to read what arrived.
 */
public final class Mailbox {

    private final GreenMail server;
    private final SmtpGate gate;

    private Mailbox(GreenMail server, SmtpGate gate) {
        this.server = server;
        this.gate = gate;
    }

    static Mailbox start() {
        int port = FreePorts.next();
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new Mailbox(server, SmtpGate.to(port));
    }

    /** The port the app sends to: the gate in front of GreenMail. */
    int port() {
        return gate.port();
    }

    /** The gate in front of the server, for tests of a refusing or slow relay. */
    public SmtpGate gate() {
        return gate;
    }

    void stop() {
        gate.stop();
        server.stop();
    }

    /** One received mail, decoded. */
    public record Received(String to, String subject, String text, String html, Optional<String> calendar, String contentTypes) {

        /** The first capture group of a pattern in the plain-text body. */
        public String find(Pattern pattern) {
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no " + pattern + " in mail to " + to + ":\n" + text);
            }
            return matcher.group(1);
        }
    }

    public List<Received> all() {
        return Arrays.stream(server.getReceivedMessages()).map(Mailbox::decode).toList();
    }

    /** Waits up to 30 s until {@code count} mails match; returns them. */
    public List<Received> await(Predicate<Received> wanted, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<Received> matching = List.of();
        while (Instant.now().isBefore(deadline)) {
            matching = all().stream().filter(wanted).toList();
            if (matching.size() >= count) {
                return matching;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("expected " + count + " matching mails within 30 s, got " + matching.size());
    }

    public Received awaitOne(String to, String subjectStart) {
        return await(mail -> mail.to().equalsIgnoreCase(to) && mail.subject().startsWith(subjectStart), 1).get(0);
    }

    private static Received decode(MimeMessage message) {
        try {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            StringBuilder calendar = new StringBuilder();
            StringBuilder types = new StringBuilder();
            walk(message, text, html, calendar, types);
            return new Received(message.getAllRecipients()[0].toString(), message.getSubject(), text.toString(), html.toString(),
                    calendar.isEmpty() ? Optional.empty() : Optional.of(calendar.toString()), types.toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void walk(Part part, StringBuilder text, StringBuilder html, StringBuilder calendar, StringBuilder types)
            throws MessagingException, IOException {
        types.append(part.getContentType()).append('\n');
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, text, html, calendar, types);
            }
        } else if (part.isMimeType("text/calendar")) {
            calendar.append(read(content));
        } else if (part.isMimeType("text/plain")) {
            text.append(read(content));
        } else if (part.isMimeType("text/html")) {
            html.append(read(content));
        }
    }

    private static String read(Object content) throws IOException {
        if (content instanceof InputStream stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        return String.valueOf(content);
    }
}
