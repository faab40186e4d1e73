-- The app node whose media worker wrote the recording, when its home storage is an object store: the file
-- lives in that node's spool until it is uploaded and verified. An erasure's deletion of the home copy is
-- claimed only by that node while its lease is current (it alone can remove the spool file), by any node
-- once it is gone; a node sweeps its spool for files of erased recordings when it starts and hourly.
-- Null for recordings catalogued before this column, and for those written straight into a folder store.
ALTER TABLE recording ADD COLUMN spool_node varchar(120);
