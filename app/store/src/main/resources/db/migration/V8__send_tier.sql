-- SPDX-License-Identifier: Apache-2.0
-- Schema version 8: the service tier of each "Send to the API" call (issue 17: Send gets its own tier selector).
--  * send_history.requested_tier: the tier the call asked for, as CostBench names it (standard, flex, priority);
--    NULL for calls kept before this version, read as standard.
--  * send_history.served_tier: the tier the provider reported serving, in its own word (OpenAI "default", "flex",
--    "priority"; Anthropic "standard", "priority"); NULL when it reported none (Gemini, failures, older calls).

ALTER TABLE send_history ADD COLUMN requested_tier VARCHAR(16);
ALTER TABLE send_history ADD COLUMN served_tier VARCHAR(32);
