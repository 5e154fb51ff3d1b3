-- Deliverability (issue 17): the suppression list, the soft bounces counted toward it, and what
-- became of each e-mail after it was accepted (bounced, complained), for the status API.
-- Portable SQL: runs on H2 and PostgreSQL.

-- Addresses never mailed again. Keyed by the SHA-256 (hex) of the normalised address, the same
-- pseudonym erasure writes into deliveries: erasure empties address and keeps the hash, so an
-- erased address stays suppressed if it ever subscribes again.
create table suppressions (
    address_hash varchar(64) primary key,
    address varchar(320),
    reason varchar(16) not null,
    source varchar(32) not null,
    detail varchar(500),
    created_at timestamp with time zone not null
);

create index suppressions_created_idx on suppressions (created_at, address_hash);

-- Soft bounces (4xx, mailbox full, ...), one per address and delivery (a retried delivery that
-- keeps soft-bouncing counts once); past a threshold within a window the address is suppressed.
create table soft_bounces (
    address_hash varchar(64) not null,
    bounce_key varchar(160) not null,
    occurred_at timestamp with time zone not null,
    primary key (address_hash, bounce_key)
);

-- HARD, SOFT or COMPLAINT once the recipient's side reported it (SMTP reply, DSN, webhook).
alter table deliveries add column bounce varchar(16);

-- The signed token of the e-mail's envelope sender (VERP, bounces+<token>@bounce-domain): a bounce
-- names its delivery row without parsing the returned message.
alter table deliveries add column return_token varchar(32);
create index deliveries_return_token_idx on deliveries (return_token);

-- Audience members the fan-out left out because they are suppressed (per milestone, e-mail).
alter table fan_outs add column suppressed bigint default 0 not null;

-- Provider webhook events already handled (SNS MessageId, SendGrid sg_event_id, Postmark ID):
-- a replayed call changes nothing. Old rows may be deleted after the providers' retry windows.
create table webhook_events (
    provider varchar(16) not null,
    event_id varchar(200) not null,
    received_at timestamp with time zone not null,
    primary key (provider, event_id)
);
