package eu.plenum.compliance.register;

import eu.plenum.scheduling.RegistrantCsv;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The register as one CSV table an auditor can filter: a row per fact (record, controller, section,
 * item, detail, region, provider), headings in the chosen language; every field quoted, formulas defused.
 */
public final class RegisterCsv {

    private RegisterCsv() {
    }

    public static String of(List<ProcessingRecord> records, RegisterTexts t) {
        StringBuilder csv = new StringBuilder();
        row(csv, "record", "controller", "section", "item", "detail", "region", "provider");
        for (ProcessingRecord record : records) {
            String article = "Art. " + record.article();
            String controller = record.controllerId() + " (" + record.controllerName() + ")";
            row(csv, article, controller, t.get("processor"), record.processorName(), "", "", "");
            record.purposes().forEach(purpose -> row(csv, article, controller, t.get("purposes"), purpose, "", "", ""));
            record.subjects().forEach(subject -> row(csv, article, controller, t.get("subjects"), subject, "", "", ""));
            record.categories().forEach(category -> row(csv, article, controller, t.get("categories"), category.name(),
                    category.description() + " [" + String.join(", ", category.columns()) + "]", "", ""));
            record.recipients().forEach(place -> row(csv, article, controller, t.get("recipients"), place.place(),
                    place.kind() + "; " + t.get("declared-by") + ": " + place.declaredBy(),
                    place.region() + " (" + place.city() + ", " + place.country() + ", " + place.jurisdiction() + ")",
                    (place.provider() + " " + place.datacenter()).strip()));
            record.transfers().forEach(transfer -> row(csv, article, controller, t.get("transfers"), transfer.destination(),
                    transfer.category() + "; " + transfer.outcome() + "; " + transfer.count() + "; " + t.get("last") + " " + transfer.last(),
                    transfer.toRegion(), ""));
            record.retention().forEach(rule -> row(csv, article, controller, t.get("retention"), rule.category(),
                    (rule.days() == null ? t.get("kept-until-deleted") : rule.days() + " " + t.get("days")) + "; " + t.get("clock")
                            + ": " + rule.clock(), "", ""));
            row(csv, article, controller, t.get("backups"), "", t.get("backups.text", record.backupDays()), "", "");
            record.measures().forEach(measure -> row(csv, article, controller, t.get("measures"), measure, "", "", ""));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... fields) {
        csv.append(List.of(fields).stream().map(RegistrantCsv::field).collect(Collectors.joining(","))).append("\r\n");
    }
}
