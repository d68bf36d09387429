-- Race updates too large for a NOTIFY payload (8000 bytes) travel through this table: the notification
-- carries the row's id. Rows are read within moments by every node and pruned after a few minutes.
create table race_update_relay (
    id         bigserial primary key,
    payload    text        not null,
    created_at timestamptz not null default now()
);

-- Every running gateway node, seen within the last seconds: each takes its fair share of the streaming
-- processors' segments (token_entry says who owns which).
create table gateway_node (
    node_id   varchar(200) primary key,
    started   timestamptz not null default now(),
    last_seen timestamptz not null default now()
);
