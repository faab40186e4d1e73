package eu.plenum.compliance;

import eu.plenum.mail.OutgoingMail;
import java.time.Instant;
import java.util.UUID;

/** The mail that proves control of an address: its link is a placeholder the dispatcher renders, so the outbox holds no secret. */
final class SelfServiceMail {

    private SelfServiceMail() {
    }

    static OutgoingMail confirmation(UUID askId, String address, SubjectRequestKind kind, String link, Instant now) {
        String what = kind == SubjectRequestKind.ACCESS ? "a copy of your personal data" : "the erasure of your personal data";
        String text = """
                Someone (hopefully you) asked for %s on Plenum.

                To confirm that this address is yours and pass the request on, open this link and press the button:
                %s

                The organisers of every webinar you registered for with this address will then receive the request
                and answer within one month. If you did not ask, ignore this mail: nothing happens without the button.
                """.formatted(what, link);
        String html = "<p>Someone (hopefully you) asked for " + what + " on Plenum.</p>"
                + "<p><a href=\"" + link + "\">Confirm the request</a> (the page has a button; opening it changes nothing).</p>"
                + "<p>The organisers of every webinar you registered for with this address will then receive the request and "
                + "answer within one month. If you did not ask, ignore this mail.</p>";
        return new OutgoingMail(null, "privacy-ask:" + askId, address, "Confirm your privacy request", text, html, null, null,
                now);
    }
}
