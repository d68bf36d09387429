package com.speedfog.racing.gateway.database;

import com.speedfog.racing.gateway.GatewayTestBase;
import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.race.RaceCommands.CreateRace;
import com.speedfog.racing.command.race.RaceConfig;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the live database that Flyway built and Hibernate validated. */
class SchemaTest extends GatewayTestBase {

    @Autowired
    JdbcTemplate jdbc;

    String typeOf(String table, String column) {
        return jdbc.queryForObject("select data_type from information_schema.columns "
                + "where table_schema = 'public' and table_name = ? and column_name = ?", String.class, table, column);
    }

    @Test
    void binaryColumnsAreByteaNeverOid() {
        assertThat(typeOf("domain_event_entry", "payload")).isEqualTo("bytea");
        assertThat(typeOf("domain_event_entry", "meta_data")).isEqualTo("bytea");
        assertThat(typeOf("snapshot_event_entry", "payload")).isEqualTo("bytea");
        assertThat(typeOf("token_entry", "token")).isEqualTo("bytea");
        assertThat(typeOf("saga_entry", "serialized_saga")).isEqualTo("bytea");
        assertThat(typeOf("dead_letter_entry", "payload")).isEqualTo("bytea");
        assertThat(typeOf("scheduled_tasks", "task_data")).isEqualTo("bytea");
        List<Map<String, Object>> oids = jdbc.queryForList("select table_name, column_name from information_schema.columns "
                + "where table_schema = 'public' and data_type = 'oid'");
        assertThat(oids).isEmpty();
    }

    @Autowired
    CommandGateway commands;

    @Test
    void globalIndexSequenceAllocatesByOne() {
        Long increment = jdbc.queryForObject("select increment_by from pg_sequences where sequencename = 'domain_event_entry_seq'", Long.class);
        assertThat(increment).isEqualTo(1L);
        // Hibernate takes one value per event (no pooled block of 50): the sequence's last value is the
        // newest global index.
        commands.sendAndWait(new CreateRace(UUID.randomUUID(), "Sequence check", "standard", "seed-1",
                RaceConfig.defaults(), Actor.organizer("organizer-1")));
        Long lastValue = jdbc.queryForObject("select last_value from pg_sequences where sequencename = 'domain_event_entry_seq'", Long.class);
        Long maxIndex = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        assertThat(lastValue).isEqualTo(maxIndex);
    }

    @Test
    void flywayOwnsEveryTable() {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'public' and table_type = 'BASE TABLE'", String.class);
        assertThat(tables).contains("domain_event_entry", "snapshot_event_entry", "token_entry", "saga_entry",
                "association_value_entry", "dead_letter_entry", "scheduled_tasks", "flyway_schema_history");
        Integer failed = jdbc.queryForObject("select count(*) from flyway_schema_history where not success", Integer.class);
        assertThat(failed).isZero();
    }
}
