-- Subscribers, the milestones they were told about, and one row per delivery.
-- Portable SQL: runs on H2 (default, tests, local stack) and PostgreSQL.

-- One row per address (normalised to lower case). PENDING until the double opt-in is confirmed;
-- teachers who consented at registration are CONFIRMED at once (their consent is the opt-in).
create table subscriptions (
    id uuid primary key,
    email varchar(320) not null,
    language varchar(35) not null,
    status varchar(16) not null,
    teacher_id varchar(128),
    created_at timestamp with time zone not null,
    confirmed_at timestamp with time zone,
    constraint subscriptions_email_uk unique (email),
    constraint subscriptions_teacher_uk unique (teacher_id)
);

-- What a subscriber wants to hear about: 'global' or 'country:IT' (a milestone's scope id).
create table subscription_scopes (
    subscription_id uuid not null references subscriptions (id) on delete cascade,
    scope varchar(64) not null,
    primary key (subscription_id, scope)
);

-- The fan-out reads the audience of one scope in id order, chunk by chunk.
create index subscription_scopes_scope_idx on subscription_scopes (scope, subscription_id);

-- Milestones that were fanned out; senders render e-mails from them (requests stay small).
create table celebrated_milestones (
    milestone_id varchar(128) primary key,
    scope varchar(64) not null,
    threshold bigint not null,
    reached_count bigint not null,
    reached_at timestamp with time zone not null,
    detected_at timestamp with time zone not null,
    crossed_by_teacher_id varchar(128) not null,
    crossed_by_country varchar(2) not null,
    crossed_by_name varchar(200),
    recorded_at timestamp with time zone not null
);

create index celebrated_milestones_crossed_by_idx on celebrated_milestones (crossed_by_teacher_id);

-- How many requests each fan-out produced, per channel (the status API's "requested").
create table fan_outs (
    milestone_id varchar(128) not null,
    channel varchar(16) not null,
    requests bigint not null,
    completed_at timestamp with time zone not null,
    primary key (milestone_id, channel)
);

-- One row per (milestone, channel, recipient): a redelivered request never sends again.
-- recipient is an e-mail address for EMAIL, the network's account for social channels.
create table deliveries (
    milestone_id varchar(128) not null,
    channel varchar(16) not null,
    recipient varchar(320) not null,
    status varchar(16) not null,
    attempts integer not null,
    last_error varchar(1000),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    primary key (milestone_id, channel, recipient)
);

create index deliveries_status_idx on deliveries (milestone_id, status);
