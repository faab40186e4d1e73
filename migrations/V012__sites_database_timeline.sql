-- Every timeline the primary database has been seen on, with the site that served it. A new
-- timeline is a promotion (failover or switchover): the newest row beyond the first is the last
-- failover, shown on /q/health, /q/metrics and the console's replication page. Rows are only added.
CREATE TABLE database_timeline (
    timeline       integer       PRIMARY KEY,
    primary_site   varchar(100)  NOT NULL,
    first_seen_at  timestamptz   NOT NULL DEFAULT now(),
    seen_by        varchar(120)  NOT NULL
);
