-- SPDX-License-Identifier: Apache-2.0
-- Schema version 4: the History view with many stored trials (issue 5, item 8: with 100,000 trials the list and an
-- experiment's summary each within 200 ms). Version 3 belongs to a settings change made on another branch; this
-- migration neither needs nor touches what it adds.
--  * experiment_totals: per experiment, the trial count, the failures, the cost of the real (not reused) priced
--    trials and the ledger's spending, kept up to date by the store in the same transaction as every trial, ledger
--    entry, deletion and import. The History list reads one row per experiment instead of aggregating every trial
--    (an aggregate over 100,000 trials took 150-360 ms with a cold cache, even from a covering index).
--  * Filled here from the existing trials and ledger.

CREATE TABLE experiment_totals (
    experiment_id  BIGINT PRIMARY KEY REFERENCES experiment (id) ON DELETE CASCADE,
    trials         BIGINT DEFAULT 0 NOT NULL,
    failed         BIGINT DEFAULT 0 NOT NULL,
    trial_cost_usd DECIMAL(20, 10) DEFAULT 0 NOT NULL,
    spent_usd      DECIMAL(20, 10) DEFAULT 0 NOT NULL
);

INSERT INTO experiment_totals (experiment_id, trials, failed, trial_cost_usd, spent_usd)
SELECT e.id,
       (SELECT COUNT(*) FROM trial t WHERE t.experiment_id = e.id),
       (SELECT COUNT(*) FROM trial t WHERE t.experiment_id = e.id AND t.error_text IS NOT NULL),
       COALESCE((SELECT SUM(t.cost_usd) FROM trial t WHERE t.experiment_id = e.id AND NOT t.from_cache), 0),
       COALESCE((SELECT SUM(l.cost_usd) FROM ledger l WHERE l.experiment_id = e.id), 0)
FROM experiment e;
