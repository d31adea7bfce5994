-- SPDX-License-Identifier: Apache-2.0
-- Schema version 5: stored output similarities (issue 5, item 8: an experiment's summary within 200 ms with
-- 100,000 stored trials). The results view compares every output with its baseline's (ROUGE-L and token F1); on a
-- 10,000-trial experiment that took about 90 ms of CPU each time it opened. The scores are kept here once computed.
--  * One row per ordered pair of trials (the scored output, its reference), with the two F1 values and a fingerprint
--    of both outputs and of the similarity method: a row whose fingerprint no longer matches is computed again
--    and replaced, so an edited output or a changed method never shows a stale number.
--  * Deleting a trial (or its experiment) deletes its rows. Nothing to fill: the scores are computed when an
--    experiment is first opened.

CREATE TABLE similarity_score (
    trial_id      BIGINT NOT NULL REFERENCES trial (id) ON DELETE CASCADE,
    reference_id  BIGINT NOT NULL REFERENCES trial (id) ON DELETE CASCADE,
    experiment_id BIGINT NOT NULL REFERENCES experiment (id) ON DELETE CASCADE,
    fingerprint   BIGINT NOT NULL,
    rouge_l       DOUBLE PRECISION NOT NULL,
    token_f1      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (trial_id, reference_id)
);

CREATE INDEX similarity_score_experiment ON similarity_score (experiment_id);
CREATE INDEX similarity_score_reference ON similarity_score (reference_id);
