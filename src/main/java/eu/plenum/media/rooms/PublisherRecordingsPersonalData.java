package eu.plenum.media.rooms;

import eu.plenum.shared.PersonalDataColumns;
import eu.plenum.shared.PersonalDataHolder;
import eu.plenum.shared.SubjectKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * The recordings in which the subject published (as a host with their own sign-in; a stream key
 * names nobody): metadata and a download link in the export; erasure deletes them at every storage
 * place through the copy job, or keeps them flagged for review if the tenant chose that
 * ({@link PublisherRecordings}). Caller's transaction ({@code MANDATORY}).
 */
@ApplicationScoped
@PersonalDataColumns({"room_publisher.subject_key"})
class PublisherRecordingsPersonalData implements PersonalDataHolder {

    private final PublisherRecordings recordings;
    private final SubjectKeys keys;

    PublisherRecordingsPersonalData(PublisherRecordings recordings, SubjectKeys keys) {
        this.recordings = recordings;
        this.keys = keys;
    }

    @Override
    public String category() {
        return "recordings";
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Map<String, Object>> export(DataSubject subject) {
        return recordings.export(subject.tenantId(), keys.of(subject.tenantId(), subject.email()));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(DataSubject subject) {
        return recordings.erase(subject.tenantId(), keys.of(subject.tenantId(), subject.email()));
    }
}
