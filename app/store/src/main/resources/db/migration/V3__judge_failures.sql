-- SPDX-License-Identifier: Apache-2.0
-- Schema version 3: a judge call that gave no score is kept too.
--  * judge_score.score may be NULL, and error_text says why (the API failed, the answer stated no score or one
--    outside the scale). A score is never made up; the failure is recorded so the user sees it, and the trial is
--    judged again next time (it still lacks a score).

ALTER TABLE judge_score ALTER COLUMN score SET NULL;
ALTER TABLE judge_score ADD COLUMN error_text CHARACTER LARGE OBJECT;
