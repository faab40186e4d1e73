package eu.plenum.liveroom;

import eu.plenum.identity.CurrentHost;
import eu.plenum.shared.AccessRefusedException;
import eu.plenum.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Picks the moderators of a webinar: only its host (who created it) changes the list; a moderator
 * must be a host of the same tenant to open the room's socket at all (checked when they connect).
 */
@ApplicationScoped
public class WebinarModerators {

    /** Looked up when used: an edge node has no persistence unit, and injecting it directly fails that node's start. */
    private final jakarta.enterprise.inject.Instance<EntityManager> databases;
    private final CurrentHost host;
    private final eu.plenum.identity.TenantHosts hosts;

    WebinarModerators(jakarta.enterprise.inject.Instance<EntityManager> databases, CurrentHost host, eu.plenum.identity.TenantHosts hosts) {
        this.hosts = hosts;
        this.databases = databases;
        this.host = host;
    }

    @Transactional
    public List<String> of(UUID webinarId) {
        owned(webinarId, false);
        return list(webinarId);
    }

    /** The tenant's hosts a webinar's host may pick (read from Keycloak), for the studio's picker. */
    @Transactional
    public List<eu.plenum.identity.TenantHosts.Host> candidates(UUID webinarId) {
        owned(webinarId, false);
        return hosts.ofOwnTenant();
    }

    /**
     * Replaces the list; every id must be a host of the webinar's tenant (an id of another tenant's
     * person, or of nobody, is answered 404, which tells the caller nothing about other tenants).
     */
    @Transactional
    public List<String> replace(UUID webinarId, List<String> userIds) {
        owned(webinarId, true);
        if (!userIds.isEmpty()) {
            java.util.Set<String> candidates = new java.util.HashSet<>();
            hosts.ofOwnTenant().forEach(candidate -> candidates.add(candidate.userId()));
            for (String user : userIds) {
                if (!candidates.contains(user.strip())) {
                    throw new NotFoundException("One of these people is not a host of your organisation.");
                }
            }
        }
        database().createNativeQuery("DELETE FROM live_moderator WHERE webinar_id = ?1").setParameter(1, webinarId).executeUpdate();
        for (String user : new LinkedHashSet<>(userIds)) {
            database().createNativeQuery("INSERT INTO live_moderator (webinar_id, user_id, tenant_id) VALUES (?1, ?2, ?3)")
                    .setParameter(1, webinarId).setParameter(2, user.strip()).setParameter(3, host.tenant().id()).executeUpdate();
        }
        return list(webinarId);
    }

    @SuppressWarnings("unchecked")
    private List<String> list(UUID webinarId) {
        return database().createNativeQuery("SELECT user_id FROM live_moderator WHERE webinar_id = ?1 ORDER BY user_id")
                .setParameter(1, webinarId).getResultList();
    }

    /** The webinar must be the tenant's (404 otherwise); changing the list needs its host. */
    private void owned(UUID webinarId, boolean change) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = database().createNativeQuery("SELECT tenant_id, created_by FROM webinar WHERE id = ?1 AND tenant_id = ?2")
                .setParameter(1, webinarId).setParameter(2, host.tenant().id()).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("There is no webinar " + webinarId + ".");
        }
        if (change && !host.userId().equals(rows.get(0)[1])) {
            throw new AccessRefusedException("not-webinar-host", "Only the webinar's host picks its moderators.");
        }
    }

    private EntityManager database() {
        return databases.get();
    }
}
