package com.storefront.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tab-separated table on the classpath that says where its values come from: {@code # source:} and
 * {@code # checked:} comment lines, a header line, then rows keyed by their first column.
 *
 * @param resource the classpath path it was read from, e.g. {@code /config/tables/regions.tsv}
 */
public record TsvTable(
        String resource,
        List<String> sources,
        String checked,
        List<String> columns,
        Map<String, Map<String, String>> rows) {

    public boolean has(String key) {
        return rows.containsKey(key);
    }

    public String value(String key, String column) {
        return rows.get(key).get(column);
    }

    /** For messages: "(table config/tables/x.tsv, checked 2026-12-01)". */
    public String citation() {
        return "(table " + resource.substring(1) + ", checked " + checked + ")";
    }

    /** Reads {@code resource}; a table without sources, a checked date or a header is refused. */
    public static TsvTable load(String resource) {
        try (InputStream in = TsvTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing table " + resource);
            }
            List<String> sources = new ArrayList<>();
            String checked = null;
            List<String> columns = null;
            Map<String, Map<String, String>> rows = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    String comment = line.substring(1).trim();
                    if (comment.startsWith("source:")) {
                        sources.add(comment.substring("source:".length()).trim());
                    } else if (comment.startsWith("checked:")) {
                        checked = comment.substring("checked:".length()).trim();
                    }
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (columns == null) {
                    columns = List.of(cells);
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), i < cells.length ? cells[i].trim() : "");
                }
                rows.put(cells[0].trim(), Map.copyOf(row));
            }
            if (sources.isEmpty() || checked == null || columns == null) {
                throw new IllegalStateException(resource + " needs # source:, # checked: and a header line");
            }
            return new TsvTable(resource, List.copyOf(sources), checked, columns, Collections.unmodifiableMap(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
