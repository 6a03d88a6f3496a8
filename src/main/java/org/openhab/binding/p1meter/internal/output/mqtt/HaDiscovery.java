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

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.HaClass;
import org.openhab.binding.p1meter.internal.dsmr.MBusDevice;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Home Assistant MQTT discovery for what a meter actually reports: one sensor per quantity present in the
 * telegram, plus one device with its own sensor per M-Bus device (gas, water, heat). Every sensor reads its
 * value with a template from the JSON reading on {@code <prefix>/status/energy} and is available while
 * {@code <prefix>/connected} is {@code 2}.
 *
 * <p>
 * What a quantity's sensor is (device class, state class, unit, icon, diagnostic or not) is its descriptor's
 * {@link HaClass}; kW become W, the unit Home Assistant's power sensors and Energy dashboard expect.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class HaDiscovery {

    public static final String ORIGIN_NAME = "p1meter";

    private static final String CUBIC_METRE = "m\u00b3";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private static final Quantity[] QUANTITIES = Quantity.values();

    private final String topicPrefix;
    private final String discoveryPrefix;
    private final String originVersion;
    private final Smartmeter2mqttEntities smartmeter2mqttEntities;

    public HaDiscovery(String topicPrefix, String discoveryPrefix, String originVersion) {
        this(topicPrefix, discoveryPrefix, originVersion, Smartmeter2mqttEntities.LEAVE);
    }

    /** With {@link Smartmeter2mqttEntities#ADOPT}, the sensors smartmeter2mqtt announced keep its topics and ids. */
    public HaDiscovery(String topicPrefix, String discoveryPrefix, String originVersion,
            Smartmeter2mqttEntities smartmeter2mqttEntities) {
        this.topicPrefix = topicPrefix;
        this.discoveryPrefix = discoveryPrefix;
        this.originVersion = originVersion;
        this.smartmeter2mqttEntities = smartmeter2mqttEntities;
    }

    /** Every sensor the telegram has data for. */
    public List<HaSensor> sensors(P1Telegram telegram) {
        MeterIdentity id = MeterIdentity.of(telegram);
        String serial = id.serial();
        String meterNode = "p1meter_" + sanitize(serial != null ? serial : id.manufacturer() + "_" + id.model());
        HaDevice meter = new HaDevice(meterNode, "P1 meter", id.manufacturer(), id.model(), telegram.p1Version(),
                MeterIdentity.readableSerial(serial), null);

        List<HaSensor> sensors = new ArrayList<>();
        for (Quantity q : QUANTITIES) {
            if (!telegram.has(q)) {
                continue;
            }
            HaClass k = q.ha();
            String field = q.jsonName();
            String template = k.kiloToBase() ? kiloTemplate("value_json." + field, field)
                    : plainTemplate("value_json." + field, field);
            String objectId = q.name().toLowerCase(Locale.ROOT);
            sensors.add(new HaSensor(meter, objectId, displayName(q), k.deviceClass(), k.stateClass(), k.unit(),
                    template, k.icon(), "p1meter_" + objectId, k.diagnostic(), null));
        }
        HaClass power = HaClass.POWER;
        if (telegram.has(Quantity.POWER_IMPORT) || telegram.has(Quantity.POWER_EXPORT)) {
            // calculatedUsage is in W already
            sensors.add(new HaSensor(meter, "power_net", "Power net", power.deviceClass(), power.stateClass(),
                    power.unit(), plainTemplate("value_json.calculatedUsage", "calculatedUsage"), null));
        }
        for (Quantity q : QUANTITIES) {
            if (!q.tariffs().isEmpty()) {
                addTariffTotal(telegram, meter, sensors, q);
            }
        }
        if (telegram.peakDemand() != null) {
            sensors.add(new HaSensor(meter, "peak_demand", "Peak demand this month", power.deviceClass(),
                    power.stateClass(), power.unit(), kiloTemplate("value_json.peakDemand.value", "peakDemand"), null));
        }

        for (MBusDevice d : telegram.mbus()) {
            if (!d.hasValue()) {
                continue;
            }
            // "the" gas (water, heat) meter: the JSON reading's gas, the one the Energy dashboard wants
            HaSensor s = mbusSensor(d, meter, d.equals(telegram.mbus(d.kind())));
            if (s != null) {
                sensors.add(s);
            }
        }
        return smartmeter2mqttEntities == Smartmeter2mqttEntities.ADOPT ? adopt(telegram, sensors) : sensors;
    }

    /**
     * smartmeter2mqtt 1.6.0's discovery: object under {@code <prefix>/sensor/smartmeter/}, this project's object id,
     * and the suffix of its unique id {@code smartmeter_<serial>_<suffix>}.
     */
    private static final String[][] SMARTMETER2MQTT_SENSORS = { { "power-usage", "power_net", "current-usage" },
            { "t1-used", "energy_import_t1", "total_t1_used" }, { "t2-used", "energy_import_t2", "total_t2_used" },
            { "t1-delivered", "energy_export_t1", "total_t1_delivered" },
            { "t2-delivered", "energy_export_t2", "total_t2_delivered" } };

    /** The sensors smartmeter2mqtt announced, under its topics and unique ids (the others as they are). */
    private static List<HaSensor> adopt(P1Telegram telegram, List<HaSensor> sensors) {
        String powerSn = telegram.equipmentId();
        MBusDevice gas = telegram.mbus(MBusDevice.Kind.GAS);
        String gasSn = gas == null ? null : gas.serial();
        List<HaSensor> out = new ArrayList<>(sensors.size());
        for (HaSensor s : sensors) {
            HaSensor adopted = s;
            if (powerSn != null && s.device().viaDevice() == null) {
                for (String[] row : SMARTMETER2MQTT_SENSORS) {
                    if (row[1].equals(s.objectId())) {
                        adopted = s.adopt(row[0], "smartmeter_" + powerSn + "_" + row[2]);
                    }
                }
            } else if (gasSn != null && "gas".equals(s.objectId()) && "p1meter_gas".equals(s.entityObjectId())) {
                adopted = s.adopt("gas", "smartmeter_" + gasSn + "_total_gas");
            }
            out.add(adopted);
        }
        return out;
    }

    /** Topics of smartmeter2mqtt's discovery configs, for {@link Smartmeter2mqttEntities#REMOVE}. */
    public List<String> smartmeter2mqttConfigTopics() {
        List<String> topics = new ArrayList<>();
        for (String[] row : SMARTMETER2MQTT_SENSORS) {
            topics.add(discoveryPrefix + "/sensor/" + HaSensor.SMARTMETER2MQTT_NODE + "/" + row[0] + "/config");
        }
        topics.add(discoveryPrefix + "/sensor/" + HaSensor.SMARTMETER2MQTT_NODE + "/gas/config");
        return topics;
    }

    /** The retained discovery configs for the telegram's sensors. */
    public List<OutboundMessage> configs(P1Telegram telegram) {
        List<HaSensor> sensors = sensors(telegram);
        List<OutboundMessage> messages = new ArrayList<>(sensors.size());
        for (HaSensor s : sensors) {
            messages.add(OutboundMessage.of(s.configTopic(discoveryPrefix), GSON.toJson(config(s)), true));
            if (s.adopted() != null) {
                // a config this project may have sent under its own name before: gone, or the sensor is there twice
                messages.add(OutboundMessage.of(s.ownConfigTopic(discoveryPrefix), "", true));
            }
        }
        return messages;
    }

    /**
     * What decides which sensors a telegram has and what their topics are: telegrams of equal shape have equal
     * {@link #configTopics}. Cheap enough for every telegram, unlike building the sensors.
     */
    public Shape shape(P1Telegram telegram) {
        BitSet present = new BitSet(QUANTITIES.length);
        for (Quantity q : QUANTITIES) {
            if (telegram.has(q)) {
                present.set(q.ordinal());
            }
        }
        List<String> mbus = new ArrayList<>(telegram.mbus().size());
        for (MBusDevice d : telegram.mbus()) {
            // which device is "the" gas meter changes its sensor's name and entity id
            mbus.add(d.channel() + "/" + d.deviceType() + "/" + d.serial() + "/" + d.unit() + "/" + d.hasValue()
                    + (d.equals(telegram.mbus(d.kind())) ? "/primary" : ""));
        }
        return new Shape(telegram.header(), telegram.equipmentId(), present, telegram.peakDemand() != null, mbus);
    }

    /** See {@link #shape}. */
    public record Shape(String header, @Nullable String equipmentId, BitSet quantities, boolean peakDemand,
            List<String> mbus) {
    }

    /** The discovery config topics of the telegram's sensors: tells when a new quantity appears. */
    public Set<String> configTopics(P1Telegram telegram) {
        Set<String> topics = new HashSet<>();
        for (HaSensor s : sensors(telegram)) {
            topics.add(s.configTopic(discoveryPrefix));
        }
        return topics;
    }

    /** The config payload of one sensor. */
    public JsonObject config(HaSensor s) {
        JsonObject c = new JsonObject();
        // MQTT entities have has_entity_name set: the name is the entity's own, shown after the device's name
        c.addProperty("name", s.name());
        c.addProperty("unique_id", s.uniqueId());
        // the entity id Home Assistant (2025.10 and later) gives the entity when it creates it; object_id, which
        // earlier versions read for that, is deprecated and no longer sent
        c.addProperty("default_entity_id", "sensor." + s.entityObjectId());
        c.addProperty("state_topic", topicPrefix + "/status/energy");
        c.addProperty("value_template", s.valueTemplate());
        if (s.deviceClass() != null) {
            c.addProperty("device_class", s.deviceClass());
        }
        if (s.stateClass() != null) {
            c.addProperty("state_class", s.stateClass());
        }
        if (s.unit() != null) {
            c.addProperty("unit_of_measurement", s.unit());
        }
        if (s.icon() != null) {
            c.addProperty("icon", s.icon());
        }
        if (s.diagnostic()) {
            c.addProperty("entity_category", "diagnostic");
        }
        c.addProperty("availability_topic", topicPrefix + "/connected");
        c.addProperty("payload_available", "2");
        c.addProperty("payload_not_available", "0");
        c.add("device", device(s.device()));
        JsonObject origin = new JsonObject();
        origin.addProperty("name", ORIGIN_NAME);
        origin.addProperty("sw_version", originVersion);
        c.add("origin", origin);
        return c;
    }

    private static JsonObject device(HaDevice d) {
        JsonObject o = new JsonObject();
        JsonArray ids = new JsonArray();
        ids.add(d.nodeId());
        o.add("identifiers", ids);
        o.addProperty("name", d.name());
        if (d.manufacturer() != null) {
            o.addProperty("manufacturer", d.manufacturer());
        }
        o.addProperty("model", d.model());
        if (d.swVersion() != null) {
            o.addProperty("sw_version", d.swVersion());
        }
        if (d.serialNumber() != null) {
            o.addProperty("serial_number", d.serialNumber());
        }
        if (d.viaDevice() != null) {
            o.addProperty("via_device", d.viaDevice());
        }
        return o;
    }

    /**
     * A total over the tariffs when the meter does not send one itself (most Dutch meters): the Energy
     * dashboard then needs one sensor instead of one per tariff. Rendered only when every tariff is in the
     * reading, so that a missing field never looks like a drop to Home Assistant's total_increasing logic.
     */
    private static void addTariffTotal(P1Telegram telegram, HaDevice meter, List<HaSensor> sensors, Quantity total) {
        if (telegram.has(total)) {
            return;
        }
        List<String> fields = telegram.tariffsOf(total).stream().map(Quantity::jsonName).toList();
        if (fields.size() < 2) {
            return;
        }
        StringBuilder cond = new StringBuilder();
        StringBuilder sum = new StringBuilder();
        for (String f : fields) {
            cond.append(cond.length() == 0 ? "" : " and ").append("value_json.").append(f).append(" is defined");
            sum.append(sum.length() == 0 ? "" : " + ").append("value_json.").append(f);
        }
        HaClass k = total.ha();
        sensors.add(new HaSensor(meter, total.name().toLowerCase(Locale.ROOT), displayName(total), k.deviceClass(),
                k.stateClass(), k.unit(), "{% if " + cond + " %}{{ (" + sum + ") | round(3) }}{% endif %}", null));
    }

    private @Nullable HaSensor mbusSensor(MBusDevice d, HaDevice meter, boolean primary) {
        String deviceClass;
        String stateClass = HaClass.TOTAL_INCREASING;
        String unit = unitSymbol(d.unit());
        String kindName;
        String deviceName;
        switch (d.kind()) {
            case GAS:
                kindName = "gas";
                deviceName = "Gas meter";
                deviceClass = d.unit() == Quantity.Unit.M3 ? "gas" : null;
                break;
            case WATER:
                kindName = "water";
                deviceName = "Water meter";
                deviceClass = d.unit() == Quantity.Unit.M3 ? "water" : null;
                break;
            case HEAT:
                kindName = "heat";
                deviceName = "Heat meter";
                deviceClass = d.unit() == Quantity.Unit.GJ || d.unit() == Quantity.Unit.KWH ? "energy" : null;
                break;
            case ELECTRICITY:
                kindName = "energy";
                deviceName = "Electricity sub-meter";
                deviceClass = d.unit() == Quantity.Unit.KWH ? "energy" : null;
                break;
            default:
                kindName = "mbus";
                deviceName = "M-Bus device";
                deviceClass = null;
        }
        String serial = d.serial();
        String node = serial != null && !serial.isBlank() && !serial.matches("0+") ? "p1meter_" + sanitize(serial)
                : meter.nodeId() + "_mbus" + d.channel();
        // one sensor per device: the object id needs no channel, and stays when another device becomes primary
        String entityObjectId = "p1meter_" + (primary ? kindName : kindName + "_" + d.channel());
        HaDevice device = new HaDevice(node, deviceName + (primary ? "" : " " + d.channel()), null,
                "M-Bus device type " + d.deviceType(), null, MeterIdentity.readableSerial(serial), meter.nodeId());
        String template = "{% if value_json.mbus is defined %}{% for d in value_json.mbus if d.channel == "
                + d.channel() + " %}{{ d.value }}{% endfor %}{% endif %}";
        return new HaSensor(device, kindName, capitalize("mbus".equals(kindName) ? "reading" : kindName), deviceClass,
                stateClass, unit, template, null, entityObjectId, false, null);
    }

    private static @Nullable String unitSymbol(Quantity.Unit unit) {
        switch (unit) {
            case NONE:
                return null;
            case M3:
                return CUBIC_METRE;
            default:
                return unit.symbol();
        }
    }

    private static String plainTemplate(String expr, String topField) {
        return "{% if value_json." + topField + " is defined %}{{ " + expr + " }}{% endif %}";
    }

    /** kW to W (kvar to var, kVA to VA): Home Assistant's power sensors and the Energy dashboard expect W. */
    private static String kiloTemplate(String expr, String topField) {
        return "{% if value_json." + topField + " is defined %}{{ (" + expr + " * 1000) | round(0) | int }}{% endif %}";
    }

    /** {@code ENERGY_IMPORT_T1} -> {@code Energy import T1}. */
    static String displayName(Quantity q) {
        String[] words = q.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.matches("[lt][0-9]") ? w.toUpperCase(Locale.ROOT) : w);
        }
        return capitalize(sb.toString());
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Home Assistant allows [a-zA-Z0-9_-] in node and object ids. */
    static String sanitize(String s) {
        String t = s.replaceAll("[^A-Za-z0-9_-]", "_");
        return t.length() > 64 ? t.substring(0, 64) : t;
    }
}
