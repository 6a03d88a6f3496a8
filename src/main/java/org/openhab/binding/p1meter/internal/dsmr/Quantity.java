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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Every numeric quantity of the electricity meter that a telegram can carry, already normalised to the
 * unit given here (Austrian meters send Wh and W; the parser converts). The JSON name is the field name of
 * the JSON reading; the smartmeter2mqtt names (including its spelling {@code currentTarrif}) are kept so
 * existing consumers keep working.
 *
 * <p>
 * M-Bus devices (gas, water, heat) are not quantities of the electricity meter: see {@link MBusDevice}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public enum Quantity {
    TARIFF("currentTarrif", Unit.NONE),

    ENERGY_IMPORT_T1("totalT1Use", Unit.KWH),
    ENERGY_IMPORT_T2("totalT2Use", Unit.KWH),
    ENERGY_IMPORT_T3("totalT3Use", Unit.KWH),
    ENERGY_IMPORT_T4("totalT4Use", Unit.KWH),
    /** 1-0:1.8.0, sent by Austrian, Luxembourg and Hungarian meters; never computed from the tariffs. */
    ENERGY_IMPORT_TOTAL("totalUse", Unit.KWH),
    ENERGY_EXPORT_T1("totalT1Delivered", Unit.KWH),
    ENERGY_EXPORT_T2("totalT2Delivered", Unit.KWH),
    ENERGY_EXPORT_T3("totalT3Delivered", Unit.KWH),
    ENERGY_EXPORT_T4("totalT4Delivered", Unit.KWH),
    ENERGY_EXPORT_TOTAL("totalDelivered", Unit.KWH),

    POWER_IMPORT("currentUsage", Unit.KW),
    POWER_EXPORT("currentDelivery", Unit.KW),

    POWER_FAILURES("powerFailures", Unit.NONE),
    LONG_POWER_FAILURES("longPowerFailures", Unit.NONE),
    VOLTAGE_SAGS_L1("voltageSagsL1", Unit.NONE),
    VOLTAGE_SAGS_L2("voltageSagsL2", Unit.NONE),
    VOLTAGE_SAGS_L3("voltageSagsL3", Unit.NONE),
    VOLTAGE_SWELLS_L1("voltageSwellsL1", Unit.NONE),
    VOLTAGE_SWELLS_L2("voltageSwellsL2", Unit.NONE),
    VOLTAGE_SWELLS_L3("voltageSwellsL3", Unit.NONE),

    VOLTAGE_L1("voltageL1", Unit.V),
    VOLTAGE_L2("voltageL2", Unit.V),
    VOLTAGE_L3("voltageL3", Unit.V),
    CURRENT_L1("currentL1", Unit.A),
    CURRENT_L2("currentL2", Unit.A),
    CURRENT_L3("currentL3", Unit.A),
    CURRENT_NEUTRAL("currentNeutral", Unit.A),
    POWER_IMPORT_L1("currentUsageL1", Unit.KW),
    POWER_IMPORT_L2("currentUsageL2", Unit.KW),
    POWER_IMPORT_L3("currentUsageL3", Unit.KW),
    POWER_EXPORT_L1("currentDeliveryL1", Unit.KW),
    POWER_EXPORT_L2("currentDeliveryL2", Unit.KW),
    POWER_EXPORT_L3("currentDeliveryL3", Unit.KW),

    /** Belgian capacity tariff: current quarter-hour average demand, 1-0:1.4.0. */
    AVERAGE_DEMAND("averageDemand", Unit.KW),

    /** Luxembourg / Austria / Hungary: reactive energy and power. */
    REACTIVE_ENERGY_IMPORT("totalReactiveUse", Unit.KVARH),
    REACTIVE_ENERGY_EXPORT("totalReactiveDelivered", Unit.KVARH),
    REACTIVE_POWER_IMPORT("currentReactiveUsage", Unit.KVAR),
    REACTIVE_POWER_EXPORT("currentReactiveDelivery", Unit.KVAR),
    APPARENT_POWER_IMPORT("currentApparentUsage", Unit.KVA),
    APPARENT_POWER_EXPORT("currentApparentDelivery", Unit.KVA),

    /** Breaker / limiter (Smarty, e-MUCS). */
    BREAKER_STATE("breakerState", Unit.NONE),
    LIMITER_THRESHOLD("limiterThreshold", Unit.KW),
    FUSE_THRESHOLD("fuseThreshold", Unit.A),

    FREQUENCY("frequency", Unit.HZ),
    POWER_FACTOR("powerFactor", Unit.NONE),
    POWER_FACTOR_L1("powerFactorL1", Unit.NONE),
    POWER_FACTOR_L2("powerFactorL2", Unit.NONE),
    POWER_FACTOR_L3("powerFactorL3", Unit.NONE),

    /** Austrian meters: reactive energy per tariff (1-0:3.8.1/2, 1-0:4.8.1/2). */
    REACTIVE_ENERGY_IMPORT_T1("totalReactiveT1Use", Unit.KVARH),
    REACTIVE_ENERGY_IMPORT_T2("totalReactiveT2Use", Unit.KVARH),
    REACTIVE_ENERGY_EXPORT_T1("totalReactiveT1Delivered", Unit.KVARH),
    REACTIVE_ENERGY_EXPORT_T2("totalReactiveT2Delivered", Unit.KVARH),
    /** Smarty: reactive power per phase (1-0:23.7.0 ... 1-0:64.7.0). */
    REACTIVE_POWER_IMPORT_L1("currentReactiveUsageL1", Unit.KVAR),
    REACTIVE_POWER_IMPORT_L2("currentReactiveUsageL2", Unit.KVAR),
    REACTIVE_POWER_IMPORT_L3("currentReactiveUsageL3", Unit.KVAR),
    REACTIVE_POWER_EXPORT_L1("currentReactiveDeliveryL1", Unit.KVAR),
    REACTIVE_POWER_EXPORT_L2("currentReactiveDeliveryL2", Unit.KVAR),
    REACTIVE_POWER_EXPORT_L3("currentReactiveDeliveryL3", Unit.KVAR),
    /** E.ON Hungary: reactive energy and power per quadrant (1-0:5.8.0 ... 1-0:8.8.0, 1-0:5.7.0 ... 8.7.0). */
    REACTIVE_ENERGY_Q1("totalReactiveQ1", Unit.KVARH),
    REACTIVE_ENERGY_Q2("totalReactiveQ2", Unit.KVARH),
    REACTIVE_ENERGY_Q3("totalReactiveQ3", Unit.KVARH),
    REACTIVE_ENERGY_Q4("totalReactiveQ4", Unit.KVARH),
    REACTIVE_POWER_Q1("currentReactiveQ1", Unit.KVAR),
    REACTIVE_POWER_Q2("currentReactiveQ2", Unit.KVAR),
    REACTIVE_POWER_Q3("currentReactiveQ3", Unit.KVAR),
    REACTIVE_POWER_Q4("currentReactiveQ4", Unit.KVAR),
    /** Absolute active energy / power |import| + |export| (1-0:15.8.0, 1-0:15.7.0: E.ON, ACE4000). */
    ENERGY_ABSOLUTE("totalAbsoluteUse", Unit.KWH),
    POWER_ABSOLUTE("currentAbsoluteUsage", Unit.KW),
    /** Per-phase current limits (1-0:51.4.0, 1-0:71.4.0); L1 is {@link #FUSE_THRESHOLD} (1-0:31.4.0). */
    FUSE_THRESHOLD_L2("fuseThresholdL2", Unit.A),
    FUSE_THRESHOLD_L3("fuseThresholdL3", Unit.A);

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

    Quantity(String jsonName, Unit unit) {
        this.jsonName = jsonName;
        this.unit = unit;
    }

    public String jsonName() {
        return jsonName;
    }

    public Unit unit() {
        return unit;
    }

    /** The cached result of {@link #values()}, which must not be modified. */
    static Quantity[] all() {
        return ALL;
    }
}
