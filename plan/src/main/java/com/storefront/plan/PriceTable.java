package com.storefront.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The versioned price table ({@code plan/aws-prices.json}): dated, with its region basis and source. */
public record PriceTable(
        int version,
        String date,
        String currency,
        String regionBasis,
        String source,
        int hoursPerMonth,
        JsonObject prices,
        List<String> usageBased) {

    public static final String RESOURCE = "/plan/aws-prices.json";

    public static PriceTable load() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("price table missing: " + RESOURCE);
            }
            JsonObject json = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            List<String> usage = new ArrayList<>();
            json.getAsJsonArray("usageBased").forEach(e -> usage.add(e.getAsString()));
            return new PriceTable(
                    json.get("version").getAsInt(),
                    json.get("date").getAsString(),
                    json.get("currency").getAsString(),
                    json.get("regionBasis").getAsString(),
                    json.get("source").getAsString(),
                    json.get("hoursPerMonth").getAsInt(),
                    json.getAsJsonObject("prices"),
                    List.copyOf(usage));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    public double price(String item) {
        JsonElement value = prices.get(item);
        if (value == null || !value.isJsonPrimitive()) {
            throw new IllegalArgumentException("no price '" + item + "' in " + RESOURCE);
        }
        return value.getAsDouble();
    }

    /** A size-dependent price (instance class, node type); empty when the table does not know the size. */
    public Optional<Double> price(String table, String size) {
        JsonObject sizes = prices.getAsJsonObject(table);
        return Optional.ofNullable(sizes == null ? null : sizes.get(size)).map(JsonElement::getAsDouble);
    }

    public double monthly(double hourly) {
        return hourly * hoursPerMonth;
    }
}
