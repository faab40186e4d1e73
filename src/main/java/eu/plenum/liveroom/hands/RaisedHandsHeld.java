package eu.plenum.liveroom.hands;

import eu.plenum.shared.PersonalDataHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** Hands a person has up right now (lowered hands leave no row); erasure lowers them without an event. */
@ApplicationScoped
@eu.plenum.shared.PersonalDataColumns({"live_raised_hand.participant_id", "live_raised_hand.registration_id", "live_raised_hand.display_name",
        "live_raised_hand.raised_at"})
public class RaisedHandsHeld implements PersonalDataHolder {

    private final HandRepository hands;

    RaisedHandsHeld(HandRepository hands) {
        this.hands = hands;
    }

    @Override
    public String category() {
        return "raised-hands";
    }

    @Override
    @Transactional
    public List<Map<String, Object>> export(DataSubject subject) {
        return hands.raisedBy(subject.tenantId(), subject.registrationIds()).stream()
                .<Map<String, Object>>map(hand -> Map.of("sessionId", hand.sessionId().toString(),
                        "registrationId", hand.registrationId().toString(), "displayName", hand.displayName(),
                        "raisedAt", hand.raisedAt().toString()))
                .toList();
    }

    @Override
    @Transactional
    public int erase(DataSubject subject) {
        return hands.deleteRaisedBy(subject.tenantId(), subject.registrationIds());
    }
}
