-- Where other app nodes reach a node (its internal address): a WHIP or WHEP request that reaches a
-- node which does not serve the room is relayed to the node that does.
ALTER TABLE app_node ADD COLUMN url varchar(300);
