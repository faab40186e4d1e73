package eu.plenum.webhooks;

import eu.plenum.shared.PersonalDataHolder;
import eu.plenum.webhooks.domain.WebhookDeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhook outbox holds a registrant's e-mail address in the bodies of {@code registration.*}
 * deliveries (keyed by registration id): exported as they were sent, erased by deleting the rows
 * (what was delivered is the receiver's to erase; Plenum keeps no copy).
 */
@ApplicationScoped
@eu.plenum.shared.PersonalDataColumns({"webhook_delivery.payload", "webhook_delivery.registration_id"})
class WebhookDeliveryPersonalData implements PersonalDataHolder {

    private final WebhookDeliveryRepository deliveries;

    WebhookDeliveryPersonalData(WebhookDeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public String category() {
        return "webhook-deliveries";
    }

    @Override
    public List<Map<String, Object>> export(DataSubject subject) {
        return deliveries.ofRegistrations(subject.tenantId(), subject.registrationIds()).stream().map(row -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("deliveryId", String.valueOf(row[0]));
            item.put("eventType", row[1]);
            item.put("status", row[2]);
            item.put("createdAt", row[3] instanceof TemporalAccessor ? row[3].toString() : String.valueOf(row[3]));
            item.put("body", row[4]);
            return item;
        }).toList();
    }

    @Override
    public int erase(DataSubject subject) {
        return deliveries.eraseRegistrations(subject.tenantId(), subject.registrationIds());
    }
}
