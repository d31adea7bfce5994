-- SPDX-License-Identifier: Apache-2.0
-- Schema version 7: the service tier of each trial (issue 17, item 1: price what the provider served). Version 6
-- belongs to a change made on another branch; this migration neither needs nor touches what it adds.
--  * trial.requested_tier: the tier the run asked for, as CostBench names it (standard, flex, priority); NULL for
--    trials recorded before this version, read as standard.
--  * trial.served_tier: the tier the provider reported serving, in its own word (OpenAI "default", "flex",
--    "priority"; Anthropic "standard", "priority", "batch"); NULL when it reported none (Gemini, older trials).
--    Columns rather than a field inside prices_json: a failed or unpriced trial has no prices_json, and the
--    History list counts tier changes without parsing JSON.
--  * experiment_totals.tier_changed: the successful, not reused trials whose served tier differed from the one
--    asked for, kept up to date with the other totals. Zero for existing experiments (none reported a tier).

ALTER TABLE trial ADD COLUMN requested_tier VARCHAR(16);
ALTER TABLE trial ADD COLUMN served_tier VARCHAR(32);
ALTER TABLE experiment_totals ADD COLUMN tier_changed BIGINT DEFAULT 0 NOT NULL;
