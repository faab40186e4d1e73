package eu.plenum.scheduling;

import eu.plenum.consent.ConsentKind;
import eu.plenum.consent.ConsentRecords;
import eu.plenum.consent.ConsentSubject;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
    /** Versions of the registration page's texts, stored with the consent records; raise one when its text changes. */
    static final String PRIVACY_NOTICE_VERSION = "privacy-notice-v1";
    /** Version of the recording consent's text (registration form and the consent page); raise it when the text changes. */
    public static final String RECORDING_CONSENT_VERSION = "recording-consent-v1";

    private final WebinarRepository webinars;
    private final RegistrationRepository registrations;
    private final RegistrationMails mails;
    private final PersonalLinks links;
    private final RegistrationConfig config;
    private final Clock clock;
    private final ConsentRecords consents;
    private final RegistrationEvents events;
    private final eu.plenum.identity.TenantDirectory tenants;
    private final eu.plenum.quotas.TenantQuotas quotas;

    Registrations(WebinarRepository webinars, RegistrationRepository registrations, RegistrationMails mails, PersonalLinks links,
            RegistrationConfig config, Clock clock, ConsentRecords consents, RegistrationEvents events,
            eu.plenum.identity.TenantDirectory tenants, eu.plenum.quotas.TenantQuotas quotas) {
        this.quotas = quotas;
        this.tenants = tenants;
        this.events = events;
        this.consents = consents;
        this.webinars = webinars;
        this.registrations = registrations;
        this.mails = mails;
        this.links = links;
        this.config = config;
        this.clock = clock;
    }

    /** The public face of a webinar for its registration page. */
    public WebinarView openWebinar(UUID webinarId) {
        return WebinarView.of(open(webinarId));
    }

    /**
     * Takes a registration and mails the confirmation link. The same address again never changes
     * a link: an unconfirmed registration gets its confirmation link again (a new one only when it
     * expired), a registered one its existing join link (none when the host revoked it), never a
     * second seat; at most {@code plenum.registration.mails-per-address-per-day} such mails. The
     * caller learns nothing about whether the address was known.
     */
    @Transactional
    public void register(UUID webinarId, RegistrationForm form) {
        Webinar webinar = open(webinarId);
        Map<UUID, String> answers = validAnswers(webinar, form);
        String normalized = form.email().strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int allowance = config.mailsPerAddressPerDay();
        Optional<Registration> existing = registrations.ofForUpdate(webinarId, normalized);
        if (existing.isEmpty()) {
            // A new registration: the webinar's row lock serialises the count, so the last place is taken once (quota).
            quotas.admitRegistration(webinar.tenantId(), () -> registrations.countedForQuota(
                    webinars.findById(webinarId, LockModeType.PESSIMISTIC_WRITE).id()));
            Registration registration = new Registration(webinar, form.name().strip(), form.email().strip(), normalized,
                    answers, now);
            registration.newConfirmation(now.plus(CONFIRMATION_VALIDITY));
            registration.takeMailAllowance(today, allowance);
            registrations.persist(registration);
            ConsentSubject subject = ConsentSubject.registration(registration.id());
            consents.give(subject, webinarId, ConsentKind.PRIVACY_NOTICE, PRIVACY_NOTICE_VERSION);
            if (form.recordingConsent()) {
                consents.give(subject, webinarId, ConsentKind.RECORDING_CONSENT, RECORDING_CONSENT_VERSION);
            }
            mails.confirmLink(webinar, registration, null);
            events.created(registration);
            return;
        }
        Registration registration = existing.get();
        switch (registration.status()) {
            case UNCONFIRMED -> {
                if (registration.takeMailAllowance(today, allowance)) {
                    if (registration.confirmationExpired(now)) {
                        // the old link opens nothing any more, so a new one takes nothing from anyone
                        registration.newConfirmation(now.plus(CONFIRMATION_VALIDITY));
                    }
                    mails.confirmLink(webinar, registration, today + ":" + registration.mailsToday());
                }
            }
            case REGISTERED -> {
                if (!registration.joinRevoked() && registration.takeMailAllowance(today, allowance)) {
                    mails.registeredAgain(WebinarView.of(webinar), registration, today + ":" + registration.mailsToday());
                }
            }
            default -> {
                // wait-listed, pending, denied or cancelled: nothing new to send
            }
        }
    }

    /** What a confirmation link leads to before anyone acts on it (GET must change nothing). */
    public record ConfirmationPage(RegistrationStatus status, String title) {
    }

    /** Looks a confirmation link up without confirming: mail scanners open links too. */
    public ConfirmationPage confirmationPage(String token) {
        Registration registration = links.byConfirmToken(token).orElseThrow(Registrations::unknownConfirmation);
        return new ConfirmationPage(registration.status(), webinars.findById(registration.webinarId()).title());
    }

    /** What confirming did: the status, and the personal join token when a seat was granted right now. */
    public record Confirmation(RegistrationStatus status, String joinToken, UUID webinarId) {
    }

    @Transactional
    public Confirmation confirm(String token) {
        Registration registration = links.byConfirmToken(token).orElseThrow(Registrations::unknownConfirmation);
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
        events.confirmed(registration);
        if (outcome != RegistrationStatus.REGISTERED) {
            mails.statusOnly(webinar, registration);
            return new Confirmation(outcome, null, webinar.id());
        }
        registration.newJoinLink();
        mails.registered(WebinarView.of(webinar), registration);
        return new Confirmation(outcome, links.joinToken(registration), webinar.id());
    }

    private static NotFoundException unknownConfirmation() {
        return new NotFoundException("This confirmation link is not valid. Register again to get a new one.");
    }

    /** The registrant behind a personal join link, with their webinar and its tenant (the organisation that hosts it). */
    public record Attendance(String name, boolean recordingConsent, WebinarView webinar, UUID registrationId, String tenantId) {
    }

    public Attendance attendance(String joinToken) {
        Registration registration = links.byJoinToken(joinToken).filter(Registration::joinLinkWorks)
                .orElseThrow(() -> new NotFoundException("This join link is not valid (any more)."));
        return attendanceOf(registration);
    }

    /** The attendance of a registration whose join link still works (the audience context's sessions are bound to it). */
    public Optional<Attendance> attendance(UUID registrationId) {
        return registrations.findByIdOptional(registrationId).filter(Registration::joinLinkWorks).map(this::attendanceOf);
    }

    /** The normalised address of a registration (to key an audit entry by {@code SubjectKeys}; never shown or logged). */
    public Optional<String> emailOf(UUID registrationId) {
        return registrations.findByIdOptional(registrationId).map(Registration::email);
    }

    /** Whether the registration may still attend: a seat, and a join link the host did not revoke. */
    public boolean admitted(UUID registrationId) {
        return registrations.findByIdOptional(registrationId).filter(Registration::joinLinkWorks).isPresent();
    }

    /**
     * The ids of every registration of {@code email} (trimmed, lower-cased, as registration stores it)
     * in the tenant's webinars: the key by which compliance builds a {@code PersonalDataHolder.DataSubject}.
     */
    public java.util.Set<UUID> idsOf(String tenantId, String email) {
        return java.util.Set.copyOf(registrations.idsOf(tenantId, normalizedEmail(email)));
    }

    /**
     * The tenants whose webinars {@code email} registered for: where a data subject's self-service
     * request must go (compliance makes one request per tenant, each seen only by that tenant).
     */
    public java.util.Set<String> tenantsOf(String email) {
        return new java.util.TreeSet<>(registrations.tenantsOf(normalizedEmail(email)));
    }

    /** An address as registrations are keyed by it: trimmed and lower case. */
    public static String normalizedEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private Attendance attendanceOf(Registration registration) {
        Webinar webinar = webinars.findById(registration.webinarId());
        return new Attendance(registration.name(),
                consents.stands(registration.id(), ConsentKind.RECORDING_CONSENT), WebinarView.of(webinar), registration.id(),
                registration.tenantId());
    }

    private Webinar open(UUID webinarId) {
        Webinar webinar = webinars.findByIdOptional(webinarId)
                .filter(found -> found.status() == WebinarStatus.SCHEDULED)
                .orElseThrow(() -> new NotFoundException("There is no webinar open for registration at this address."));
        // A suspended tenant's registration page is a clear refusal (tenant-suspended); nothing is deleted.
        tenants.requireActive(webinar.tenantId());
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
