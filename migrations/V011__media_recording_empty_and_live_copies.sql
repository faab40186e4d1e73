-- A recording that ended before any media arrived (e.g. stopped again before the publisher's next
-- key frame) keeps its catalogue entry with status EMPTY; its file is removed by the worker.
ALTER TABLE recording DROP CONSTRAINT recording_status_check;
ALTER TABLE recording ADD CONSTRAINT recording_status_check
    CHECK (status IN ('RECORDING', 'COMPLETE', 'INTERRUPTED', 'EMPTY'));

-- A recording still being written is mirrored to each backup site as it grows (GROWING, with the
-- bytes copied so far); when it ends, the copy becomes PENDING and is made whole and verified.
ALTER TABLE recording_copy DROP CONSTRAINT recording_copy_status_check;
ALTER TABLE recording_copy ADD CONSTRAINT recording_copy_status_check
    CHECK (status IN ('GROWING', 'PENDING', 'VERIFIED', 'FAILED'));
