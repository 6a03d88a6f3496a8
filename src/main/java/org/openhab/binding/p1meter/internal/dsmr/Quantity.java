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
package org.openhab.binding.p1meter.internal.dsmr;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Every numeric quantity of the electricity meter that a telegram can carry, already normalised to the
 * unit given here (Austrian meters send Wh and W; the parser converts), and how each output shows it: the one
 * place that says so. The JSON name is the field name of the JSON reading; the smartmeter2mqtt names (including
 * its spelling {@code currentTarrif}) are kept so existing consumers keep working. The {@link Channel} is the
 * openHAB channel that shows it, when there is one (the channel XML declares its type: a test holds the two
 * together), the {@link HaClass} how Home Assistant's discovery announces it. Which OBIS objects carry a quantity
 * is the {@link ObisCatalogue}'s business.
 *
 * <p>
 * M-Bus devices (gas, water, heat) are not quantities of the electricity meter: see {@link MBusDevice}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public enum Quantity {
    TARIFF("currentTarrif", Unit.NONE, HaClass.TARIFF, "tariff", "Number", ""),

    ENERGY_IMPORT_T1("totalT1Use", Unit.KWH, HaClass.ENERGY, "energy-import-t1", "Number:Energy", "kWh"),
    ENERGY_IMPORT_T2("totalT2Use", Unit.KWH, HaClass.ENERGY, "energy-import-t2", "Number:Energy", "kWh"),
    ENERGY_IMPORT_T3("totalT3Use", Unit.KWH, HaClass.ENERGY, "energy-import-t3", "Number:Energy", "kWh"),
    ENERGY_IMPORT_T4("totalT4Use", Unit.KWH, HaClass.ENERGY, "energy-import-t4", "Number:Energy", "kWh"),
    /**
     * 1-0:1.8.0, sent by Austrian, Luxembourg and Hungarian meters; never computed from the tariffs in the JSON
     * reading. Its channel (and Home Assistant sensor) shows the sum of the tariffs when the meter sends no total.
     */
    ENERGY_IMPORT_TOTAL("totalUse", Unit.KWH, HaClass.ENERGY, "energy-import-total", "Number:Energy", "kWh",
            ENERGY_IMPORT_T1, ENERGY_IMPORT_T2, ENERGY_IMPORT_T3, ENERGY_IMPORT_T4),
    ENERGY_EXPORT_T1("totalT1Delivered", Unit.KWH, HaClass.ENERGY, "energy-export-t1", "Number:Energy", "kWh"),
    ENERGY_EXPORT_T2("totalT2Delivered", Unit.KWH, HaClass.ENERGY, "energy-export-t2", "Number:Energy", "kWh"),
    ENERGY_EXPORT_T3("totalT3Delivered", Unit.KWH, HaClass.ENERGY, "energy-export-t3", "Number:Energy", "kWh"),
    ENERGY_EXPORT_T4("totalT4Delivered", Unit.KWH, HaClass.ENERGY, "energy-export-t4", "Number:Energy", "kWh"),
    ENERGY_EXPORT_TOTAL("totalDelivered", Unit.KWH, HaClass.ENERGY, "energy-export-total", "Number:Energy", "kWh",
            ENERGY_EXPORT_T1, ENERGY_EXPORT_T2, ENERGY_EXPORT_T3, ENERGY_EXPORT_T4),

    POWER_IMPORT("currentUsage", Unit.KW, HaClass.POWER, "power-import", "Number:Power", "W"),
    POWER_EXPORT("currentDelivery", Unit.KW, HaClass.POWER, "power-export", "Number:Power", "W"),

    POWER_FAILURES("powerFailures", Unit.NONE, HaClass.FAILURE_COUNT, "power-failures", "Number", ""),
    LONG_POWER_FAILURES("longPowerFailures", Unit.NONE, HaClass.FAILURE_COUNT, "long-power-failures", "Number", ""),
    VOLTAGE_SAGS_L1("voltageSagsL1", Unit.NONE, HaClass.VOLTAGE_EVENT_COUNT, "voltage-sags-l1", "Number", ""),
    VOLTAGE_SAGS_L2("voltageSagsL2", Unit.NONE, HaClass.VOLTAGE_EVENT_COUNT, "voltage-sags-l2", "Number", ""),
    VOLTAGE_SAGS_L3("voltageSagsL3", Unit.NONE, HaClass.VOLTAGE_EVENT_COUNT, "voltage-sags-l3", "Number", ""),
    VOLTAGE_SWELLS_L1("voltageSwellsL1", Unit.NONE, HaClass.VOLTAGE_EVENT_COUNT, "voltage-swells-l1", "Number", ""),
    VOLTAGE_SWELLS_L2("voltageSwellsL2", Unit.NONE, HaClass.VOLTAGE_EVENT_COUNT, "voltage-swells-l2", "Number", ""),
    VOLTAGE_SWELLS_L3("voltageSwellsL3", Unit.NONE, HaClass.VOLTAGE_EVENT_COUNT, "voltage-swells-l3", "Number", ""),

    VOLTAGE_L1("voltageL1", Unit.V, HaClass.VOLTAGE, "voltage-l1", "Number:ElectricPotential", "V"),
    VOLTAGE_L2("voltageL2", Unit.V, HaClass.VOLTAGE, "voltage-l2", "Number:ElectricPotential", "V"),
    VOLTAGE_L3("voltageL3", Unit.V, HaClass.VOLTAGE, "voltage-l3", "Number:ElectricPotential", "V"),
    CURRENT_L1("currentL1", Unit.A, HaClass.CURRENT, "current-l1", "Number:ElectricCurrent", "A"),
    CURRENT_L2("currentL2", Unit.A, HaClass.CURRENT, "current-l2", "Number:ElectricCurrent", "A"),
    CURRENT_L3("currentL3", Unit.A, HaClass.CURRENT, "current-l3", "Number:ElectricCurrent", "A"),
    CURRENT_NEUTRAL("currentNeutral", Unit.A, HaClass.CURRENT),
    POWER_IMPORT_L1("currentUsageL1", Unit.KW, HaClass.POWER, "power-import-l1", "Number:Power", "W"),
    POWER_IMPORT_L2("currentUsageL2", Unit.KW, HaClass.POWER, "power-import-l2", "Number:Power", "W"),
    POWER_IMPORT_L3("currentUsageL3", Unit.KW, HaClass.POWER, "power-import-l3", "Number:Power", "W"),
    POWER_EXPORT_L1("currentDeliveryL1", Unit.KW, HaClass.POWER, "power-export-l1", "Number:Power", "W"),
    POWER_EXPORT_L2("currentDeliveryL2", Unit.KW, HaClass.POWER, "power-export-l2", "Number:Power", "W"),
    POWER_EXPORT_L3("currentDeliveryL3", Unit.KW, HaClass.POWER, "power-export-l3", "Number:Power", "W"),

    /** Belgian capacity tariff: current quarter-hour average demand, 1-0:1.4.0. */
    AVERAGE_DEMAND("averageDemand", Unit.KW, HaClass.POWER, "average-demand", "Number:Power", "kW"),

    /** Luxembourg / Austria / Hungary: reactive energy and power. */
    REACTIVE_ENERGY_IMPORT("totalReactiveUse", Unit.KVARH, HaClass.REACTIVE_ENERGY, "reactive-energy-import",
            "Number:Energy", "kvarh"),
    REACTIVE_ENERGY_EXPORT("totalReactiveDelivered", Unit.KVARH, HaClass.REACTIVE_ENERGY, "reactive-energy-export",
            "Number:Energy", "kvarh"),
    REACTIVE_POWER_IMPORT("currentReactiveUsage", Unit.KVAR, HaClass.REACTIVE_POWER, "reactive-power-import",
            "Number:Power", "var"),
    REACTIVE_POWER_EXPORT("currentReactiveDelivery", Unit.KVAR, HaClass.REACTIVE_POWER, "reactive-power-export",
            "Number:Power", "var"),
    APPARENT_POWER_IMPORT("currentApparentUsage", Unit.KVA, HaClass.APPARENT_POWER, "apparent-power-import",
            "Number:Power", "VA"),
    APPARENT_POWER_EXPORT("currentApparentDelivery", Unit.KVA, HaClass.APPARENT_POWER, "apparent-power-export",
            "Number:Power", "VA"),

    /** Breaker / limiter (Smarty, e-MUCS). */
    BREAKER_STATE("breakerState", Unit.NONE, HaClass.SWITCH_STATE, "breaker-state", "Number", ""),
    LIMITER_THRESHOLD("limiterThreshold", Unit.KW, HaClass.POWER, "limiter-threshold", "Number:Power", "kW"),
    FUSE_THRESHOLD("fuseThreshold", Unit.A, HaClass.CURRENT, "fuse-threshold", "Number:ElectricCurrent", "A"),

    FREQUENCY("frequency", Unit.HZ, HaClass.FREQUENCY, "frequency", "Number:Frequency", "Hz"),
    /** The channel's state is in openHAB's unit one (the channel type has no unit hint). */
    POWER_FACTOR("powerFactor", Unit.NONE, HaClass.POWER_FACTOR, "power-factor", "Number:Dimensionless", ""),
    POWER_FACTOR_L1("powerFactorL1", Unit.NONE, HaClass.POWER_FACTOR),
    POWER_FACTOR_L2("powerFactorL2", Unit.NONE, HaClass.POWER_FACTOR),
    POWER_FACTOR_L3("powerFactorL3", Unit.NONE, HaClass.POWER_FACTOR),

    /** Austrian meters: reactive energy per tariff (1-0:3.8.1/2, 1-0:4.8.1/2). */
    REACTIVE_ENERGY_IMPORT_T1("totalReactiveT1Use", Unit.KVARH, HaClass.REACTIVE_ENERGY),
    REACTIVE_ENERGY_IMPORT_T2("totalReactiveT2Use", Unit.KVARH, HaClass.REACTIVE_ENERGY),
    REACTIVE_ENERGY_EXPORT_T1("totalReactiveT1Delivered", Unit.KVARH, HaClass.REACTIVE_ENERGY),
    REACTIVE_ENERGY_EXPORT_T2("totalReactiveT2Delivered", Unit.KVARH, HaClass.REACTIVE_ENERGY),
    /** Smarty: reactive power per phase (1-0:23.7.0 ... 1-0:64.7.0). */
    REACTIVE_POWER_IMPORT_L1("currentReactiveUsageL1", Unit.KVAR, HaClass.REACTIVE_POWER),
    REACTIVE_POWER_IMPORT_L2("currentReactiveUsageL2", Unit.KVAR, HaClass.REACTIVE_POWER),
    REACTIVE_POWER_IMPORT_L3("currentReactiveUsageL3", Unit.KVAR, HaClass.REACTIVE_POWER),
    REACTIVE_POWER_EXPORT_L1("currentReactiveDeliveryL1", Unit.KVAR, HaClass.REACTIVE_POWER),
    REACTIVE_POWER_EXPORT_L2("currentReactiveDeliveryL2", Unit.KVAR, HaClass.REACTIVE_POWER),
    REACTIVE_POWER_EXPORT_L3("currentReactiveDeliveryL3", Unit.KVAR, HaClass.REACTIVE_POWER),
    /** E.ON Hungary: reactive energy and power per quadrant (1-0:5.8.0 ... 1-0:8.8.0, 1-0:5.7.0 ... 8.7.0). */
    REACTIVE_ENERGY_Q1("totalReactiveQ1", Unit.KVARH, HaClass.REACTIVE_ENERGY),
    REACTIVE_ENERGY_Q2("totalReactiveQ2", Unit.KVARH, HaClass.REACTIVE_ENERGY),
    REACTIVE_ENERGY_Q3("totalReactiveQ3", Unit.KVARH, HaClass.REACTIVE_ENERGY),
    REACTIVE_ENERGY_Q4("totalReactiveQ4", Unit.KVARH, HaClass.REACTIVE_ENERGY),
    REACTIVE_POWER_Q1("currentReactiveQ1", Unit.KVAR, HaClass.REACTIVE_POWER),
    REACTIVE_POWER_Q2("currentReactiveQ2", Unit.KVAR, HaClass.REACTIVE_POWER),
    REACTIVE_POWER_Q3("currentReactiveQ3", Unit.KVAR, HaClass.REACTIVE_POWER),
    REACTIVE_POWER_Q4("currentReactiveQ4", Unit.KVAR, HaClass.REACTIVE_POWER),
    /** Absolute active energy / power |import| + |export| (1-0:15.8.0, 1-0:15.7.0: E.ON, ACE4000). */
    ENERGY_ABSOLUTE("totalAbsoluteUse", Unit.KWH, HaClass.ENERGY),
    POWER_ABSOLUTE("currentAbsoluteUsage", Unit.KW, HaClass.POWER),
    /** Per-phase current limits (1-0:51.4.0, 1-0:71.4.0); L1 is {@link #FUSE_THRESHOLD} (1-0:31.4.0). */
    FUSE_THRESHOLD_L2("fuseThresholdL2", Unit.A, HaClass.CURRENT),
    FUSE_THRESHOLD_L3("fuseThresholdL3", Unit.A, HaClass.CURRENT);

    /**
     * The openHAB channel that shows a quantity: its id, which is also its channel type's id, the item type, and
     * the unit of its state as the channel type's unit hint writes it ("" for none: a plain number, or openHAB's
     * unit one for a dimensionless item type). The base unit of a k-unit (W for kW) is the value times 1000.
     */
    public record Channel(String id, String itemType, String unit) {
    }

    /** Normalised units. */
    public enum Unit {
        NONE(""),
        KWH("kWh"),
        KW("kW"),
        V("V"),
        A("A"),
        KVARH("kvarh"),
        KVAR("kvar"),
        KVA("kVA"),
        HZ("Hz"),
        M3("m3"),
        GJ("GJ");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The unit a meter wrote, or null when it is none we know. Case-insensitive ("kwh", "kVArh"). */
        public static @Nullable Unit of(String text) {
            for (Unit u : values()) {
                if (u != NONE && u.symbol.equalsIgnoreCase(text)) {
                    return u;
                }
            }
            return null;
        }
    }

    private static final Quantity[] ALL = values();

    private final String jsonName;
    private final Unit unit;
    private final HaClass ha;
    private final @Nullable Channel channel;
    private final List<Quantity> tariffs;

    /** A quantity without a channel. */
    Quantity(String jsonName, Unit unit, HaClass ha) {
        this.jsonName = jsonName;
        this.unit = unit;
        this.ha = ha;
        this.channel = null;
        this.tariffs = List.of();
    }

    Quantity(String jsonName, Unit unit, HaClass ha, String channelId, String itemType, String channelUnit,
            Quantity... tariffs) {
        this.jsonName = jsonName;
        this.unit = unit;
        this.ha = ha;
        this.channel = new Channel(channelId, itemType, channelUnit);
        this.tariffs = List.of(tariffs);
    }

    public String jsonName() {
        return jsonName;
    }

    public Unit unit() {
        return unit;
    }

    /** How Home Assistant's discovery announces the quantity. */
    public HaClass ha() {
        return ha;
    }

    /** The openHAB channel that shows the quantity; null when there is none. */
    public @Nullable Channel channel() {
        return channel;
    }

    /** For a meter total, the tariff registers whose sum stands in for it when the meter sends none; else empty. */
    public List<Quantity> tariffs() {
        return tariffs;
    }

    /** The cached result of {@link #values()}, which must not be modified. */
    static Quantity[] all() {
        return ALL;
    }
}
