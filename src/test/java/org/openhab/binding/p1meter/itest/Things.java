/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.p1meter.itest;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What the web UI does with Things, items and links, over REST: the JSON it sends, and reading back status,
 * channels and item states.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class Things {

    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(60);

    private final OpenHabRest rest;

    public Things(OpenHabRest rest) {
        this.rest = rest;
    }

    /** POSTs a Thing as the UI's "add thing" page does (configuration as the UI's form fills it in). */
    public void create(String uid, String thingType, @Nullable String bridgeUid, Map<String, Object> configuration) {
        JsonObject thing = new JsonObject();
        thing.addProperty("UID", uid);
        thing.addProperty("thingTypeUID", thingType);
        thing.addProperty("label", "Test " + uid);
        if (bridgeUid != null) {
            thing.addProperty("bridgeUID", bridgeUid);
        }
        thing.add("configuration", OpenHabRest.GSON.toJsonTree(configuration));
        thing.add("channels", new JsonArray());
        thing.addProperty("location", "");
        OpenHabRest.expect(rest.post("/rest/things", thing), 201);
    }

    /** Sets a Thing's configuration as the UI's Thing page does when "Save" is pressed. */
    public void configure(String uid, Map<String, Object> configuration) {
        OpenHabRest.expect(rest.put("/rest/things/" + uid + "/config", OpenHabRest.GSON.toJson(configuration)), 200);
    }

    public void delete(String uid) {
        OpenHabRest.expect(rest.delete("/rest/things/" + uid + "?force=true"), 200, 202, 404);
    }

    public JsonObject thing(String uid) {
        return rest.get("/rest/things/" + uid).getAsJsonObject();
    }

    public Status status(String uid) {
        JsonObject info = thing(uid).getAsJsonObject("statusInfo");
        JsonElement description = info.get("description");
        return new Status(info.get("status").getAsString(), info.get("statusDetail").getAsString(),
                description == null || description.isJsonNull() ? "" : description.getAsString());
    }

    public Status awaitStatus(String uid, String status) {
        return awaitStatus(uid, status, STATUS_TIMEOUT);
    }

    public Status awaitStatus(String uid, String status, Duration timeout) {
        await(uid + " to be " + status).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> status(uid).status().equals(status));
        return status(uid);
    }

    /** The Thing's channels: id to item type. */
    public Map<String, String> channels(String uid) {
        Map<String, String> channels = new LinkedHashMap<>();
        for (JsonElement c : thing(uid).getAsJsonArray("channels")) {
            JsonObject channel = c.getAsJsonObject();
            JsonElement itemType = channel.get("itemType");
            channels.put(channel.get("id").getAsString(),
                    itemType == null || itemType.isJsonNull() ? "" : itemType.getAsString());
        }
        return channels;
    }

    /** Creates an item of the given type and links it to the channel, as "Add equipment/point" in the UI does. */
    public void link(String item, String itemType, String channelUid) {
        JsonObject body = new JsonObject();
        body.addProperty("type", itemType);
        body.addProperty("name", item);
        body.addProperty("label", item);
        body.add("tags", new JsonArray());
        body.add("groupNames", new JsonArray());
        OpenHabRest.expect(rest.put("/rest/items/" + item, body), 200, 201);
        JsonObject link = new JsonObject();
        link.addProperty("itemName", item);
        link.addProperty("channelUID", channelUid);
        link.add("configuration", new JsonObject());
        OpenHabRest.expect(rest.put("/rest/links/" + item + "/" + OpenHabRest.encode(channelUid), link), 200);
    }

    /** An item's state as REST gives it ("NULL" until it has one). */
    public String state(String item) {
        return rest.get("/rest/items/" + item).getAsJsonObject().get("state").getAsString();
    }

    public void awaitState(String item, Pattern pattern) {
        await(item + " to have a state matching " + pattern).atMost(STATUS_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> pattern.matcher(state(item)).matches());
    }

    /** The inbox entries of a thing type: thing UID to the entry. */
    public Map<String, JsonObject> inbox(String thingType) {
        Map<String, JsonObject> entries = new LinkedHashMap<>();
        for (JsonElement e : rest.get("/rest/inbox").getAsJsonArray()) {
            JsonObject entry = e.getAsJsonObject();
            if (entry.get("thingTypeUID").getAsString().equals(thingType)) {
                entries.put(entry.get("thingUID").getAsString(), entry);
            }
        }
        return entries;
    }

    /** Approves an inbox entry with a label, as the UI's inbox does; the Thing is created. */
    public void approve(String thingUid, String label) {
        OpenHabRest.expect(rest.postText("/rest/inbox/" + thingUid + "/approve", label), 200);
    }

    /** A Thing's status as the UI shows it. */
    public record Status(String status, String detail, String description) {
    }

    /** The number, and its unit, an item state such as "1234.5 W" holds. */
    public static @Nullable Quantity quantity(String state) {
        Matcher m = Pattern.compile("(-?[0-9.E-]+) ?(.*)").matcher(state);
        return m.matches() ? new Quantity(Double.parseDouble(m.group(1)), m.group(2)) : null;
    }

    public record Quantity(double value, String unit) {
    }

    /** Items of a list of channels: an item name for each channel id. */
    public static String itemName(String prefix, String channelId) {
        return prefix + "_" + channelId.replace('-', '_');
    }

    public static List<String> ids(JsonArray array, String member) {
        return array.asList().stream().map(e -> e.getAsJsonObject().get(member).getAsString()).toList();
    }
}
