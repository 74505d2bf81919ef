package com.storefront.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tables of real AWS values the config is checked against, each a TSV resource under
 * {@code config/tables/} that names its sources and the day they were read ({@code # source:},
 * {@code # checked:}). AWS adds values over time: when a new one is refused, add its row with the
 * source that shows it.
 */
public final class AwsTables {

    /** One table: its rows by first column, with where and when its values were read. */
    public record Table(
            String name,
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

        /** For messages: "(AWS table config/tables/x.tsv, checked 2026-12-01)". */
        public String citation() {
            return "(table config/tables/" + name + ".tsv, checked " + checked + ")";
        }
    }

    private static final Map<String, Table> TABLES = new LinkedHashMap<>();

    private AwsTables() {}

    /** Commercial AWS regions: {@code region, name, optIn}. */
    public static Table regions() {
        return table("regions");
    }

    /** ElastiCache node types for Redis OSS and Valkey: {@code nodeType, family, current}. */
    public static Table cacheNodeTypes() {
        return table("elasticache-node-types");
    }

    /** Released Aurora PostgreSQL versions: {@code version, serverlessV2, autoPause}. */
    public static Table auroraVersions() {
        return table("aurora-postgresql-versions");
    }

    /** Provisioned instance classes of Aurora PostgreSQL: {@code instanceClass, minMajor, maxMajor, note}. */
    public static Table auroraInstanceClasses() {
        return table("aurora-instance-classes");
    }

    public static List<Table> all() {
        return List.of(regions(), cacheNodeTypes(), auroraVersions(), auroraInstanceClasses());
    }

    private static synchronized Table table(String name) {
        return TABLES.computeIfAbsent(name, AwsTables::load);
    }

    private static Table load(String name) {
        String resource = "/config/tables/" + name + ".tsv";
        try (InputStream in = AwsTables.class.getResourceAsStream(resource)) {
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
            return new Table(name, List.copyOf(sources), checked, columns, java.util.Collections.unmodifiableMap(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of {@code table} whose {@code column} is {@code value}, comma-separated, in table order. */
    static String keysWhere(Table table, String column, String value) {
        return table.rows().entrySet().stream()
                .filter(e -> value.equals(e.getValue().get(column)))
                .map(Map.Entry::getKey)
                .sorted()
                .collect(Collectors.joining(", "));
    }
}
