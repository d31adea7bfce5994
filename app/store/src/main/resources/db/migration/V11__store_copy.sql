-- SPDX-License-Identifier: Apache-2.0
-- Schema version 11: `costbench store copy` (issue 19, item 2: a local history moves into the team store, idempotent
-- and resumable).
--  * copied_row: for each row copied from a local store, the store it came from (an identity read from that store),
--    its table, its id there and its id here. Written in the same transaction as the copied rows, so a copy that was
--    interrupted resumes where it stopped and a second copy adds nothing.
--  * Written in standard SQL that H2 and PostgreSQL both run unchanged.

CREATE TABLE copied_row (
    source_store VARCHAR(200) NOT NULL,
    table_name   VARCHAR(60) NOT NULL,
    source_id    BIGINT NOT NULL,
    target_id    BIGINT NOT NULL,
    PRIMARY KEY (source_store, table_name, source_id)
);
