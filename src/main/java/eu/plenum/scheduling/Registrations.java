package eu.plenum.scheduling;

import eu.plenum.scheduling.domain.RegistrationQuestion;
import eu.plenum.scheduling.domain.Registration;
import eu.plenum.scheduling.domain.RegistrationRepository;
import eu.plenum.scheduling.domain.RegistrationStatus;
import eu.plenum.scheduling.domain.Webinar;
import eu.plenum.scheduling.domain.WebinarRepository;
import eu.plenum.scheduling.domain.WebinarStatus;
import eu.plenum.shared.ConflictException;
import eu.plenum.shared.InvalidInputException;
import eu.plenum.shared.NotFoundException;
import eu.plenum.shared.PlenumException.FieldError;
import eu.plenum.shared.SecretTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Attendees register without an account: double opt-in by e-mail, then a seat (or the wait list,
 * or the host's approval). Seats are granted one confirmation at a time per webinar (row lock), so
 * N seats are never overbooked however many confirm at once.
 */
@ApplicationScoped
public class Registrations {

    static final Duration CONFIRMATION_VALIDITY = Duration.ofDays(7);

    private final WebinarRepository webinars;
    private final RegistrationRepository registrations;
    private final RegistrationMails mails;
    private final Clock clock;

    Registrations(WebinarRepository webinars, RegistrationRepository registrations, RegistrationMails mails, Clock clock) {
        this.webinars = webinars;
        this.registrations = registrations;
        this.mails = mails;
        this.clock = clock;
    }

    /** The public face of a webinar for its registration page. */
    public WebinarView openWebinar(UUID webinarId) {
        return WebinarView.of(open(webinarId));
    }

    /**
     * Takes a registration and mails the confirmation link. The same address again gets a fresh
     * link (or, once registered, a fresh join link), never a second seat. The caller learns nothing
     * about whether the address was known.
     */
    @Transactional
    public void register(UUID webinarId, RegistrationForm form) {
        Webinar webinar = open(webinarId);
        Map<UUID, String> answers = validAnswers(webinar, form);
        String normalized = form.email().strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Optional<Registration> existing = registrations.of(webinarId, normalized);
        if (existing.isEmpty()) {
            Registration registration = new Registration(webinar, form.name().strip(), form.email().strip(), normalized,
                    form.recordingConsent(), answers, now);
            String token = SecretTokens.next();
            registration.newConfirmation(SecretTokens.hash(token), now.plus(CONFIRMATION_VALIDITY));
            registrations.persist(registration);
            mails.confirmLink(webinar, registration, token);
            return;
        }
        Registration registration = existing.get();
        switch (registration.status()) {
            case UNCONFIRMED -> {
                String token = SecretTokens.next();
                registration.newConfirmation(SecretTokens.hash(token), now.plus(CONFIRMATION_VALIDITY));
                mails.confirmLink(webinar, registration, token);
            }
            case REGISTERED -> {
                String join = SecretTokens.next();
                registration.newJoinLink(SecretTokens.hash(join));
                mails.registered(WebinarView.of(webinar), registration, join);
            }
            default -> {
                // wait-listed, pending, denied or cancelled: nothing new to send
            }
        }
    }

    /** What confirming did: the status, and the personal join token when a seat was granted right now. */
    public record Confirmation(RegistrationStatus status, String joinToken, UUID webinarId) {
    }

    @Transactional
    public Confirmation confirm(String token) {
        Registration registration = registrations.byConfirmTokenHash(SecretTokens.hash(token))
                .orElseThrow(() -> new NotFoundException("This confirmation link is not valid. Register again to get a new one."));
        if (registration.status() != RegistrationStatus.UNCONFIRMED) {
            return new Confirmation(registration.status(), null, registration.webinarId());
        }
        Instant now = clock.instant();
        if (registration.confirmationExpired(now)) {
            throw new ConflictException("confirmation-expired", "This confirmation link has expired. Register again to get a new one.");
        }
        // One seat decision at a time per webinar: the lock serialises concurrent confirmations.
        Webinar webinar = webinars.findById(registration.webinarId(), LockModeType.PESSIMISTIC_WRITE);
        RegistrationStatus outcome = switch (webinar.registrationMode()) {
            case APPROVAL -> RegistrationStatus.PENDING_APPROVAL;
            default -> registrations.seatsTaken(webinar.id()) < webinar.capacity()
                    ? RegistrationStatus.REGISTERED : RegistrationStatus.WAITLISTED;
        };
        registration.confirmed(outcome, now);
        if (outcome != RegistrationStatus.REGISTERED) {
            mails.statusOnly(webinar, registration);
            return new Confirmation(outcome, null, webinar.id());
        }
        String join = SecretTokens.next();
        registration.newJoinLink(SecretTokens.hash(join));
        mails.registered(WebinarView.of(webinar), registration, join);
        return new Confirmation(outcome, join, webinar.id());
    }

    /** The registrant behind a personal join link, with their webinar. */
    public record Attendance(String name, boolean recordingConsent, WebinarView webinar) {
    }

    public Attendance attendance(String joinToken) {
        Registration registration = registrations.byJoinTokenHash(SecretTokens.hash(joinToken))
                .filter(found -> found.status() == RegistrationStatus.REGISTERED && !found.joinRevoked())
                .orElseThrow(() -> new NotFoundException("This join link is not valid (any more)."));
        Webinar webinar = webinars.findById(registration.webinarId());
        return new Attendance(registration.name(), registration.recordingConsent(), WebinarView.of(webinar));
    }

    private Webinar open(UUID webinarId) {
        Webinar webinar = webinars.findByIdOptional(webinarId)
                .filter(found -> found.status() == WebinarStatus.SCHEDULED)
                .orElseThrow(() -> new NotFoundException("There is no webinar open for registration at this address."));
        if (webinar.registrationMode() == RegistrationMode.CLOSED) {
            throw new ConflictException("registration-closed", "Registration for this webinar is closed.");
        }
        Instant now = clock.instant();
        if (webinar.sessions().stream().noneMatch(session -> session.status() == WebinarStatus.SCHEDULED
                && session.endsAt().isAfter(now))) {
            throw new ConflictException("registration-closed", "This webinar has no upcoming session.");
        }
        return webinar;
    }

    private static Map<UUID, String> validAnswers(Webinar webinar, RegistrationForm form) {
        List<FieldError> errors = new ArrayList<>();
        if (!form.privacyAcknowledged()) {
            errors.add(new FieldError("privacyAcknowledged", "please confirm that you have read the privacy notice"));
        }
        if (form.recordingConsent() && webinar.recordingPolicy() == RecordingPolicy.OFF) {
            errors.add(new FieldError("recordingConsent", "this webinar is not recorded"));
        }
        Map<String, String> given = form.answers() == null ? Map.of() : form.answers();
        Map<UUID, String> answers = new HashMap<>();
        for (RegistrationQuestion question : webinar.questions()) {
            String field = "answers." + question.id();
            String answer = Optional.ofNullable(given.get(question.id().toString())).map(String::strip).orElse("");
            if (answer.isEmpty()) {
                if (question.required()) {
                    errors.add(new FieldError(field, "is required"));
                }
                continue;
            }
            List<String> chosen = Arrays.stream(answer.split("\\R")).map(String::strip).filter(a -> !a.isEmpty()).toList();
            boolean valid = switch (question.kind()) {
                case TEXT -> true;
                case SINGLE_CHOICE -> chosen.size() == 1 && question.choices().contains(chosen.get(0));
                case MULTIPLE_CHOICE -> question.choices().containsAll(chosen);
            };
            if (!valid) {
                errors.add(new FieldError(field, "pick from the offered choices"));
            } else {
                answers.put(question.id(), question.kind() == QuestionKind.TEXT ? answer : String.join("\n", chosen));
            }
        }
        long unknown = given.keySet().stream().filter(key -> webinar.questions().stream()
                .noneMatch(question -> question.id().toString().equals(key))).count();
        if (unknown > 0) {
            errors.add(new FieldError("answers", "answers a question this webinar does not ask"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The registration has invalid fields.", errors);
        }
        return answers;
    }
}
