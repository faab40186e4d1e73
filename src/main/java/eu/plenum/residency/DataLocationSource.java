package eu.plenum.residency;

import java.util.List;

/**
 * Implemented by every context that sends a tenant's personal data to places of its own choosing
 * (webhook receivers, ...), so that the data-location report lists them without residency
 * reaching into that context.
 */
public interface DataLocationSource {

    /** The tenant's places this context knows, as report lines. */
    List<DataLocationReport.Line> linesFor(String tenantId);
}
