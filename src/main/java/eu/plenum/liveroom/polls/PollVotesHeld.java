package eu.plenum.liveroom.polls;

import eu.plenum.shared.PersonalDataHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** How a person voted in polls; erasure deletes the votes (results are counted from the votes, so they follow). */
@ApplicationScoped
@eu.plenum.shared.PersonalDataColumns({"live_poll_vote.participant_id", "live_poll_vote.registration_id", "live_poll_vote.options", "live_poll_vote.voted_at"})
public class PollVotesHeld implements PersonalDataHolder {

    private final PollRepository polls;

    PollVotesHeld(PollRepository polls) {
        this.polls = polls;
    }

    @Override
    public String category() {
        return "poll-votes";
    }

    @Override
    @Transactional
    public List<Map<String, Object>> export(DataSubject subject) {
        return polls.votesBy(subject.tenantId(), subject.registrationIds()).stream()
                .<Map<String, Object>>map(vote -> Map.of("pollId", vote.pollId().toString(),
                        "sessionId", vote.sessionId().toString(), "registrationId", vote.registrationId().toString(),
                        "question", vote.question(), "chosen", String.join("; ", vote.chosen()), "votedAt", vote.at().toString()))
                .toList();
    }

    @Override
    @Transactional
    public int erase(DataSubject subject) {
        return polls.deleteVotesBy(subject.tenantId(), subject.registrationIds());
    }
}
