package eu.plenum.liveroom.questions;

import eu.plenum.shared.PersonalDataHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** The questions a person upvoted; erasure deletes the upvotes and lowers the counts they added. */
@ApplicationScoped
@eu.plenum.shared.PersonalDataColumns({"live_question_upvote.participant_id", "live_question_upvote.registration_id", "live_question_upvote.created_at"})
public class QuestionUpvotesHeld implements PersonalDataHolder {

    private final QuestionRepository questions;

    QuestionUpvotesHeld(QuestionRepository questions) {
        this.questions = questions;
    }

    @Override
    public String category() {
        return "question-upvotes";
    }

    @Override
    @Transactional
    public List<Map<String, Object>> export(DataSubject subject) {
        return questions.upvotesBy(subject.tenantId(), subject.registrationIds()).stream()
                .<Map<String, Object>>map(upvote -> Map.of("questionId", upvote.questionId().toString(),
                        "sessionId", upvote.sessionId().toString(), "registrationId", upvote.registrationId().toString(),
                        "upvotedAt", upvote.at().toString()))
                .toList();
    }

    @Override
    @Transactional
    public int erase(DataSubject subject) {
        return questions.deleteUpvotesBy(subject.tenantId(), subject.registrationIds());
    }
}
