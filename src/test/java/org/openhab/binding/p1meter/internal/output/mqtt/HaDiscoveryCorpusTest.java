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
package org.openhab.binding.p1meter.internal.output.mqtt;

import static org.assertj.core.api.Assertions.*;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Discovery for the real telegrams of the corpus: what is announced for two meters checked by hand against
 * their telegram text, and for every telegram that the configs follow Home Assistant's documented
 * device class / unit / state class combinations and that every template reads a field the JSON reading has.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class HaDiscoveryCorpusTest {

    private final HaDiscovery discovery = new HaDiscovery("smartmeter", "homeassistant", "1.0");

    /** Home Assistant's sensor device classes with the units and state classes this output may use. */
    private static final Map<String, Set<String>> UNITS = Map.ofEntries(
            Map.entry("energy", Set.of("kWh", "Wh", "MWh", "GJ", "MJ")), Map.entry("gas", Set.of("m\u00b3")),
            Map.entry("water", Set.of("m\u00b3")), Map.entry("power", Set.of("W")), Map.entry("voltage", Set.of("V")),
            Map.entry("current", Set.of("A")), Map.entry("frequency", Set.of("Hz")),
            Map.entry("reactive_power", Set.of("var")), Map.entry("apparent_power", Set.of("VA")),
            Map.entry("reactive_energy", Set.of("kvarh")));
    private static final Set<String> TOTALS = Set.of("energy", "gas", "water", "reactive_energy");

    static Stream<String> corpus() throws IOException, URISyntaxException {
        Path dir = Path
                .of(Objects.requireNonNull(HaDiscoveryCorpusTest.class.getResource("/telegrams/MANIFEST.md")).toURI())
                .getParent();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    private Map<String, JsonObject> configs(P1Telegram t) {
        Map<String, JsonObject> out = new HashMap<>();
        for (OutboundMessage m : discovery.configs(t)) {
            String[] parts = m.topic().split("/");
            out.put(parts[3], JsonParser.parseString(m.payloadText()).getAsJsonObject());
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyConfigIsValidForHomeAssistantAndReadsAFieldOfTheReading(String name) {
        P1Telegram t;
        try {
            t = TestReadings.corpus(name);
        } catch (IllegalArgumentException e) {
            return; // not a telegram the parser reads at all; the parser's tests cover why
        }
        JsonObject reading = JsonParser.parseString(TestReadings.json(t)).getAsJsonObject();
        Set<String> uniqueIds = new TreeSet<>();
        for (Map.Entry<String, JsonObject> e : configs(t).entrySet()) {
            JsonObject c = e.getValue();
            String what = name + " " + e.getKey();
            assertThat(uniqueIds.add(c.get("unique_id").getAsString())).as(what + " unique").isTrue();
            @Nullable
            String deviceClass = text(c, "device_class");
            @Nullable
            String unit = text(c, "unit_of_measurement");
            @Nullable
            String stateClass = text(c, "state_class");
            if (deviceClass != null && !"power_factor".equals(deviceClass)) {
                assertThat(UNITS).as(what).containsKey(deviceClass);
                assertThat(UNITS.get(deviceClass)).as(what + " unit").contains(unit);
                assertThat(stateClass).as(what + " state class")
                        .isEqualTo(TOTALS.contains(deviceClass) ? "total_increasing" : "measurement");
            }
            // the template must read fields the reading actually has
            String template = c.get("value_template").getAsString();
            Matcher m = Pattern.compile("value_json\\.([A-Za-z0-9]+)").matcher(template);
            boolean any = false;
            while (m.find()) {
                any = true;
                assertThat(reading.has(m.group(1))).as(what + " reads " + m.group(1) + " of " + reading).isTrue();
            }
            assertThat(any).as(what + " template " + template).isTrue();
            if (template.contains("d.channel == ")) {
                int channel = Integer.parseInt(template.replaceAll(".*d\\.channel == (\\d+).*", "$1"));
                boolean found = false;
                for (JsonElement d : reading.getAsJsonArray("mbus")) {
                    JsonObject dev = d.getAsJsonObject();
                    found |= dev.get("channel").getAsInt() == channel && dev.has("value");
                }
                assertThat(found).as(what + " M-Bus channel " + channel + " has a value").isTrue();
            }
        }
    }

    private static @Nullable String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null ? null : e.getAsString();
    }

    @Test
    void kaifaFromTheSmartmeter2mqttReadme() {
        // read off the telegram text: 1.8.1/1.8.2/2.8.1/2.8.2, 96.14.0, 1.7.0, 2.7.0, 96.7.21, 96.7.9, 32.32.0,
        // 32.36.0, 31.7.0, 21.7.0, 22.7.0 and a gas meter on channel 2
        Map<String, JsonObject> c = configs(TestReadings.kaifa());
        assertThat(c.keySet()).containsExactlyInAnyOrder("energy_import_t1", "energy_import_t2", "energy_export_t1",
                "energy_export_t2", "energy_import_total", "energy_export_total", "tariff", "power_import",
                "power_export", "power_net", "power_failures", "long_power_failures", "voltage_sags_l1",
                "voltage_swells_l1", "current_l1", "power_import_l1", "power_export_l1", "gas");
        JsonObject gas = c.get("gas");
        assertThat(gas.get("device_class").getAsString()).isEqualTo("gas");
        assertThat(gas.get("state_class").getAsString()).isEqualTo("total_increasing");
        assertThat(gas.get("unit_of_measurement").getAsString()).isEqualTo("m\u00b3");
        assertThat(gas.getAsJsonObject("device").get("via_device").getAsString()).isEqualTo("p1meter_453xxxxxxxxxx");
        JsonObject device = c.get("power_import").getAsJsonObject("device");
        assertThat(device.get("manufacturer").getAsString()).isEqualTo("Kaifa");
        assertThat(device.get("model").getAsString()).isEqualTo("KAIFA-METER");
        assertThat(device.get("sw_version").getAsString()).isEqualTo("42");
    }

    @Test
    void fluviusWithCapacityTariffGasAndWater() {
        Map<String, JsonObject> c = configs(TestReadings.corpus("fluvius_emucs_flu5_v171"));
        assertThat(c.keySet()).contains("average_demand", "peak_demand", "voltage_l1", "voltage_l2", "voltage_l3",
                "current_l1", "current_l2", "current_l3", "power_import_l1", "power_import_l2", "power_import_l3",
                "power_export_l1", "power_export_l2", "power_export_l3", "energy_import_total", "energy_export_total",
                "gas", "water");
        assertThat(c.get("water").get("device_class").getAsString()).isEqualTo("water");
        assertThat(c.get("water").get("unit_of_measurement").getAsString()).isEqualTo("m\u00b3");
        assertThat(c.get("gas").get("device_class").getAsString()).isEqualTo("gas");
        assertThat(c.get("peak_demand").get("unit_of_measurement").getAsString()).isEqualTo("W");
        JsonObject device = c.get("voltage_l1").getAsJsonObject("device");
        assertThat(device.get("manufacturer").getAsString()).isEqualTo("Fluvius");
        // water and gas are separate devices behind the meter
        assertThat(c.get("water").getAsJsonObject("device").get("identifiers").getAsJsonArray().get(0).getAsString())
                .isEqualTo("p1meter_3853414731323334353637383930");
        assertThat(c.get("gas").getAsJsonObject("device").get("via_device").getAsString())
                .isEqualTo("p1meter_3153414733313031303231363035");
    }

    @Test
    void heatMeterInGigajoule() {
        Map<String, JsonObject> c = configs(TestReadings.corpus("dsmr50_nwa_warmtelink_unpadded_crc"));
        assertThat(c).containsKey("heat");
        assertThat(c.get("heat").get("device_class").getAsString()).isEqualTo("energy");
        assertThat(c.get("heat").get("unit_of_measurement").getAsString()).isEqualTo("GJ");
        assertThat(c.get("heat").get("state_class").getAsString()).isEqualTo("total_increasing");
    }
}
