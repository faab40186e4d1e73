package eu.plenum.sites;

import java.util.List;
import java.util.Optional;

/**
 * Patroni's own view of the two sites' cluster (its REST {@code /cluster} and {@code /history}), which the console shows
 * next to what PostgreSQL reports, because only Patroni knows who holds the leader key and why the last failover happened.
 */
public record PatroniView(String answeredBy, List<Member> members, Optional<Failover> lastFailover) {

    /** One member as Patroni lists it; {@code lagBytes} only for standbys that report it. */
    public record Member(String name, String role, String state, String host, Integer timeline, Long lagBytes) {

        public boolean leader() {
            return role.equals("leader") || role.equals("standby_leader");
        }
    }

    /** The newest entry of Patroni's timeline history: the promotion that started {@code timeline + 1}. */
    public record Failover(int timeline, String at, String reason, String newLeader) {
    }

    public Optional<Member> leader() {
        return members.stream().filter(Member::leader).findFirst();
    }

    /** For templates: the leader's name, or null when no member holds the leader key. */
    public String leaderName() {
        return leader().map(Member::name).orElse(null);
    }

    /** For templates: {@link #lastFailover()} or null. */
    public Failover latestFailover() {
        return lastFailover.orElse(null);
    }

    /** The members a planned switchover can go to: every running member that is not the leader. */
    public List<Member> candidates() {
        return members.stream().filter(member -> !member.leader() && List.of("streaming", "running").contains(member.state())).toList();
    }
}
