-- SPDX-License-Identifier: Apache-2.0
-- Schema version 9: A/B runs through the providers' batch APIs (issue 19, item 1). A batch is kept as soon as the
-- provider accepted it, so closing CostBench or a crash loses nothing: on start the open batches are polled again.
--  * lab_batch: one submitted batch: its experiment, the provider and the provider's batch id, the state in
--    CostBench's words (PENDING, RUNNING, CANCELLING, ENDED, CANCELLED, EXPIRED, FAILED) and in the provider's own,
--    the request counts and times the provider last reported, and whether every outcome has landed as a trial.
--  * lab_batch_item: one request of a batch: its custom_id and the trial cell it runs (variant, input, model,
--    repetition); trial_id is set in the same transaction that records its outcome as a trial, so that collecting the
--    results again (after a crash midway) skips it instead of counting it twice.

CREATE TABLE lab_batch (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    experiment_id  BIGINT NOT NULL REFERENCES experiment (id) ON DELETE CASCADE,
    provider       VARCHAR(32) NOT NULL,
    batch_id       VARCHAR(255) NOT NULL,
    state          VARCHAR(16) NOT NULL,
    provider_state VARCHAR(64),
    total          INT NOT NULL,
    succeeded      INT NOT NULL,
    failed         INT NOT NULL,
    created_at     TIMESTAMP(9) WITH TIME ZONE,
    expires_at     TIMESTAMP(9) WITH TIME ZONE,
    error_message  VARCHAR(4000),
    submitted_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    checked_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    ingested       BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT lab_batch_provider_id UNIQUE (provider, batch_id)
);

CREATE INDEX lab_batch_experiment ON lab_batch (experiment_id);

CREATE TABLE lab_batch_item (
    batch_row   BIGINT NOT NULL REFERENCES lab_batch (id) ON DELETE CASCADE,
    custom_id   VARCHAR(64) NOT NULL,
    ordinal     INT NOT NULL,
    variant_id  BIGINT NOT NULL,
    input_id    BIGINT NOT NULL,
    model_id    CHARACTER VARYING(300) NOT NULL,
    repetition  INT NOT NULL,
    trial_id    BIGINT REFERENCES trial (id) ON DELETE SET NULL,
    collected   BOOLEAN DEFAULT FALSE NOT NULL,
    PRIMARY KEY (batch_row, custom_id)
);
