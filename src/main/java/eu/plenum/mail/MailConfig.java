package eu.plenum.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Sending from the outbox: sender, pace, retries and the claim that keeps two nodes from sending one mail. */
@ConfigMapping(prefix = "plenum.mail")
public interface MailConfig {

    /** The From address of every mail. */
    @WithDefault("webinars@plenum.localhost")
    String from();

    /** How often the dispatcher looks for due mail (read by the scheduler as {@code ${plenum.mail.dispatch-every}}). */
    @WithDefault("2s")
    String dispatchEvery();

    /** Mails claimed per round. */
    @WithDefault("20")
    int batch();

    /** Attempts before a mail is DEAD (no more retries; counted on /q/health and in the console). */
    @WithDefault("8")
    int maxAttempts();

    /** The pause after the first failed attempt; it doubles with every further one. */
    @WithDefault("30S")
    Duration retryBase();

    /** The longest pause between two attempts. */
    @WithDefault("1H")
    Duration retryMax();

    /**
     * A claim older than this is taken again (the node died mid-send, or could not record the
     * outcome): longer than any SMTP conversation, since a mail whose claim expires may be sent twice.
     */
    @WithDefault("10M")
    Duration claimTimeout();
}
