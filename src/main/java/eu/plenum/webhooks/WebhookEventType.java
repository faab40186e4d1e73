package eu.plenum.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint can subscribe to, by the name receivers see in {@code Plenum-Event} and {@code type}. */
public enum WebhookEventType {
    REGISTRATION_CREATED("registration.created"),
    REGISTRATION_CONFIRMED("registration.confirmed"),
    REGISTRATION_CANCELLED("registration.cancelled"),
    SESSION_LIVE("session.live"),
    SESSION_ENDED("session.ended"),
    RECORDING_READY("recording.ready"),
    ATTENDANCE_READY("attendance.ready");

    private final String wire;

    WebhookEventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<WebhookEventType> of(String wire) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(wire)).findFirst();
    }
}
