package eu.plenum.liveroom;

import com.fasterxml.jackson.databind.JsonNode;
import eu.plenum.liveroom.LiveEvents.Audience;
import eu.plenum.liveroom.polls.Poll;
import eu.plenum.liveroom.polls.PollRepository;
import eu.plenum.liveroom.polls.PollResults;
import eu.plenum.shared.FreeText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Polls of a live room: moderators draft, open, close and share them; everyone votes once per poll
 * while it is open. Results reach moderators live and attendees once shared, as {@code poll.results}
 * events that {@link PollResultsFlush} coalesces (a vote itself appends no event: 5,000 votes must
 * not become 5,000 frames to every moderator).
 */
@ApplicationScoped
public class Polls implements LiveCommands {

    static final int MAX_QUESTION = 300;
    static final int MAX_OPTION = 120;
    static final int MIN_OPTIONS = 2;
    static final int MAX_OPTIONS = 10;

    private final PollRepository polls;
    private final LiveEvents events;
    private final Event<PollVoted> voted;
    private final Clock clock;

    Polls(PollRepository polls, LiveEvents events, Event<PollVoted> voted, Clock clock) {
        this.polls = polls;
        this.events = events;
        this.voted = voted;
        this.clock = clock;
    }

    /** A vote committed in a poll, so that its results are published with the next flush. */
    record PollVoted(UUID sessionId, UUID pollId) {
    }

    @Override
    public Set<String> types() {
        return Set.of("poll.create", "poll.open", "poll.close", "poll.share", "poll.vote");
    }

    @Override
    @Transactional
    public void handle(Participant who, String type, JsonNode frame) {
        if (type.equals("poll.vote")) {
            vote(who, Frames.id(frame, "pollId"), Frames.array(frame, "options"));
            return;
        }
        Frames.requireModerator(who);
        switch (type) {
            case "poll.create" -> create(who, Frames.text(frame, "question", MAX_QUESTION), options(frame),
                    Frames.flag(frame, "multiple"));
            case "poll.open" -> open(who, change(who, frame));
            case "poll.close" -> close(who, change(who, frame));
            case "poll.share" -> share(who, change(who, frame));
            default -> throw new LiveRefusal("unknown-type", "Unknown frame type");
        }
    }

