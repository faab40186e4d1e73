package eu.plenum.residency;

/** What a declared place does with personal data. */
public enum PlaceKind {
    DATABASE("database"),
    RECORDING_STORAGE("recording storage"),
    BACKUP_SITE("backup site"),
    MAIL_RELAY("mail relay"),
    WEBHOOK("webhook destination"),
    EXPORT("export destination"),
    IDENTITY_PROVIDER("identity provider"),
    /** A TURN server: it sees the client addresses of the peers it relays for, so EU regions only. */
    TURN_RELAY("TURN relay"),
    /**
     * The third etcd member of the two sites' Patroni cluster, in a third location: it breaks ties in the leader
     * election and holds cluster state only (members, leader key, WAL positions), no personal data.
     */
    CLUSTER_WITNESS("cluster witness (cluster state only, no personal data)");

    private final String description;

    PlaceKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
