-- People, invitations and the state of every seed of every pool.

create table app_user (
    id             uuid         primary key,
    twitch_id      varchar(64)  unique,
    login          varchar(64)  not null unique,
    display_name   varchar(100) not null,
    avatar_url     varchar(500),
    role           varchar(20)  not null,
    -- SHA-256 of the API token, hex; the token itself is shown once and never stored
    api_token_hash varchar(64)  unique,
    created_at     timestamptz  not null
);

create table invite (
    -- SHA-256 of the token in the invite link
    token_hash   varchar(64)  primary key,
    race_id      uuid         not null,
    twitch_login varchar(64)  not null,
    created_by   uuid         not null,
    created_at   timestamptz  not null,
    accepted_by  uuid,
    accepted_at  timestamptz
);
create index invite_race_idx on invite (race_id);

create table pool (
    name               varchar(100) primary key,
    display_name       varchar(200) not null,
    description        text,
    estimated_duration varchar(100),
    settings           text,
    problem            text,
    scanned_at         timestamptz  not null
);

-- AVAILABLE → CONSUMED (back on reroll) or DISCARDED; MISSING when a scan no longer finds it
create table seed (
    id           varchar(400)  primary key,
    pool_name    varchar(100)  not null,
    path         varchar(1000) not null,
    kind         varchar(10)   not null,
    state        varchar(20)   not null,
    race_id      uuid,
    seed_number  bigint,
    total_layers int,
    node_count   int,
    problem      text,
    scanned_at   timestamptz   not null
);
create index seed_pool_state_idx on seed (pool_name, state);
