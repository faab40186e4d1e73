-- Every app node holds a lease row it renews every few seconds. A live room whose node's lease ran
-- out (the node died, or restarted under a new instance id) is ended by any other app node.
CREATE TABLE app_node (
    id          varchar(120)  PRIMARY KEY,
    started_at  timestamptz   NOT NULL DEFAULT now(),
    renewed_at  timestamptz   NOT NULL DEFAULT now()
);
