-- SPDX-License-Identifier: Apache-2.0
-- Test only: a migration that changes the schema, then fails (H2 commits each DDL statement, so Flyway cannot roll
-- the first two back).
ALTER TABLE experiment ADD COLUMN half_done INTEGER;
CREATE TABLE half_done_table (id INTEGER);
INSERT INTO no_such_table VALUES (1);
