package com.speedfog.racing.projections.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A read model's next generation of tables: empty copies of its live tables in a schema of their own,
 * filled by a replay, then swapped in under the live tables' names within one transaction, indexes renamed
 * to the live ones' names so later migrations still find them. Readers and the live processors keep using
 * the plain table names and never see a half-built table.
 */
final class TableGenerations {

    private TableGenerations() {
    }

    /** The schema a group's next generation is built in. */
    static String shadowSchema(String group) {
        return "rebuild_" + sqlName(group);
    }

    private static String retiredSchema(String group) {
        return "retired_" + sqlName(group);
    }

    private static String sqlName(String group) {
        String name = group.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        if (name.isEmpty() || name.length() > 50) {
            throw new IllegalArgumentException("cannot name a schema after processing group '" + group + "'");
        }
        return name;
    }

    /** Empty copies of the group's tables (columns, defaults, constraints, indexes), replacing any left by a failed run. */
    static void prepare(Connection db, String group, List<String> tables) throws SQLException {
        String shadow = shadowSchema(group);
        try (Statement sql = db.createStatement()) {
            sql.execute("drop schema if exists " + shadow + " cascade");
            sql.execute("create schema " + shadow);
            for (String table : tables) {
                sql.execute("create table " + shadow + "." + table + " (like public." + table + " including all)");
            }
        }
    }

    /** Throws away what a run left behind (the live tables are untouched). */
    static void discard(Connection db, String group) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("drop schema if exists " + shadowSchema(group) + " cascade");
        }
    }

    /**
     * Puts the new generation in place of the live tables and drops the old ones. Runs inside the caller's
     * transaction: with its commit, every node reads and writes the new tables.
     */
    static void swap(Connection db, String group, List<String> tables) throws SQLException {
        String shadow = shadowSchema(group);
        String retired = retiredSchema(group);
        try (Statement sql = db.createStatement()) {
            sql.execute("drop schema if exists " + retired + " cascade");
            sql.execute("create schema " + retired);
            for (String table : tables) {
                List<String[]> renames = indexRenames(db, "public", shadow, table);
                sql.execute("alter table public." + table + " set schema " + retired);
                sql.execute("alter table " + shadow + "." + table + " set schema public");
                for (String[] rename : renames) {
                    sql.execute("alter index public." + rename[0] + " rename to " + rename[1]);
                }
            }
            sql.execute("drop schema " + retired + " cascade");
            sql.execute("drop schema " + shadow);
        }
    }

    /** Pairs of (new index name, live index name) for indexes with the same definition. */
    private static List<String[]> indexRenames(Connection db, String live, String shadow, String table) throws SQLException {
        List<String[]> liveIndexes = indexes(db, live, table);
        List<String[]> newIndexes = indexes(db, shadow, table);
        List<String[]> renames = new ArrayList<>();
        for (String[] fresh : newIndexes) {
            for (int i = 0; i < liveIndexes.size(); i++) {
                if (liveIndexes.get(i)[1].equals(fresh[1])) {
                    if (!liveIndexes.get(i)[0].equals(fresh[0])) {
                        renames.add(new String[]{fresh[0], liveIndexes.get(i)[0]});
                    }
                    liveIndexes.remove(i);
                    break;
                }
            }
        }
        return renames;
    }

    /** (name, definition without its name and table) of each index of a table. */
    private static List<String[]> indexes(Connection db, String schema, String table) throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("select c.relname, "
                + "regexp_replace(pg_get_indexdef(i.indexrelid), 'INDEX \\S+ ON \\S+', 'INDEX ON') "
                + "from pg_index i join pg_class c on c.oid = i.indexrelid "
                + "where i.indrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass order by c.relname")) {
            select.setString(1, schema);
            select.setString(2, table);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new String[]{rs.getString(1), rs.getString(2)});
                }
            }
        }
        return indexes;
    }
}