    private void create(Participant who, String question, List<String> options, boolean multiple) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        polls.insert(id, who.sessionId(), who.tenantId(), question, options, multiple, now);
        Poll draft = new Poll(id, who.sessionId(), who.tenantId(), question, options, multiple, Poll.Status.DRAFT, false,
                now.toInstant());
        events.append(who.sessionId(), who.tenantId(), who, "poll.created", Audience.MODERATORS, describe(draft), null);
    }

    private void open(Participant who, Poll poll) {
        if (poll.status() != Poll.Status.DRAFT) {
            throw new LiveRefusal("poll-not-draft", "Only a draft poll can be opened");
        }
        polls.open(poll.id(), OffsetDateTime.now(clock));
        Map<String, Object> payload = describe(poll);
        payload.put("status", Poll.Status.OPEN.name());
        events.append(who.sessionId(), who.tenantId(), who, "poll.opened", Audience.EVERYONE, payload, null);
    }

    /** Closing publishes the final results at once (the flush skips closed polls). */
    private void close(Participant who, Poll poll) {
        if (poll.status() != Poll.Status.OPEN) {
            throw new LiveRefusal("poll-not-open", "Only an open poll can be closed");
        }
        polls.close(poll.id(), OffsetDateTime.now(clock));
        events.append(who.sessionId(), who.tenantId(), who, "poll.closed", Audience.EVERYONE,
                Map.of("pollId", poll.id().toString()), null);
        appendResults(poll, poll.shared(), true, who);
    }

    private void share(Participant who, Poll poll) {
        if (poll.status() == Poll.Status.DRAFT) {
            throw new LiveRefusal("poll-not-open", "A draft poll has no results to share");
        }
        if (poll.shared()) {
            throw new LiveRefusal("unchanged", "The results are shared already");
        }
        polls.share(poll.id());
        appendResults(poll, true, poll.status() == Poll.Status.CLOSED, who);
    }

    private void vote(Participant who, UUID pollId, JsonNode chosen) {
        Poll poll = polls.lockForVote(who.sessionId(), pollId).orElseThrow(Polls::notFound);
        if (poll.status() != Poll.Status.OPEN) {
            throw new LiveRefusal("poll-not-open", "This poll is not open");
        }
        List<Integer> options = chosenOptions(poll, chosen);
        if (!polls.addVote(pollId, Frames.voter(who), who.sessionId(), who.tenantId(), who.participantId(),
                who.registrationId(), options, OffsetDateTime.now(clock))) {
            throw new LiveRefusal("already-voted", "You voted in this poll already");
        }
        voted.fire(new PollVoted(who.sessionId(), pollId));
    }

    /**
     * Appends the poll's current results if it is still open (called by the flush, in its own
     * transaction); returns whether it did.
     */
    @Transactional
    boolean publishResults(UUID sessionId, UUID pollId) {
        return polls.lockForVote(sessionId, pollId).filter(poll -> poll.status() == Poll.Status.OPEN)
                .map(poll -> {
                    appendResults(poll, poll.shared(), false, null);
                    return true;
                }).orElse(false);
    }

    private void appendResults(Poll poll, boolean shared, boolean last, Participant actor) {
        PollResults results = polls.results(poll);
        Map<String, Object> payload = describe(poll);
        payload.put("status", last ? Poll.Status.CLOSED.name() : poll.status().name());
        payload.put("shared", shared);
        payload.put("final", last);
        payload.put("voters", results.voters());
        payload.put("counts", results.counts());
        events.append(poll.sessionId(), poll.tenantId(), actor, "poll.results",
                shared ? Audience.EVERYONE : Audience.MODERATORS, payload, null);
    }

    private Poll change(Participant who, JsonNode frame) {
        return polls.lockForChange(who.sessionId(), Frames.id(frame, "pollId")).orElseThrow(Polls::notFound);
    }

    private static LiveRefusal notFound() {
        return new LiveRefusal("not-found", "No such poll");
    }

    private static List<String> options(JsonNode frame) {
        JsonNode list = Frames.array(frame, "options");
        if (list.size() < MIN_OPTIONS || list.size() > MAX_OPTIONS) {
            throw new LiveRefusal("invalid-poll", "A poll has " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options");
        }
        List<String> options = new ArrayList<>();
        for (JsonNode option : list) {
            String label = option.isTextual() ? option.asText().strip() : "";
            if (label.isEmpty()) {
                throw new LiveRefusal("invalid-poll", "Every option needs a text");
            }
            if (label.codePointCount(0, label.length()) > MAX_OPTION) {
                throw new LiveRefusal("too-long", "An option is longer than " + MAX_OPTION + " characters");
            }
            if (!FreeText.Check.allows(label)) {
                throw new LiveRefusal("invalid-poll", "An option must not contain control characters");
            }
            options.add(label);
        }
        return options;
    }

    /** The chosen option positions, distinct and in order: exactly one for a single-choice poll. */
    private static List<Integer> chosenOptions(Poll poll, JsonNode chosen) {
        TreeSet<Integer> positions = new TreeSet<>();
        for (JsonNode option : chosen) {
            if (!option.canConvertToInt() || !option.isIntegralNumber() || option.asInt() < 0
                    || option.asInt() >= poll.options().size() || !positions.add(option.asInt())) {
                throw new LiveRefusal("invalid-vote", "Choose options of this poll, each once");
            }
        }
        if (positions.isEmpty() || !poll.multiple() && positions.size() != 1) {
            throw new LiveRefusal("invalid-vote", poll.multiple() ? "Choose at least one option" : "Choose exactly one option");
        }
        return List.copyOf(positions);
    }

    private static Map<String, Object> describe(Poll poll) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("pollId", poll.id().toString());
        view.put("question", poll.question());
        view.put("options", poll.options());
        view.put("multiple", poll.multiple());
        view.put("status", poll.status().name());
        view.put("shared", poll.shared());
        return view;
    }

    /**
     * {@code polls}: for attendees the open polls and the closed shared ones, with results only when
     * shared; for moderators every poll of the session with its results; each with the viewer's own vote.
     */
    @Override
    @Transactional
    public Map<String, Object> snapshot(Participant who) {
        Map<UUID, List<Integer>> mine = polls.votesOf(who.sessionId(), Frames.voter(who));
        List<Map<String, Object>> views = new ArrayList<>();
        for (Poll poll : polls.inSession(who.sessionId(), who.moderates())) {
            Map<String, Object> view = describe(poll);
            view.put("myVote", mine.get(poll.id()));
            if (who.moderates() || poll.shared()) {
                PollResults results = polls.results(poll);
                view.put("voters", results.voters());
                view.put("counts", results.counts());
            }
            views.add(view);
        }
        return Map.of("polls", views);
    }
}
