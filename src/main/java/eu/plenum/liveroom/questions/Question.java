package eu.plenum.liveroom.questions;

import java.time.Instant;
import java.util.UUID;

/**
 * One question of a live session as stored; {@code upvotedByViewer} and {@code mine} are relative to
 * the participant a list was read for (false elsewhere). Author fields and text are null once erased.
 */
public record Question(UUID id, UUID sessionId, UUID authorParticipant, UUID authorRegistration, String authorName,
        boolean anonymous, String text, Status status, int votes, Instant askedAt, boolean upvotedByViewer, boolean mine) {

    public enum Status {
        OPEN, ANSWERED, DISMISSED
    }
}
