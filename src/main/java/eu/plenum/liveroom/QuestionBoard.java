package eu.plenum.liveroom;

import com.fasterxml.jackson.databind.JsonNode;
import eu.plenum.liveroom.LiveEvents.Audience;
import eu.plenum.liveroom.questions.Question;
import eu.plenum.liveroom.questions.QuestionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Q&A of a live room: attendees ask (optionally anonymously: no name for the room, the author's name
 * for moderators only) and upvote others' questions once per person; moderators mark them answered
 * or dismissed. Each frame changes the tables and appends its event in one transaction.
 */
@ApplicationScoped
public class QuestionBoard implements LiveCommands {

    static final int MAX_TEXT = 500;
    /** Open questions one person may have at a time, so that one attendee cannot flood the list. */
    static final int MAX_OPEN_PER_PERSON = 20;
    /** Questions a joining participant receives; the rest are the least upvoted. */
    static final int SNAPSHOT_LIMIT = 300;

    private final QuestionRepository questions;
    private final LiveEvents events;
    private final Clock clock;

    QuestionBoard(QuestionRepository questions, LiveEvents events, Clock clock) {
        this.questions = questions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Set<String> types() {
        return Set.of("question.ask", "question.upvote", "question.answer", "question.dismiss");
    }

    @Override
    @Transactional
    public void handle(Participant who, String type, JsonNode frame) {
        switch (type) {
            case "question.ask" -> ask(who, Frames.text(frame, "text", MAX_TEXT), Frames.flag(frame, "anonymous"));
            case "question.upvote" -> upvote(who, Frames.id(frame, "questionId"));
            case "question.answer" -> close(who, Frames.id(frame, "questionId"), Question.Status.ANSWERED);
            case "question.dismiss" -> close(who, Frames.id(frame, "questionId"), Question.Status.DISMISSED);
            default -> throw new LiveRefusal("unknown-type", "Unknown frame type");
        }
    }

    private void ask(Participant who, String text, boolean anonymous) {
        if (questions.openQuestionsOf(who.sessionId(), who.participantId(), Frames.voter(who)) >= MAX_OPEN_PER_PERSON) {
            throw new LiveRefusal("too-many-questions", "You have " + MAX_OPEN_PER_PERSON + " open questions already");
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        questions.insert(id, who.sessionId(), who.tenantId(), who.participantId(), who.registrationId(), who.displayName(),
                anonymous, text, now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("questionId", id.toString());
        payload.put("text", text);
        payload.put("anonymous", anonymous);
        payload.put("votes", 0);
        payload.put("status", Question.Status.OPEN.name());
        payload.put("askedAt", now.toInstant().toString());
        Map<String, Object> author = Map.of("participantId", who.participantId().toString(), "displayName", who.displayName());
        if (!anonymous) {
            payload.putAll(author);
        }
        events.append(who.sessionId(), who.tenantId(), who, "question.asked", Audience.EVERYONE, payload,
                anonymous ? author : null);
    }

    private void upvote(Participant who, UUID questionId) {
        Question question = find(who, questionId);
        if (question.status() != Question.Status.OPEN) {
            throw new LiveRefusal("question-closed", "This question is no longer open");
        }
        if (isAuthor(who, question)) {
            throw new LiveRefusal("own-question", "You cannot upvote your own question");
        }
        if (!questions.addUpvote(questionId, Frames.voter(who), who.sessionId(), who.tenantId(), who.participantId(),
                who.registrationId(), OffsetDateTime.now(clock))) {
            throw new LiveRefusal("already-upvoted", "You upvoted this question already");
        }
        int votes = questions.countUpvote(questionId);
        events.append(who.sessionId(), who.tenantId(), who, "question.upvoted", Audience.EVERYONE,
                Map.of("questionId", questionId.toString(), "votes", votes), null);
    }

    private void close(Participant who, UUID questionId, Question.Status status) {
        Frames.requireModerator(who);
        Question question = find(who, questionId);
        if (question.status() == status) {
            throw new LiveRefusal("unchanged", "The question is " + status.name().toLowerCase() + " already");
        }
        questions.setStatus(questionId, status);
        events.append(who.sessionId(), who.tenantId(), who, "question." + status.name().toLowerCase(), Audience.EVERYONE,
                Map.of("questionId", questionId.toString()), null);
    }

    /** The question of the sender's own session, locked; any other id (another session's too) is not found. */
    private Question find(Participant who, UUID questionId) {
        return questions.lockInSession(who.sessionId(), questionId)
                .orElseThrow(() -> new LiveRefusal("not-found", "No such question"));
    }

    private static boolean isAuthor(Participant who, Question question) {
        return who.participantId().equals(question.authorParticipant())
                || who.registrationId() != null && who.registrationId().equals(question.authorRegistration());
    }

    /** {@code questions}: open and answered questions (dismissed ones too for moderators), most upvoted first. */
    @Override
    @Transactional
    public Map<String, Object> snapshot(Participant who) {
        List<Question> list = questions.listForViewer(who.sessionId(), Frames.voter(who), who.participantId(),
                who.moderates(), SNAPSHOT_LIMIT);
        return Map.of("questions", list.stream().map(question -> view(question, who)).toList());
    }

    private static Map<String, Object> view(Question question, Participant who) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("questionId", question.id().toString());
        view.put("text", question.text());
        view.put("anonymous", question.anonymous());
        view.put("votes", question.votes());
        view.put("status", question.status().name());
        view.put("askedAt", question.askedAt().toString());
        view.put("upvoted", question.upvotedByViewer());
        view.put("mine", question.mine());
        if (!question.anonymous() || who.moderates()) {
            view.put("participantId", Objects.toString(question.authorParticipant(), null));
            view.put("displayName", question.authorName());
        }
        return view;
    }
}
