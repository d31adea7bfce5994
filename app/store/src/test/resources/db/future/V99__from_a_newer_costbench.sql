-- SPDX-License-Identifier: Apache-2.0
-- Test only: a migration this CostBench does not know, as a newer version would have applied it.
CREATE TABLE newer_feature (id INTEGER PRIMARY KEY);
