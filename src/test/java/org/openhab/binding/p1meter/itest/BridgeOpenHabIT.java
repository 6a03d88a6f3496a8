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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.openhab.binding.p1meter.itest.OpenHabRest.Event;
import org.openhab.binding.p1meter.itest.OpenHabRest.EventStream;
import org.openhab.binding.p1meter.itest.Things.Quantity;

import com.google.gson.JsonObject;

/**
 * The happy path in a real openHAB, driven over REST as the web UI drives it: a {@code p1meter:tcp} bridge on a
 * meter served over TCP goes ONLINE, gets the meter's channels with their item types, linked items follow every
 * telegram with units, and the gas and water meters reach the Inbox and become Things of their own. The add-on
 * logs no warning or error on the way.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class BridgeOpenHabIT {

    private static final String BRIDGE = "p1meter:tcp:home";
    private static final String ITEMS = "P1";
    /** What a Number:<dimension> item shows with openHAB's default units (SI system). */
    private static final Map<String, Pattern> STATE_OF_ITEM_TYPE = Map.of( //
            "Number:Power", Pattern.compile("-?[0-9.]+ W"), //
            "Number:Energy", Pattern.compile("[0-9.]+ kWh"), //
            "Number:ElectricPotential", Pattern.compile("[0-9.]+ V"), //
            "Number:ElectricCurrent", Pattern.compile("[0-9.]+ A"), //
            "Number:Volume", Pattern.compile("[0-9.]+ m³"), //
            "Number:VolumetricFlowRate", Pattern.compile("-?[0-9.E-]+ m³/h"), //
            "Number", Pattern.compile("-?[0-9.]+"), //
            "DateTime", Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*"));

    private @Nullable OpenHabRuntime openhab;
    private @Nullable MeterServer meter;
    private final Map<String, String> linked = new LinkedHashMap<>();

    @BeforeAll
    void startOpenHab() throws Exception {
        openhab = OpenHabRuntime.start();
        openhab().install(Addon.jar());
        meter = new MeterServer();
    }

    @AfterAll
    void stopOpenHab() {
        if (openhab != null) {
            openhab.close();
        }
        if (meter != null) {
            meter.close();
        }
    }

    private OpenHabRuntime openhab() {
        OpenHabRuntime o = openhab;
        assertThat(o).isNotNull();
        return o;
    }

    private MeterServer meter() {
        MeterServer m = meter;
        assertThat(m).isNotNull();
        return m;
    }

    private Things things() {
        return new Things(openhab().rest());
    }

    @Test
    @Order(1)
    void aTcpBridgeGoesOnlineWithTheChannelsTheMeterSends() {
        meter().every(Duration.ofSeconds(1));
        try (EventStream status = openhab().rest().events("openhab/things/" + BRIDGE + "/statuschanged")) {
            long posted = System.nanoTime();
            // no receive timeout: the meter here is silent whenever the test is counting (a real one never is)
            things().create(BRIDGE, "p1meter:tcp", null,
                    Map.of("host", "127.0.0.1", "port", meter().port(), "receiveTimeout", 0));
            things().awaitStatus(BRIDGE, "ONLINE");
            Event online = status.events().stream().filter(e -> e.payload().contains("\"ONLINE\"")).findFirst()
                    .orElseThrow();
            Metrics.record(openhab(), "POST of the bridge to ONLINE (telegrams every 1 s)",
                    String.format("%.0f ms", (online.nanos() - posted) / 1e6));
        }
        await("the meter's channels").atMost(Duration.ofSeconds(30))
                .until(() -> things().channels(BRIDGE).keySet()
                        .containsAll(List.of("net-power", "energy-import-t1", "energy-export-t2", "voltage-l1",
                                "voltage-l3", "current-l2", "power-import-l1", "tariff", "meter-timestamp",
                                "crc-errors", "last-update")));
        Map<String, String> channels = things().channels(BRIDGE);
        assertThat(channels).containsEntry("net-power", "Number:Power").containsEntry("power-import", "Number:Power")
                .containsEntry("energy-import-t1", "Number:Energy")
                .containsEntry("energy-import-total", "Number:Energy")
                .containsEntry("voltage-l1", "Number:ElectricPotential")
                .containsEntry("current-l1", "Number:ElectricCurrent").containsEntry("tariff", "Number")
                .containsEntry("power-failures", "Number").containsEntry("meter-timestamp", "DateTime");
        // only what the simulated meter sends: it has no Belgian capacity tariff, no reactive power
        assertThat(channels).doesNotContainKeys("average-demand", "peak-demand", "reactive-power-import");
        JsonObject properties = things().thing(BRIDGE).getAsJsonObject("properties");
        assertThat(properties.get("p1Version").getAsString()).isEqualTo("50");
    }

    @Test
    @Order(2)
    void everyLinkedItemGetsAStateWithItsUnitAndFollowsTheMeter() {
        meter().pause();
        things().channels(BRIDGE).forEach((id, itemType) -> {
            if (itemType.isEmpty()) {
                return; // a trigger channel (power-direction): rules use it, items do not link to it
            }
            String item = Things.itemName(ITEMS, id);
            things().link(item, itemType, BRIDGE + ":" + id);
            linked.put(item, itemType);
        });
        // linking alone gives the last telegram's values (openHAB refreshes a newly linked channel)...
        linked.forEach((item, type) -> things().awaitState(item, STATE_OF_ITEM_TYPE.get(type)));

        // ...and each telegram gives every linked item that telegram's values, in the item's unit
        for (int i = 0; i < 3; i++) {
            byte[] telegram = meter().send();
            double netWatts = (TelegramText.value(telegram, "1-0:1.7.0") - TelegramText.value(telegram, "1-0:2.7.0"))
                    * 1000;
            double t1 = TelegramText.value(telegram, "1-0:1.8.1");
            double volts = TelegramText.value(telegram, "1-0:32.7.0");
            await("the items to show telegram " + i).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(quantity("P1_net_power")).satisfies(q -> {
                    assertThat(q.unit()).isEqualTo("W");
                    assertThat(q.value()).isCloseTo(netWatts, within(0.01));
                });
                assertThat(quantity("P1_energy_import_t1").value()).isCloseTo(t1, within(0.0001));
                assertThat(quantity("P1_voltage_l1").value()).isCloseTo(volts, within(0.001));
            });
        }
    }

    @Test
    @Order(3)
    void oneTelegramIsOneStateUpdatePerLinkedChannelAndNoMore() {
        assertThat(linked).as("items linked by the previous test").isNotEmpty();
        List<Long> latencies = new ArrayList<>();
        Map<String, Long> perTelegram = new HashMap<>();
        int telegrams = 5;
        try (EventStream bus = openhab().rest().events("openhab/*")) {
            for (int i = 0; i < telegrams; i++) {
                bus.clear();
                long sent = System.nanoTime();
                meter().send();
                await("a state event for each of the " + linked.size() + " linked items").atMost(Duration.ofSeconds(10))
                        .until(() -> stateEvents(bus).keySet().containsAll(linked.keySet()));
                // and no more: give a stray second update the time a first one took, and then some
                sleepMillis(500);
                List<Event> events = bus.events();
                Map<String, Long> perItem = stateEvents(bus).entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue().size()));
                assertThat(perItem).as("ItemStateEvents per item for one telegram")
                        .allSatisfy((item, count) -> assertThat(count).as(item).isEqualTo(1));
                assertThat(perItem.keySet()).containsExactlyInAnyOrderElementsOf(linked.keySet());
                long lastState = events.stream().filter(e -> e.type().equals("ItemStateEvent")).mapToLong(Event::nanos)
                        .max().orElseThrow();
                latencies.add(lastState - sent);
                events.stream().collect(Collectors.groupingBy(Event::type, Collectors.counting()))
                        .forEach((type, n) -> perTelegram.merge(type, n, Long::sum));
            }
        }
        latencies.sort(null);
        Metrics.record(openhab(), "telegram sent to the last of " + linked.size() + " items' state events",
                String.format("median %.1f ms, max %.1f ms over %d telegrams", latencies.get(telegrams / 2) / 1e6,
                        latencies.get(telegrams - 1) / 1e6, telegrams));
        Metrics.record(openhab(), "event bus events per telegram (" + linked.size() + " linked items)",
                perTelegram.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + " " + e.getValue() / (double) telegrams)
                        .collect(Collectors.joining(", ")));
    }

    @Test
    @Order(4)
    void theGasAndWaterMetersReachTheInboxBySerialAndBecomeThingsWithStates() {
        meter().every(Duration.ofSeconds(1));
        await("the gas and water meters in the Inbox").atMost(Duration.ofSeconds(30))
                .until(() -> !things().inbox("p1meter:gas").isEmpty() && !things().inbox("p1meter:water").isEmpty());
        // the serials as the simulated meter sends them (0-1:96.1.0 and 0-2:96.1.0: hex of G005... and W006...)
        String gasSerial = "4730303539303031323334353637383138";
        String waterSerial = "5730303639303031323334353637383138";
        JsonObject gas = things().inbox("p1meter:gas").values().iterator().next();
        JsonObject water = things().inbox("p1meter:water").values().iterator().next();
        assertThat(gas.get("representationProperty").getAsString()).isEqualTo("serialNumber");
        assertThat(gas.getAsJsonObject("properties").get("serialNumber").getAsString()).isEqualTo(gasSerial);
        assertThat(water.getAsJsonObject("properties").get("serialNumber").getAsString()).isEqualTo(waterSerial);
        assertThat(gas.get("bridgeUID").getAsString()).isEqualTo(BRIDGE);
        assertThat(things().inbox("p1meter:heat")).isEmpty();

        String gasThing = gas.get("thingUID").getAsString();
        String waterThing = water.get("thingUID").getAsString();
        things().approve(gasThing, "Gas meter");
        things().approve(waterThing, "Water meter");
        things().awaitStatus(gasThing, "ONLINE");
        things().awaitStatus(waterThing, "ONLINE");
        assertThat(things().inbox("p1meter:gas")).doesNotContainKey(gasThing);
        assertThat(things().thing(gasThing).getAsJsonObject("configuration").get("serialNumber").getAsString())
                .isEqualTo(gasSerial);

        Map<String, String> gasChannels = things().channels(gasThing);
        assertThat(gasChannels).containsEntry("reading", "Number:Volume").containsEntry("reading-timestamp",
                "DateTime");
        things().link("Gas_reading", "Number:Volume", gasThing + ":reading");
        things().link("Water_reading", "Number:Volume", waterThing + ":reading");
        meter().pause();
        byte[] telegram = meter().send();
        double gasM3 = TelegramText.value(telegram, "0-1:24.2.1");
        double waterM3 = TelegramText.value(telegram, "0-2:24.2.1");
        await("the gas and water items").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(quantity("Gas_reading")).isEqualTo(new Quantity(gasM3, "m³"));
            assertThat(quantity("Water_reading")).isEqualTo(new Quantity(waterM3, "m³"));
        });
        // the meters report every five minutes of meter time (a minute per telegram here): the reading moves on
        for (int i = 0; i < 6; i++) {
            telegram = meter().send();
        }
        double laterGas = TelegramText.value(telegram, "0-1:24.2.1");
        assertThat(laterGas).isGreaterThan(gasM3);
        await("the gas item to follow the meter").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(quantity("Gas_reading").value()).isEqualTo(laterGas));
    }

    @Test
    @Order(5)
    void theAddonLoggedNoWarningOrError() {
        openhab().assertNoAddonProblems();
        assertThat(openhab().addonStackTraceLines()).isEmpty();
    }

    private Quantity quantity(String item) {
        String state = things().state(item);
        Quantity q = Things.quantity(state);
        assertThat(q).as(item + " = " + state).isNotNull();
        return q;
    }

    private static Map<String, List<Event>> stateEvents(EventStream bus) {
        return bus.events().stream().filter(e -> e.type().equals("ItemStateEvent"))
                .collect(Collectors.groupingBy(Event::subject, LinkedHashMap::new, Collectors.toList()));
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
