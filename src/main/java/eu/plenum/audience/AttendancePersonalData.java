package eu.plenum.audience;

import eu.plenum.audience.domain.AttendanceRepository;
import eu.plenum.shared.PersonalDataHolder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Attendance (when a person's devices were on which session's page) found, exported and erased by registration. */
@ApplicationScoped
@eu.plenum.shared.PersonalDataColumns({"attendance_presence.registration_id", "attendance_presence.attendee_session_id", "attendance_presence.connected_at",
        "attendance_presence.last_seen_at", "attendance_presence.disconnected_at"})
class AttendancePersonalData implements PersonalDataHolder {

    private final AttendanceRepository repository;

    AttendancePersonalData(AttendanceRepository repository) {
        this.repository = repository;
    }

    @Override
    public String category() {
        return "attendance";
    }

    @Override
    public List<Map<String, Object>> export(DataSubject subject) {
        return repository.ofRegistrationsForTenant(subject.tenantId(), subject.registrationIds()).stream().map(row -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("presenceId", String.valueOf(row[0]));
            item.put("webinarId", String.valueOf(row[1]));
            item.put("sessionId", String.valueOf(row[2]));
            item.put("registrationId", String.valueOf(row[3]));
            item.put("device", String.valueOf(row[4]));
            item.put("connectedAt", String.valueOf(AttendanceRepository.instant(row[5])));
            Object left = AttendanceRepository.instant(row[6]);
            item.put("disconnectedAt", left == null ? null : left.toString());
            return item;
        }).toList();
    }

    @Override
    public int erase(DataSubject subject) {
        return repository.eraseRegistrationsForTenant(subject.tenantId(), subject.registrationIds());
    }
}
