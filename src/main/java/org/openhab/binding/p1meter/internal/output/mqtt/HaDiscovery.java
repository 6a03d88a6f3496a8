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
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
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
 * The sensor table is data: a quantity's unit decides device class, state class and unit (kW become W, the
 * unit Home Assistant's power sensors and Energy dashboard expect), with a few quantities overridden.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class HaDiscovery {

    public static final String ORIGIN_NAME = "p1meter";

    private static final String MEASUREMENT = "measurement";
    private static final String TOTAL_INCREASING = "total_increasing";
    private static final String CUBIC_METRE = "m\u00b3";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private static final Quantity[] QUANTITIES = Quantity.values();
    private static final Quantity[] IMPORT_TARIFFS = { Quantity.ENERGY_IMPORT_T1, Quantity.ENERGY_IMPORT_T2,
            Quantity.ENERGY_IMPORT_T3, Quantity.ENERGY_IMPORT_T4 };
    private static final Quantity[] EXPORT_TARIFFS = { Quantity.ENERGY_EXPORT_T1, Quantity.ENERGY_EXPORT_T2,
            Quantity.ENERGY_EXPORT_T3, Quantity.ENERGY_EXPORT_T4 };

    /** Sensor kind per quantity, decided once. */
    private static final Map<Quantity, Kind> KINDS = new EnumMap<>(Quantity.class);

    static {
        for (Quantity q : QUANTITIES) {
            KINDS.put(q, kindOf(q));
        }
    }

    /** How a quantity appears in Home Assistant. */
    private record Kind(@Nullable String deviceClass, @Nullable String stateClass, @Nullable String unit,
            boolean kiloToBase, @Nullable String icon) {
    }

    private final String topicPrefix;
    private final String discoveryPrefix;
    private final String originVersion;

    public HaDiscovery(String topicPrefix, String discoveryPrefix, String originVersion) {
        this.topicPrefix = topicPrefix;
        this.discoveryPrefix = discoveryPrefix;
        this.originVersion = originVersion;
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
            Kind k = KINDS.get(q);
            if (k == null) {
                continue;
            }
            String field = q.jsonName();
            String template = k.kiloToBase ? kiloTemplate("value_json." + field, field)
                    : plainTemplate("value_json." + field, field);
            sensors.add(new HaSensor(meter, q.name().toLowerCase(Locale.ROOT), displayName(q), k.deviceClass,
                    k.stateClass, k.unit, template, k.icon));
        }
        if (telegram.has(Quantity.POWER_IMPORT) || telegram.has(Quantity.POWER_EXPORT)) {
            sensors.add(new HaSensor(meter, "power_net", "Power net", "power", MEASUREMENT, "W",
                    plainTemplate("value_json.calculatedUsage", "calculatedUsage"), null));
        }
        addTariffTotal(telegram, meter, sensors, Quantity.ENERGY_IMPORT_TOTAL, IMPORT_TARIFFS);
        addTariffTotal(telegram, meter, sensors, Quantity.ENERGY_EXPORT_TOTAL, EXPORT_TARIFFS);
        if (telegram.peakDemand() != null) {
            sensors.add(new HaSensor(meter, "peak_demand", "Peak demand this month", "power", MEASUREMENT, "W",
                    kiloTemplate("value_json.peakDemand.value", "peakDemand"), null));
        }

        Set<MBusDevice.Kind> seenKinds = new HashSet<>();
        for (MBusDevice d : telegram.mbus()) {
            if (!d.hasValue()) {
                continue;
            }
            HaSensor s = mbusSensor(d, meter, seenKinds.add(d.kind()));
            if (s != null) {
                sensors.add(s);
            }
        }
        return sensors;
    }

    /** The retained discovery configs for the telegram's sensors. */
    public List<OutboundMessage> configs(P1Telegram telegram) {
        List<HaSensor> sensors = sensors(telegram);
        List<OutboundMessage> messages = new ArrayList<>(sensors.size());
        for (HaSensor s : sensors) {
            messages.add(OutboundMessage.of(s.configTopic(discoveryPrefix), GSON.toJson(config(s)), true));
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
            mbus.add(d.channel() + "/" + d.deviceType() + "/" + d.serial() + "/" + d.unit() + "/" + d.hasValue());
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
        c.addProperty("name", s.name());
        c.addProperty("unique_id", s.uniqueId());
        String entityObjectId = entityObjectId(s);
        // object_id for Home Assistant before 2025.10, default_entity_id for later versions
        c.addProperty("object_id", entityObjectId);
        c.addProperty("default_entity_id", "sensor." + entityObjectId);
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

    private static String entityObjectId(HaSensor s) {
        return "p1meter_" + s.objectId();
    }

    /**
     * A total over the tariffs when the meter does not send one itself (most Dutch meters): the Energy
     * dashboard then needs one sensor instead of one per tariff. Rendered only when every tariff is in the
     * reading, so that a missing field never looks like a drop to Home Assistant's total_increasing logic.
     */
    private static void addTariffTotal(P1Telegram telegram, HaDevice meter, List<HaSensor> sensors,
            Quantity total, Quantity[] tariffs) {
        if (telegram.has(total)) {
            return;
        }
        List<String> fields = new ArrayList<>();
        for (Quantity t : tariffs) {
            if (telegram.has(t)) {
                fields.add(t.jsonName());
            }
        }
        if (fields.size() < 2) {
            return;
        }
        StringBuilder cond = new StringBuilder();
        StringBuilder sum = new StringBuilder();
        for (String f : fields) {
            cond.append(cond.length() == 0 ? "" : " and ").append("value_json.").append(f).append(" is defined");
            sum.append(sum.length() == 0 ? "" : " + ").append("value_json.").append(f);
        }
        Kind k = KINDS.get(total);
        sensors.add(new HaSensor(meter, total.name().toLowerCase(Locale.ROOT), displayName(total),
                k == null ? null : k.deviceClass, TOTAL_INCREASING, "kWh",
                "{% if " + cond + " %}{{ (" + sum + ") | round(3) }}{% endif %}", null));
    }

    private @Nullable HaSensor mbusSensor(MBusDevice d, HaDevice meter, boolean firstOfKind) {
        String deviceClass;
        String stateClass = TOTAL_INCREASING;
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
        String node = serial != null && !serial.isBlank() && !serial.matches("0+")
                ? "p1meter_" + sanitize(serial)
                : meter.nodeId() + "_mbus" + d.channel();
        String objectId = firstOfKind ? kindName : kindName + "_" + d.channel();
        HaDevice device = new HaDevice(node, deviceName + (firstOfKind ? "" : " " + d.channel()),
                null, "M-Bus device type " + d.deviceType(), null, MeterIdentity.readableSerial(serial),
                meter.nodeId());
        String template = "{% if value_json.mbus is defined %}{% for d in value_json.mbus if d.channel == "
                + d.channel() + " %}{{ d.value }}{% endfor %}{% endif %}";
        return new HaSensor(device, objectId, capitalize("mbus".equals(kindName) ? "reading" : kindName),
                deviceClass, stateClass, unit, template, null);
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

    private static Kind kindOf(Quantity q) {
        switch (q) {
            case TARIFF:
                return new Kind(null, null, null, false, "mdi:clock-outline");
            case POWER_FAILURES:
            case LONG_POWER_FAILURES:
                return new Kind(null, TOTAL_INCREASING, null, false, "mdi:flash-off");
            case VOLTAGE_SAGS_L1:
            case VOLTAGE_SAGS_L2:
            case VOLTAGE_SAGS_L3:
            case VOLTAGE_SWELLS_L1:
            case VOLTAGE_SWELLS_L2:
            case VOLTAGE_SWELLS_L3:
                return new Kind(null, TOTAL_INCREASING, null, false, "mdi:sine-wave");
            case POWER_FACTOR:
            case POWER_FACTOR_L1:
            case POWER_FACTOR_L2:
            case POWER_FACTOR_L3:
                return new Kind("power_factor", MEASUREMENT, null, false, null);
            case BREAKER_STATE:
                return new Kind(null, null, null, false, "mdi:electric-switch");
            default:
                break;
        }
        switch (q.unit()) {
            case KWH:
                return new Kind("energy", TOTAL_INCREASING, "kWh", false, null);
            case KW:
                return new Kind("power", MEASUREMENT, "W", true, null);
            case V:
                return new Kind("voltage", MEASUREMENT, "V", false, null);
            case A:
                return new Kind("current", MEASUREMENT, "A", false, null);
            case HZ:
                return new Kind("frequency", MEASUREMENT, "Hz", false, null);
            case KVARH:
                return new Kind("reactive_energy", TOTAL_INCREASING, "kvarh", false, null);
            case KVAR:
                return new Kind("reactive_power", MEASUREMENT, "var", true, null);
            case KVA:
                return new Kind("apparent_power", MEASUREMENT, "VA", true, null);
            default:
                return new Kind(null, MEASUREMENT, null, false, null);
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
