-- SPDX-License-Identifier: Apache-2.0
-- Schema version 10: who created each experiment, saved scenario and ledger row (issue 19, item 2: several clients
-- share one team store, and the History view says who ran what). Version 9 belongs to a change made on another
-- branch; this migration neither needs nor touches what it adds.
--  * created_by: the name the client was using (the OS user name unless the user set another); NULL for rows made
--    before this version, shown without a name. Never a key or an address: a name the user chose.
--  * Written in standard SQL that H2 and PostgreSQL both run unchanged.

ALTER TABLE experiment ADD COLUMN created_by VARCHAR(200);
ALTER TABLE scenario ADD COLUMN created_by VARCHAR(200);
ALTER TABLE ledger ADD COLUMN created_by VARCHAR(200);
