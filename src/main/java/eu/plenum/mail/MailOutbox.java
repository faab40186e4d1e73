package eu.plenum.mail;

import eu.plenum.mail.domain.OutboxMail;
import eu.plenum.mail.domain.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Queues mail in the caller's transaction: if the change rolls back, no mail goes out. */
@ApplicationScoped
public class MailOutbox {

    private final OutboxRepository outbox;

    MailOutbox(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    /** Queues the mail unless one with the same purpose (dedupe key) exists; true when queued. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(OutgoingMail mail) {
        return outbox.enqueueOnce(new OutboxMail(mail), mail.dedupeKey());
    }
}
