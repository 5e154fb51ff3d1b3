-- Bulk import jobs (docs/decisions/0104), so a job's resource outlives the process that ran it.
-- Runs on H2 and PostgreSQL alike.

-- One row per submitted file. The runner writes the counters every
-- milestones.import.progress-interval and once more at the end, so while a job runs they may lag
-- the truth by that much; a finished job's row is final.
CREATE TABLE import_jobs (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    -- NDJSON or CSV
    format        VARCHAR(16)  NOT NULL,
    baseline      BOOLEAN      NOT NULL,
    -- QUEUED, RUNNING, COMPLETED or FAILED; start-up fails what a previous process left unfinished
    state         VARCHAR(16)  NOT NULL,
    submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE,
    finished_at   TIMESTAMP WITH TIME ZONE,
    rows_read     BIGINT       NOT NULL,
    rows_imported BIGINT       NOT NULL,
    -- rows whose teacherId or e-mail was already registered
    rows_skipped  BIGINT       NOT NULL,
    -- invalid rows
    rows_failed   BIGINT       NOT NULL,
    -- why the whole job stopped, if it did
    failure       VARCHAR(1000),
    -- when the row was last written
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX import_jobs_state ON import_jobs (state);
CREATE INDEX import_jobs_submitted_at ON import_jobs (submitted_at);

-- The first milestones.import.max-errors-reported rows a job did not import: line number, field
-- and a fixed message, exactly what the job resource shows; never the row's personal data.
CREATE TABLE import_job_errors (
    job_id      VARCHAR(36)  NOT NULL,
    -- position in the job's error list, from 0
    error_index INT          NOT NULL,
    line        BIGINT       NOT NULL,
    -- empty when the row as a whole is bad
    field       VARCHAR(200) NOT NULL,
    message     VARCHAR(500) NOT NULL,
    CONSTRAINT import_job_errors_pk PRIMARY KEY (job_id, error_index),
    CONSTRAINT import_job_errors_job FOREIGN KEY (job_id) REFERENCES import_jobs (id)
        ON DELETE CASCADE
);
