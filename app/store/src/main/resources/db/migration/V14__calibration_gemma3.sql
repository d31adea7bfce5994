-- SPDX-License-Identifier: Apache-2.0
-- Schema version 14: a Gemini count kept for calibration also keeps the Gemma 3 tokenizer's estimate of the same
-- input, made while that tokenizer was loaded, so that CostBench can measure which of the two estimators (characters
-- ÷ 4 or the Gemma 3 tokenizer) predicts Gemini's countTokens better on the user's own counts (issue 20, item 3).
-- Version 13 is another change made at the same time; Flyway applies them in order.
--  * NULL: not counted (every row kept before this version, other families, Gemini while Gemma 3 was not loaded).
--  * Plain SQL (it runs on PostgreSQL too).

ALTER TABLE calibration_sample ADD COLUMN gemma3_estimate BIGINT;
