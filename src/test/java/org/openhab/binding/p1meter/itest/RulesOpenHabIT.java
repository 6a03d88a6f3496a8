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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Rules react to the meter, as users write them in the UI's rule editor (saved over {@code /rest/rules}): one
 * switches an item when the net-power item crosses zero (state-change trigger, a threshold condition, a command
 * action), others react to the bridge's power-direction trigger channel. The meter's telegrams drive them.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class RulesOpenHabIT {

    private static final String BRIDGE = "p1meter:tcp:rules";
    private static final String NET_POWER = "Rules_net_power";

    @Test
    void rulesOnTheNetPowerItemAndOnThePowerDirectionChannelFireAsTheMeterTurns() throws Exception {
        try (OpenHabRuntime openhab = OpenHabRuntime.start(); MeterServer meter = new MeterServer()) {
            openhab.install(Addon.jar());
            OpenHabRest rest = openhab.rest();
            Things things = new Things(rest);
            meter.every(Duration.ofMillis(500));
            things.create(BRIDGE, "p1meter:tcp", null, Map.of("host", "127.0.0.1", "port", meter.port()));
            things.awaitStatus(BRIDGE, "ONLINE");
            await().atMost(Duration.ofSeconds(30)).until(() -> things.channels(BRIDGE).containsKey("power-direction"));
            meter.pause();
            things.link(NET_POWER, "Number:Power", BRIDGE + ":net-power");
            item(rest, "Exporting", "Switch");
            item(rest, "Direction", "String");

            // "when the net power changes and it is below 0 W, send ON to Exporting" (and the reverse)
            rule(rest, "p1_exporting", trigger("core.ItemStateChangeTrigger", Map.of("itemName", NET_POWER)),
                    condition(NET_POWER, "<", "0 W"), action("core.ItemCommandAction", "Exporting", "command", "ON"));
            rule(rest, "p1_importing", trigger("core.ItemStateChangeTrigger", Map.of("itemName", NET_POWER)),
                    condition(NET_POWER, ">", "0 W"), action("core.ItemCommandAction", "Exporting", "command", "OFF"));
            // "when channel power-direction triggers EXPORT / IMPORT, set Direction"
            for (String event : List.of("EXPORT", "IMPORT")) {
                rule(rest, "p1_direction_" + event.toLowerCase(),
                        trigger("core.ChannelEventTrigger",
                                Map.of("channelUID", BRIDGE + ":power-direction", "event", event)),
                        null, action("core.ItemStateUpdateAction", "Direction", "state", event.toLowerCase()));
            }
            for (String uid : List.of("p1_exporting", "p1_importing", "p1_direction_export", "p1_direction_import")) {
                await(uid + " to be ready").atMost(Duration.ofSeconds(30))
                        .until(() -> "IDLE".equals(rest.get("/rest/rules/" + uid).getAsJsonObject()
                                .getAsJsonObject("status").get("status").getAsString()));
            }

            byte[] base = meter.send();
            meter.send(TelegramText.withPower(base, 1.5, 0)); // importing 1.5 kW
            things.awaitState(NET_POWER, Pattern.compile("1500 W"));
            await("Exporting OFF").atMost(Duration.ofSeconds(10)).until(() -> "OFF".equals(things.state("Exporting")));

            meter.send(TelegramText.withPower(base, 0, 2.0)); // the sun comes out: exporting 2 kW
            things.awaitState(NET_POWER, Pattern.compile("-2000 W"));
            await("Exporting ON").atMost(Duration.ofSeconds(10)).until(() -> "ON".equals(things.state("Exporting")));
            await("Direction export").atMost(Duration.ofSeconds(10))
                    .until(() -> "export".equals(things.state("Direction")));

            meter.send(TelegramText.withPower(base, 0.3, 0)); // a cloud: importing again
            await("Exporting OFF again").atMost(Duration.ofSeconds(10))
                    .until(() -> "OFF".equals(things.state("Exporting")));
            await("Direction import").atMost(Duration.ofSeconds(10))
                    .until(() -> "import".equals(things.state("Direction")));
            openhab.assertNoAddonProblems();
        }
    }

    private static void item(OpenHabRest rest, String name, String type) {
        JsonObject item = new JsonObject();
        item.addProperty("type", type);
        item.addProperty("name", name);
        item.addProperty("label", name);
        OpenHabRest.expect(rest.put("/rest/items/" + name, item), 200, 201);
    }

    private static JsonObject module(String id, String type, Map<String, String> configuration) {
        JsonObject module = new JsonObject();
        module.addProperty("id", id);
        module.addProperty("type", type);
        module.add("configuration", OpenHabRest.GSON.toJsonTree(configuration));
        return module;
    }

    private static JsonObject trigger(String type, Map<String, String> configuration) {
        return module("trigger", type, configuration);
    }

    private static JsonObject condition(String item, String operator, String state) {
        return module("condition", "core.ItemStateCondition",
                Map.of("itemName", item, "operator", operator, "state", state));
    }

    private static JsonObject action(String type, String item, String key, String value) {
        return module("action", type, Map.of("itemName", item, key, value));
    }

    /** Saves a rule as the UI's rule editor does. */
    private static void rule(OpenHabRest rest, String uid, JsonObject trigger,
            @org.eclipse.jdt.annotation.Nullable JsonObject condition, JsonObject action) {
        JsonObject rule = new JsonObject();
        rule.addProperty("uid", uid);
        rule.addProperty("name", uid);
        JsonArray triggers = new JsonArray();
        triggers.add(trigger);
        rule.add("triggers", triggers);
        JsonArray conditions = new JsonArray();
        if (condition != null) {
            conditions.add(condition);
        }
        rule.add("conditions", conditions);
        JsonArray actions = new JsonArray();
        actions.add(action);
        rule.add("actions", actions);
        rule.add("tags", new JsonArray());
        rule.addProperty("visibility", "VISIBLE");
        OpenHabRest.expect(rest.post("/rest/rules", rule), 201);
    }
}
