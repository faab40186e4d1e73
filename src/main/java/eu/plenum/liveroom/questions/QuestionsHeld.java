package eu.plenum.liveroom.questions;

import eu.plenum.shared.PersonalDataHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The questions a person asked. Erasure keeps each question's row for the others (their upvotes, the
 * session's question count) but removes the author link, the name and the text: free text often
 * names or describes its writer, so keeping it would keep the person.
 */
@ApplicationScoped
@eu.plenum.shared.PersonalDataColumns({"live_question.author_participant", "live_question.author_registration", "live_question.author_name",
        "live_question.text"})
public class QuestionsHeld implements PersonalDataHolder {

    private final QuestionRepository questions;
    private final Clock clock;

    QuestionsHeld(QuestionRepository questions, Clock clock) {
        this.questions = questions;
        this.clock = clock;
    }

    @Override
    public String category() {
        return "questions";
    }

    @Override
    @Transactional
    public List<Map<String, Object>> export(DataSubject subject) {
        return questions.askedBy(subject.tenantId(), subject.registrationIds()).stream().map(question -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("questionId", question.id().toString());
            item.put("sessionId", question.sessionId().toString());
            item.put("registrationId", question.authorRegistration().toString());
            item.put("askedAt", question.askedAt().toString());
            item.put("displayName", question.authorName());
            item.put("anonymous", question.anonymous());
            item.put("text", question.text());
            item.put("status", question.status().name());
            item.put("votes", question.votes());
            return item;
        }).toList();
    }

    @Override
    @Transactional
    public int erase(DataSubject subject) {
        return questions.anonymiseAskedBy(subject.tenantId(), subject.registrationIds(), OffsetDateTime.now(clock));
    }
}
