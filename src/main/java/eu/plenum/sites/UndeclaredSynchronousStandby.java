package eu.plenum.sites;

import java.util.List;

/**
 * The primary waits for a synchronous standby that no declared database place names: the
 * replication target guard ends every such standby (fail-closed), so with the {@code block} policy
 * every commit waits for ever. Says why and what to declare.
 *
 * @param synchronousStandbyNames the primary's {@code synchronous_standby_names}
 * @param undeclared the standby names it expects that no declared target matches
 * @param reason one sentence for operators
 * @param settingToAdd the residency declaration that would admit the expected standby
 */
public record UndeclaredSynchronousStandby(String synchronousStandbyNames, List<String> undeclared, String reason,
        String settingToAdd) {
}
