package com.speedfog.racing.gateway.projection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every read table, and a row-by-row copy of them all to compare a live read side with a rebuilt one. */
public final class ReadTables {

    /** Table → the columns that order its rows. */
    public static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("race_view", "race_id");
        TABLES.put("participant_view", "participant_id");
        TABLES.put("zone_visit", "participant_id, visit_index");
        TABLES.put("layer_arrival", "participant_id, layer");
        TABLES.put("mod_token", "participant_id");
        TABLES.put("race_timeline", "sequence");
        TABLES.put("timeline_participant", "participant_id");
    }

    private ReadTables() {
    }

    public static Map<String, List<Map<String, Object>>> dump(Connection db) throws SQLException {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (Statement statement = db.createStatement();
                 ResultSet rs = statement.executeQuery("select * from " + table.getKey() + " order by " + table.getValue())) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnName(c), rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            tables.put(table.getKey(), rows);
        }
        return tables;
    }
}
