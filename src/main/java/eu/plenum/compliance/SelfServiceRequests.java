package eu.plenum.compliance;

import eu.plenum.compliance.domain.PrivacyAskRepository;
import eu.plenum.compliance.domain.PrivacyAskRepository.Ask;
import eu.plenum.mail.MailOutbox;
import eu.plenum.scheduling.Registrations;
import eu.plenum.shared.ConflictException;
import eu.plenum.shared.LinkTokens;
import eu.plenum.shared.NotFoundException;
import eu.plenum.shared.SubjectKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A data subject's own access or erasure request, without an account: they ask on the public page,
 * prove control of the address through a mailed link, and confirm with a button; then one request
 * goes to the queue of each tenant whose webinars the address registered for. The page answers the
 * same whether or not the address is known, the mail goes out either way, and no tenant learns of
 * another's request.
 */
@ApplicationScoped
public class SelfServiceRequests {

    static final String LINK_PURPOSE = "privacy";
    /** Keys the per-address count: a keyed hash under a tenant id no tenant can have. */
    private static final String ASK_SCOPE = "*self-service*";

    private final PrivacyAskRepository asks;
    private final SubjectRequests requests;
    private final Registrations registrations;
    private final MailOutbox outbox;
    private final LinkTokens links;
    private final SubjectKeys keys;
    private final SubjectRequestConfig config;
    private final Clock clock;
    private final String publicUrl;

    SelfServiceRequests(PrivacyAskRepository asks, SubjectRequests requests, Registrations registrations, MailOutbox outbox,
            LinkTokens links, SubjectKeys keys, SubjectRequestConfig config, Clock clock,
            @ConfigProperty(name = "plenum.public-url", defaultValue = "http://localhost:8080") String publicUrl) {
        this.asks = asks;
        this.requests = requests;
        this.registrations = registrations;
        this.outbox = outbox;
        this.links = links;
        this.keys = keys;
        this.config = config;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * Takes an ask and mails the confirmation link, at most {@code per-address-per-day} times a day
     * per address (then 429, whether or not the address is known).
     */
    @Transactional
    public void ask(String email, SubjectRequestKind kind) {
        String address = SubjectKeys.normalise(SubjectRequests.validAddress(email));
        String addressKey = keys.of(ASK_SCOPE, address);
        Instant now = clock.instant();
        if (asks.countSinceLocked(addressKey, now.minus(Duration.ofDays(1))) >= config.selfService().perAddressPerDay()) {
            throw new SelfServiceThrottledException(3600);
        }
        UUID id = UUID.randomUUID();
        asks.insert(id, address, addressKey, kind.name(), now, now.plus(config.selfService().linkValidity()));
        outbox.enqueue(SelfServiceMail.confirmation(id, address, kind,
                publicUrl + "/privacy/requests/confirm/" + LinkTokens.placeholder(LINK_PURPOSE, id, 1), now));
    }

    /** What the confirmation page shows before anyone acts (a GET changes nothing: mail scanners open links). */
    public record Pending(SubjectRequestKind kind, boolean alreadyConfirmed) {
    }

    @Transactional
    public Pending pending(String token) {
        Ask ask = current(token, asks::find);
        return new Pending(SubjectRequestKind.valueOf(ask.kind()), ask.confirmedAt() != null);
    }

    /**
     * Confirms the ask: one request per tenant the address registered with (none when it registered
     * nowhere; the person is not told which case it was). A second confirmation does nothing.
     */
    @Transactional
    public void confirm(String token) {
        Ask ask = current(token, asks::findForUpdate);
        if (ask.confirmedAt() != null) {
            return;
        }
        Instant now = clock.instant();
        if (!ask.expiresAt().isAfter(now)) {
            throw new ConflictException("privacy-link-expired", "This link has expired. Ask again on the privacy request page.");
        }
        SubjectRequestKind kind = SubjectRequestKind.valueOf(ask.kind());
        for (String tenant : registrations.tenantsOf(ask.email())) {
            requests.openFromSelfService(tenant, ask.email(), kind);
        }
        asks.confirmed(ask.id(), now);
    }

    private Ask current(String token, java.util.function.Function<UUID, Optional<Ask>> finder) {
        return links.idOf(token).flatMap(finder)
                .filter(ask -> links.matches(token, LINK_PURPOSE, ask.id(), ask.linkVersion()))
                .orElseThrow(() -> new NotFoundException("This link is not valid (any more)."));
    }
}
