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

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.p1meter.internal.dsmr.MBusCases;
import org.openhab.binding.p1meter.internal.dsmr.MBusDevice;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.PeakDemand;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;
import org.openhab.binding.p1meter.internal.dsmr.TelegramParser;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The discovery configs, checked against Home Assistant's documented device classes, state classes and units.
 * Telegrams are built by hand from the values of the smartmeter2mqtt README's Kaifa telegram and a Fluvius one.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class HaDiscoveryTest {

    private final HaDiscovery discovery = new HaDiscovery("smartmeter", "homeassistant", "1.0");

    /** /KFM5KAIFA-METER, DSMR 4.2, single phase, gas on channel 2 (values of the README sample). */
    static P1Telegram kaifa() {
        return new P1Telegram.Builder().header("KFM5KAIFA-METER").p1Version("42").equipmentId("4530303033")
                .crcChecked(true).set(Quantity.ENERGY_IMPORT_T1, 2000.123).set(Quantity.ENERGY_IMPORT_T2, 1000.456)
                .set(Quantity.ENERGY_EXPORT_T1, 1000.456).set(Quantity.ENERGY_EXPORT_T2, 2000.789)
                .set(Quantity.TARIFF, 1).set(Quantity.POWER_IMPORT, 0.329).set(Quantity.POWER_EXPORT, 0)
                .set(Quantity.POWER_FAILURES, 0).set(Quantity.LONG_POWER_FAILURES, 0).set(Quantity.VOLTAGE_SAGS_L1, 0)
                .set(Quantity.VOLTAGE_SWELLS_L1, 0).set(Quantity.CURRENT_L1, 2).set(Quantity.POWER_IMPORT_L1, 0.329)
                .set(Quantity.POWER_EXPORT_L1, 0).mbus(List.of(new MBusDevice(2, 3, "4730303339",
                        OffsetDateTime.parse("2019-05-14T21:00:00+02:00"), 1543.012, Quantity.Unit.M3, -1)))
                .build();
    }

    private Map<String, JsonObject> configsByObject(P1Telegram t) {
        Map<String, JsonObject> out = new HashMap<>();
        for (OutboundMessage m : discovery.configs(t)) {
            assertThat(m.retained()).as(m.topic()).isTrue();
            String[] parts = m.topic().split("/");
            assertThat(parts).hasSize(5);
            assertThat(parts[0]).isEqualTo("homeassistant");
            assertThat(parts[1]).isEqualTo("sensor");
            assertThat(parts[4]).isEqualTo("config");
            assertThat(parts[2]).matches("[a-zA-Z0-9_-]+");
            assertThat(parts[3]).matches("[a-zA-Z0-9_-]+");
            out.put(parts[3], JsonParser.parseString(m.payloadText()).getAsJsonObject());
        }
        return out;
    }

    private static void assertSensor(JsonObject c, String deviceClass, String stateClass, String unit) {
        assertThat(c.get("device_class").getAsString()).isEqualTo(deviceClass);
        assertThat(c.get("state_class").getAsString()).isEqualTo(stateClass);
        assertThat(c.get("unit_of_measurement").getAsString()).isEqualTo(unit);
    }

    @Test
    void oneSensorPerReportedQuantityWithHomeAssistantClassesAndUnits() {
        Map<String, JsonObject> c = configsByObject(kaifa());
        assertThat(c.keySet()).containsExactlyInAnyOrder("tariff", "energy_import_t1", "energy_import_t2",
                "energy_export_t1", "energy_export_t2", "energy_import_total", "energy_export_total", "power_import",
                "power_export", "power_net", "power_failures", "long_power_failures", "voltage_sags_l1",
                "voltage_swells_l1", "current_l1", "power_import_l1", "power_export_l1", "gas");

        for (String e : List.of("energy_import_t1", "energy_import_t2", "energy_export_t1", "energy_export_t2",
                "energy_import_total", "energy_export_total")) {
            assertSensor(c.get(e), "energy", "total_increasing", "kWh");
        }
        for (String p : List.of("power_import", "power_export", "power_net", "power_import_l1", "power_export_l1")) {
            assertSensor(c.get(p), "power", "measurement", "W");
        }
        assertSensor(c.get("current_l1"), "current", "measurement", "A");
        assertSensor(c.get("gas"), "gas", "total_increasing", "m\u00b3");
        // counters: no device class, no unit
        assertThat(c.get("power_failures").has("device_class")).isFalse();
        assertThat(c.get("power_failures").has("unit_of_measurement")).isFalse();
        assertThat(c.get("tariff").has("device_class")).isFalse();

        // kW in the reading, W in Home Assistant
        assertThat(c.get("power_import").get("value_template").getAsString())
                .contains("value_json.currentUsage * 1000");
        assertThat(c.get("power_net").get("value_template").getAsString()).contains("value_json.calculatedUsage");
        assertThat(c.get("energy_import_t1").get("value_template").getAsString())
                .contains("{{ value_json.totalT1Use }}");
        assertThat(c.get("energy_import_total").get("value_template").getAsString())
                .contains("value_json.totalT1Use + value_json.totalT2Use");
    }

    @Test
    void everyConfigHasIdentityAvailabilityOriginAndStateTopic() {
        Map<String, JsonObject> c = configsByObject(kaifa());
        for (Map.Entry<String, JsonObject> e : c.entrySet()) {
            JsonObject o = e.getValue();
            assertThat(o.get("unique_id").getAsString()).endsWith("_" + e.getKey());
            // Home Assistant 2025.10 reads default_entity_id; object_id is deprecated there and not sent
            assertThat(o.get("default_entity_id").getAsString()).isEqualTo("sensor.p1meter_" + e.getKey());
            assertThat(o.has("object_id")).isFalse();
            assertThat(o.get("name").getAsString()).isNotBlank();
            assertThat(o.get("state_topic").getAsString()).isEqualTo("smartmeter/status/energy");
            assertThat(o.get("availability_topic").getAsString()).isEqualTo("smartmeter/connected");
            assertThat(o.get("payload_available").getAsString()).isEqualTo("2");
            assertThat(o.get("payload_not_available").getAsString()).isEqualTo("0");
            assertThat(o.getAsJsonObject("origin").get("name").getAsString()).isEqualTo("p1meter");
            assertThat(o.getAsJsonObject("device").getAsJsonArray("identifiers")).hasSize(1);
        }
        JsonObject meter = c.get("energy_import_t1").getAsJsonObject("device");
        assertThat(meter.getAsJsonArray("identifiers").get(0).getAsString()).isEqualTo("p1meter_4530303033");
        assertThat(meter.get("manufacturer").getAsString()).isEqualTo("Kaifa");
        assertThat(meter.get("model").getAsString()).isEqualTo("KAIFA-METER");
        assertThat(meter.get("sw_version").getAsString()).isEqualTo("42");
        assertThat(meter.get("serial_number").getAsString()).isEqualTo("E0003");
        assertThat(c.get("energy_import_t1").get("unique_id").getAsString())
                .isEqualTo("p1meter_4530303033_energy_import_t1");

        // the gas meter is its own device, reached through the electricity meter
        JsonObject gas = c.get("gas").getAsJsonObject("device");
        assertThat(gas.getAsJsonArray("identifiers").get(0).getAsString()).isEqualTo("p1meter_4730303339");
        assertThat(gas.get("via_device").getAsString()).isEqualTo("p1meter_4530303033");
        assertThat(gas.get("name").getAsString()).isEqualTo("Gas meter");
        assertThat(c.get("gas").get("value_template").getAsString()).contains("d.channel == 2").contains("d.value");
    }

    @Test
    void belgianThreePhaseMeterWithWaterGetsDemandVoltageAndWaterSensors() {
        P1Telegram t = new P1Telegram.Builder().header("FLU5\\253769484_A").equipmentId("3153414733313031303231363035")
                .set(Quantity.ENERGY_IMPORT_T1, 123.456).set(Quantity.ENERGY_IMPORT_T2, 789.012)
                .set(Quantity.POWER_IMPORT, 0.5).set(Quantity.VOLTAGE_L1, 232.0).set(Quantity.VOLTAGE_L2, 230.5)
                .set(Quantity.VOLTAGE_L3, 231.1).set(Quantity.CURRENT_L1, 1).set(Quantity.AVERAGE_DEMAND, 0.1)
                .peakDemand(new PeakDemand(null, OffsetDateTime.parse("2020-01-04T12:45:00+01:00"), 3.161))
                .mbus(List.of(new MBusDevice(1, 3, "37464C4F32313139303333373333", null, 671.79, Quantity.Unit.M3, 1),
                        new MBusDevice(2, 7, "3853414731323334353637383930", null, 112.384, Quantity.Unit.M3, -1)))
                .build();
        Map<String, JsonObject> c = configsByObject(t);
        assertThat(c.keySet())
                .contains("voltage_l1", "voltage_l2", "voltage_l3", "average_demand", "peak_demand", "gas", "water")
                .doesNotContain("power_export", "energy_export_t1", "tariff", "energy_export_total");
        assertSensor(c.get("voltage_l2"), "voltage", "measurement", "V");
        assertSensor(c.get("average_demand"), "power", "measurement", "W");
        assertSensor(c.get("peak_demand"), "power", "measurement", "W");
        assertSensor(c.get("water"), "water", "total_increasing", "m\u00b3");
        assertSensor(c.get("gas"), "gas", "total_increasing", "m\u00b3");
        assertThat(c.get("peak_demand").get("value_template").getAsString())
                .contains("value_json.peakDemand.value * 1000");
        JsonObject meter = c.get("voltage_l1").getAsJsonObject("device");
        assertThat(meter.get("manufacturer").getAsString()).isEqualTo("Fluvius");
        assertThat(meter.get("model").getAsString()).isEqualTo("53769484_A");
        assertThat(meter.has("sw_version")).isFalse();
        assertThat(c.get("water").getAsJsonObject("device").get("via_device").getAsString())
                .isEqualTo("p1meter_3153414733313031303231363035");
    }

    @Test
    void heatInGigajouleIsEnergyAndManufacturerCodesAreNamed() {
        P1Telegram t = new P1Telegram.Builder().header("ISK5\\2M550T-1012").p1Version("50")
                .mbus(List.of(new MBusDevice(1, 4, null, null, 2.654, Quantity.Unit.GJ, -1))).build();
        Map<String, JsonObject> c = configsByObject(t);
        assertSensor(c.get("heat"), "energy", "total_increasing", "GJ");
        JsonObject heatDevice = c.get("heat").getAsJsonObject("device");
        assertThat(heatDevice.get("via_device").getAsString()).isEqualTo("p1meter_Iskra_M550T-1012");
        assertThat(MeterIdentity.of(t).manufacturer()).isEqualTo("Iskra");
        assertThat(MeterIdentity.of(t).model()).isEqualTo("M550T-1012");
        assertThat(MeterIdentity.of(new P1Telegram.Builder().header("XMX5LGBBFG1012463568").build()).manufacturer())
                .isEqualTo("Landis+Gyr");
        assertThat(MeterIdentity.of(new P1Telegram.Builder().header("Ene5\\T210-D ESMR5.0").build()).model())
                .isEqualTo("T210-D ESMR5.0");
        assertThat(MeterIdentity.of(new P1Telegram.Builder().header("KAM5").build()).manufacturer())
                .isEqualTo("Kamstrup");
    }

    @Test
    void configTopicsGrowWhenANewQuantityAppears() {
        P1Telegram small = new P1Telegram.Builder().header("KFM5KAIFA-METER").equipmentId("45")
                .set(Quantity.POWER_IMPORT, 1).build();
        P1Telegram bigger = new P1Telegram.Builder().header("KFM5KAIFA-METER").equipmentId("45")
                .set(Quantity.POWER_IMPORT, 1).set(Quantity.VOLTAGE_L1, 230).build();
        assertThat(discovery.configTopics(bigger)).containsAll(discovery.configTopics(small))
                .contains("homeassistant/sensor/p1meter_45/voltage_l1/config")
                .hasSize(discovery.configTopics(small).size() + 1);
    }

    @Test
    void shapeIsEqualForNewValuesAndDiffersWhenTheSensorsWould() {
        P1Telegram first = kaifa();
        P1Telegram later = new P1Telegram.Builder().header("KFM5KAIFA-METER").p1Version("42").equipmentId("4530303033")
                .crcChecked(true).set(Quantity.ENERGY_IMPORT_T1, 2001).set(Quantity.ENERGY_IMPORT_T2, 1001)
                .set(Quantity.ENERGY_EXPORT_T1, 1001).set(Quantity.ENERGY_EXPORT_T2, 2001).set(Quantity.TARIFF, 2)
                .set(Quantity.POWER_IMPORT, 1.5).set(Quantity.POWER_EXPORT, 0).set(Quantity.POWER_FAILURES, 1)
                .set(Quantity.LONG_POWER_FAILURES, 0).set(Quantity.VOLTAGE_SAGS_L1, 0)
                .set(Quantity.VOLTAGE_SWELLS_L1, 0).set(Quantity.CURRENT_L1, 7).set(Quantity.POWER_IMPORT_L1, 1.5)
                .set(Quantity.POWER_EXPORT_L1, 0).mbus(List.of(new MBusDevice(2, 3, "4730303339",
                        OffsetDateTime.parse("2019-05-14T22:00:00+02:00"), 1544.5, Quantity.Unit.M3, -1)))
                .build();
        assertThat(discovery.shape(later)).isEqualTo(discovery.shape(first));
        assertThat(discovery.configTopics(later)).isEqualTo(discovery.configTopics(first));

        P1Telegram withVoltage = new P1Telegram.Builder().header("KFM5KAIFA-METER").equipmentId("4530303033")
                .set(Quantity.POWER_IMPORT, 1).set(Quantity.VOLTAGE_L1, 230).build();
        P1Telegram withoutVoltage = new P1Telegram.Builder().header("KFM5KAIFA-METER").equipmentId("4530303033")
                .set(Quantity.POWER_IMPORT, 1).build();
        P1Telegram otherMeter = new P1Telegram.Builder().header("KFM5KAIFA-METER").equipmentId("4530303034")
                .set(Quantity.POWER_IMPORT, 1).build();
        P1Telegram gasMeterSwapped = new P1Telegram.Builder().header("KFM5KAIFA-METER").equipmentId("4530303033")
                .set(Quantity.POWER_IMPORT, 1)
                .mbus(List.of(new MBusDevice(1, 3, "4730303340", null, 1.0, Quantity.Unit.M3, -1))).build();
        assertThat(List.of(discovery.shape(withVoltage), discovery.shape(withoutVoltage), discovery.shape(otherMeter),
                discovery.shape(gasMeterSwapped), discovery.shape(first))).doesNotHaveDuplicates();
    }

    @Test
    void countersAndTheTariffAreDiagnostic() {
        Map<String, JsonObject> c = configsByObject(kaifa());
        for (String d : List.of("tariff", "power_failures", "long_power_failures", "voltage_sags_l1",
                "voltage_swells_l1")) {
            assertThat(c.get(d).get("entity_category").getAsString()).as(d).isEqualTo("diagnostic");
        }
        for (String m : List.of("energy_import_t1", "energy_import_total", "power_net", "current_l1", "gas")) {
            assertThat(c.get(m).has("entity_category")).as(m).isFalse();
        }
    }

    @Test
    void theLiveGasMeterIsTheGasSensorAndAnEmptySlotHasNone() {
        // dsmr50_isk_am550_two_mbus: channel 1 an empty slot, channel 2 the gas meter
        List<OutboundMessage> two = discovery.configs(TestReadings.corpus("dsmr50_isk_am550_two_mbus"));
        List<OutboundMessage> gas = two.stream().filter(m -> m.topic().endsWith("/gas/config")).toList();
        assertThat(gas).hasSize(1);
        JsonObject g = JsonParser.parseString(gas.get(0).payloadText()).getAsJsonObject();
        assertThat(g.get("value_template").getAsString()).contains("d.channel == 2");
        assertThat(g.get("default_entity_id").getAsString()).isEqualTo("sensor.p1meter_gas");
        assertSensor(g, "gas", "total_increasing", "m\u00b3");
        assertThat(two).noneMatch(m -> m.payloadText().contains("d.channel == 1"));

        // a replaced gas meter still registered on channel 1 (2017) and the live one on channel 2: each its own
        // device; the live one is "the" gas sensor, the old one gets its channel in its name and entity id
        P1Telegram replaced = TelegramParser.parse(MBusCases.replacedGasMeter(), true);
        Map<String, JsonObject> byTopic = new HashMap<>();
        for (OutboundMessage m : discovery.configs(replaced)) {
            byTopic.put(m.topic(), JsonParser.parseString(m.payloadText()).getAsJsonObject());
        }
        JsonObject live = byTopic.get("homeassistant/sensor/p1meter_" + MBusCases.LIVE_GAS_SERIAL + "/gas/config");
        JsonObject old = byTopic.get("homeassistant/sensor/p1meter_" + MBusCases.OLD_GAS_SERIAL + "/gas/config");
        assertThat(live.get("default_entity_id").getAsString()).isEqualTo("sensor.p1meter_gas");
        assertThat(live.getAsJsonObject("device").get("name").getAsString()).isEqualTo("Gas meter");
        assertThat(live.get("value_template").getAsString()).contains("d.channel == 2");
        assertThat(old.get("default_entity_id").getAsString()).isEqualTo("sensor.p1meter_gas_1");
        assertThat(old.getAsJsonObject("device").get("name").getAsString()).isEqualTo("Gas meter 1");
        assertThat(live.get("unique_id").getAsString()).isNotEqualTo(old.get("unique_id").getAsString());
    }

    /**
     * What smartmeter2mqtt 1.6.0 announced for this telegram (captured from it, fed dsmr50_isk_am550_two_mbus):
     * topic object -> unique id. Its T1/T2 sensors had device class power with unit kWh and no state class.
     */
    private static final Map<String, String> SMARTMETER2MQTT = Map.of( //
            "power-usage", "smartmeter_4530303434303037333832323436303139_current-usage", "t1-used",
            "smartmeter_4530303434303037333832323436303139_total_t1_used", "t2-used",
            "smartmeter_4530303434303037333832323436303139_total_t2_used", "t1-delivered",
            "smartmeter_4530303434303037333832323436303139_total_t1_delivered", "t2-delivered",
            "smartmeter_4530303434303037333832323436303139_total_t2_delivered", "gas",
            "smartmeter_4730303339303031393336393930363139_total_gas");

    @Test
    void adoptingSmartmeter2mqttsEntitiesUsesItsTopicsAndUniqueIdsWithCorrectClasses() {
        HaDiscovery adopt = new HaDiscovery("smartmeter", "homeassistant", "1.0", Smartmeter2mqttEntities.ADOPT);
        P1Telegram t = TestReadings.corpus("dsmr50_isk_am550_two_mbus");
        Map<String, JsonObject> adopted = new HashMap<>();
        List<String> cleared = new java.util.ArrayList<>();
        for (OutboundMessage m : adopt.configs(t)) {
            assertThat(m.retained()).isTrue();
            if (m.payload().length == 0) {
                cleared.add(m.topic());
            } else if (m.topic().startsWith("homeassistant/sensor/smartmeter/")) {
                adopted.put(m.topic().split("/")[3], JsonParser.parseString(m.payloadText()).getAsJsonObject());
            }
        }
        assertThat(adopted.keySet()).containsExactlyInAnyOrderElementsOf(SMARTMETER2MQTT.keySet());
        for (Map.Entry<String, String> e : SMARTMETER2MQTT.entrySet()) {
            assertThat(adopted.get(e.getKey()).get("unique_id").getAsString()).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertSensor(adopted.get("t1-used"), "energy", "total_increasing", "kWh");
        assertSensor(adopted.get("t2-delivered"), "energy", "total_increasing", "kWh");
        assertSensor(adopted.get("power-usage"), "power", "measurement", "W");
        assertSensor(adopted.get("gas"), "gas", "total_increasing", "m\u00b3");
        assertThat(adopted.get("t1-used").getAsJsonObject("device").getAsJsonArray("identifiers").get(0).getAsString())
                .isEqualTo("p1meter_4530303434303037333832323436303139");
        // this project's own configs for the same sensors are cleared, so that none shows twice
        assertThat(cleared).containsExactlyInAnyOrder(
                "homeassistant/sensor/p1meter_4530303434303037333832323436303139/power_net/config",
                "homeassistant/sensor/p1meter_4530303434303037333832323436303139/energy_import_t1/config",
                "homeassistant/sensor/p1meter_4530303434303037333832323436303139/energy_import_t2/config",
                "homeassistant/sensor/p1meter_4530303434303037333832323436303139/energy_export_t1/config",
                "homeassistant/sensor/p1meter_4530303434303037333832323436303139/energy_export_t2/config",
                "homeassistant/sensor/p1meter_4730303339303031393336393930363139/gas/config");
        // everything else as without adopting
        assertThat(adopt.configs(t).stream().map(OutboundMessage::topic))
                .contains("homeassistant/sensor/p1meter_4530303434303037333832323436303139/voltage_l1/config");
        assertThat(adopt.smartmeter2mqttConfigTopics()).containsExactlyInAnyOrderElementsOf(SMARTMETER2MQTT.keySet()
                .stream().map(o -> "homeassistant/sensor/smartmeter/" + o + "/config").toList());
    }
}
