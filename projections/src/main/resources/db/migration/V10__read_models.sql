-- Read models built by the projections (processing groups race-views and race-timeline).
-- Every row can be rebuilt from the event store; times come from the events, never from now().

create table race_view (
    race_id            uuid         primary key,
    name               varchar(100) not null,
    organizer_id       varchar(255) not null,
    pool_name          varchar(255),
    seed_id            varchar(255) not null,
    status             varchar(20)  not null,
    show_finished_names boolean     not null,
    max_participants   int          not null,
    countdown_seconds  int          not null,
    public_race        boolean      not null,
    open_registration  boolean      not null,
    participant_count  int          not null default 0,
    -- every registration ever made: the colour index of the next player
    registrations      int          not null default 0,
    created_at         timestamptz  not null,
    scheduled_start    timestamptz,
    started_at         timestamptz,
    finished_at        timestamptz,
    forced_by          varchar(255)
);
create index race_view_status_idx on race_view (status, created_at desc);
create index race_view_created_idx on race_view (created_at desc);

create table participant_view (
    participant_id     uuid         primary key,
    race_id            uuid         not null,
    user_id            varchar(255) not null,
    display_name       varchar(100) not null,
    status             varchar(20)  not null,
    closed_reason      varchar(30),
    color_index        int          not null,
    registration_order int          not null,
    current_zone       varchar(255),
    current_zone_layer int,
    highest_layer      int          not null default 0,
    layer_entry_igt_ms bigint,
    igt_ms             bigint       not null default 0,
    death_count        int          not null default 0,
    finish_igt_ms      bigint,
    mod_connected      boolean      not null default false,
    registered_at      timestamptz  not null
);
create index participant_view_race_idx on participant_view (race_id, registration_order);
create index participant_view_user_idx on participant_view (user_id);

-- one row per stay in a node; node_id null is the start, before the first fog gate
create table zone_visit (
    participant_id  uuid         not null,
    visit_index     int          not null,
    race_id         uuid         not null,
    node_id         varchar(255),
    layer           int,
    entered_igt_ms  bigint       not null,
    deaths_at_entry int          not null,
    deaths          int          not null default 0,
    primary key (participant_id, visit_index)
);
create index zone_visit_race_idx on zone_visit (race_id);

-- the IGT at which a participant first reached each layer (leader splits are the minimum per layer)
create table layer_arrival (
    participant_id uuid   not null,
    layer          int    not null,
    race_id        uuid   not null,
    igt_ms         bigint not null,
    primary key (participant_id, layer)
);
create index layer_arrival_race_idx on layer_arrival (race_id);

create table mod_token (
    participant_id uuid         primary key,
    race_id        uuid         not null,
    token_hash     varchar(128) not null unique
);

create table race_timeline (
    sequence       bigint       primary key,
    race_id        uuid         not null,
    participant_id uuid,
    event_type     varchar(60)  not null,
    occurred_at    timestamptz  not null,
    igt_ms         bigint,
    description    text         not null,
    data           jsonb        not null
);
create index race_timeline_race_idx on race_timeline (race_id, sequence);

-- names known to the timeline, so its descriptions never depend on another processing group
create table timeline_participant (
    participant_id uuid         primary key,
    race_id        uuid         not null,
    display_name   varchar(100) not null
);
