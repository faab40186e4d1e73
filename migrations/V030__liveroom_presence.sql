-- Who is connected to a live room, one row per open socket on some app node. A node refreshes
-- seen_at of its rows every presence tick and deletes a row when its socket closes; rows of a node
-- that died age out (counted only while seen recently). Deleted with the socket: no history here.
CREATE TABLE live_presence (
    connection_id   uuid          PRIMARY KEY,
    session_id      uuid          NOT NULL REFERENCES webinar_session (id) ON DELETE CASCADE,
    node_id         varchar(120)  NOT NULL,
    participant_id  uuid          NOT NULL,
    display_name    varchar(200)  NOT NULL,
    role            varchar(10)   NOT NULL CHECK (role IN ('ATTENDEE', 'MODERATOR', 'HOST')),
    seen_at         timestamptz   NOT NULL
);

CREATE INDEX live_presence_session ON live_presence (session_id, seen_at);
CREATE INDEX live_presence_node ON live_presence (node_id);
