package eu.plenum.media;

import eu.plenum.media.rooms.PublisherRecordings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * What the compliance context asks media about an erased person, who is known here only by their keyed
 * hash ({@code shared.SubjectKeys}): how far the deletion of their recordings' files got at each
 * storage place, erasure by that hash alone (a restored backup), and the tenant's choice of deleting such
 * recordings or keeping them for review.
 */
@ApplicationScoped
public class RecordingErasures {

    private final PublisherRecordings recordings;

    RecordingErasures(PublisherRecordings recordings) {
        this.recordings = recordings;
    }

    /** Each file of each recording erased (or held for review) for the person, at each place; caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ErasedRecordingFile> files(String tenantId, String subjectKey) {
        return recordings.files(tenantId, subjectKey);
    }

    /** Erases the recordings published by the person with this key; caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseBySubjectKey(String tenantId, String subjectKey) {
        return recordings.erase(tenantId, subjectKey);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RecordingErasurePolicy policy(String tenantId) {
        return recordings.policy(tenantId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void choose(String tenantId, RecordingErasurePolicy policy) {
        recordings.choose(tenantId, policy);
    }
}
