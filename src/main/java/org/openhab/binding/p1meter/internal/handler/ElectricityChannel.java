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
package org.openhab.binding.p1meter.internal.handler;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.function.Function;

import javax.measure.Unit;
import javax.measure.quantity.Power;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.PeakDemand;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.MetricPrefix;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.State;

/**
 * The electricity channels of a bridge, as data: channel id (also its channel type id), item type, and how
 * to read its state from a telegram. A channel whose state is null for a telegram is one the meter does not
 * send; the bridge only creates channels for which a telegram had a state.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public enum ElectricityChannel {

    NET_POWER("net-power", "Number:Power", t -> watts(t.netPowerWatts())),
    POWER_IMPORT("power-import", "Number:Power", t -> kwToWatts(t, Quantity.POWER_IMPORT)),
    POWER_EXPORT("power-export", "Number:Power", t -> kwToWatts(t, Quantity.POWER_EXPORT)),

    ENERGY_IMPORT_T1("energy-import-t1", "Number:Energy", t -> kwh(t, Quantity.ENERGY_IMPORT_T1)),
    ENERGY_IMPORT_T2("energy-import-t2", "Number:Energy", t -> kwh(t, Quantity.ENERGY_IMPORT_T2)),
    ENERGY_IMPORT_T3("energy-import-t3", "Number:Energy", t -> kwh(t, Quantity.ENERGY_IMPORT_T3)),
    ENERGY_IMPORT_T4("energy-import-t4", "Number:Energy", t -> kwh(t, Quantity.ENERGY_IMPORT_T4)),
    ENERGY_IMPORT_TOTAL("energy-import-total", "Number:Energy",
            t -> total(t, Quantity.ENERGY_IMPORT_TOTAL, Quantity.ENERGY_IMPORT_T1, Quantity.ENERGY_IMPORT_T2,
                    Quantity.ENERGY_IMPORT_T3, Quantity.ENERGY_IMPORT_T4)),
    ENERGY_EXPORT_T1("energy-export-t1", "Number:Energy", t -> kwh(t, Quantity.ENERGY_EXPORT_T1)),
    ENERGY_EXPORT_T2("energy-export-t2", "Number:Energy", t -> kwh(t, Quantity.ENERGY_EXPORT_T2)),
    ENERGY_EXPORT_T3("energy-export-t3", "Number:Energy", t -> kwh(t, Quantity.ENERGY_EXPORT_T3)),
    ENERGY_EXPORT_T4("energy-export-t4", "Number:Energy", t -> kwh(t, Quantity.ENERGY_EXPORT_T4)),
    ENERGY_EXPORT_TOTAL("energy-export-total", "Number:Energy",
            t -> total(t, Quantity.ENERGY_EXPORT_TOTAL, Quantity.ENERGY_EXPORT_T1, Quantity.ENERGY_EXPORT_T2,
                    Quantity.ENERGY_EXPORT_T3, Quantity.ENERGY_EXPORT_T4)),
    TARIFF("tariff", "Number", t -> count(t, Quantity.TARIFF)),

    VOLTAGE_L1("voltage-l1", "Number:ElectricPotential", t -> plain(t, Quantity.VOLTAGE_L1, Units.VOLT)),
    VOLTAGE_L2("voltage-l2", "Number:ElectricPotential", t -> plain(t, Quantity.VOLTAGE_L2, Units.VOLT)),
    VOLTAGE_L3("voltage-l3", "Number:ElectricPotential", t -> plain(t, Quantity.VOLTAGE_L3, Units.VOLT)),
    CURRENT_L1("current-l1", "Number:ElectricCurrent", t -> plain(t, Quantity.CURRENT_L1, Units.AMPERE)),
    CURRENT_L2("current-l2", "Number:ElectricCurrent", t -> plain(t, Quantity.CURRENT_L2, Units.AMPERE)),
    CURRENT_L3("current-l3", "Number:ElectricCurrent", t -> plain(t, Quantity.CURRENT_L3, Units.AMPERE)),
    POWER_IMPORT_L1("power-import-l1", "Number:Power", t -> kwToWatts(t, Quantity.POWER_IMPORT_L1)),
    POWER_IMPORT_L2("power-import-l2", "Number:Power", t -> kwToWatts(t, Quantity.POWER_IMPORT_L2)),
    POWER_IMPORT_L3("power-import-l3", "Number:Power", t -> kwToWatts(t, Quantity.POWER_IMPORT_L3)),
    POWER_EXPORT_L1("power-export-l1", "Number:Power", t -> kwToWatts(t, Quantity.POWER_EXPORT_L1)),
    POWER_EXPORT_L2("power-export-l2", "Number:Power", t -> kwToWatts(t, Quantity.POWER_EXPORT_L2)),
    POWER_EXPORT_L3("power-export-l3", "Number:Power", t -> kwToWatts(t, Quantity.POWER_EXPORT_L3)),

    POWER_FAILURES("power-failures", "Number", t -> count(t, Quantity.POWER_FAILURES)),
    LONG_POWER_FAILURES("long-power-failures", "Number", t -> count(t, Quantity.LONG_POWER_FAILURES)),
    VOLTAGE_SAGS_L1("voltage-sags-l1", "Number", t -> count(t, Quantity.VOLTAGE_SAGS_L1)),
    VOLTAGE_SAGS_L2("voltage-sags-l2", "Number", t -> count(t, Quantity.VOLTAGE_SAGS_L2)),
    VOLTAGE_SAGS_L3("voltage-sags-l3", "Number", t -> count(t, Quantity.VOLTAGE_SAGS_L3)),
    VOLTAGE_SWELLS_L1("voltage-swells-l1", "Number", t -> count(t, Quantity.VOLTAGE_SWELLS_L1)),
    VOLTAGE_SWELLS_L2("voltage-swells-l2", "Number", t -> count(t, Quantity.VOLTAGE_SWELLS_L2)),
    VOLTAGE_SWELLS_L3("voltage-swells-l3", "Number", t -> count(t, Quantity.VOLTAGE_SWELLS_L3)),

    TEXT_MESSAGE("text-message", "String", t -> {
        String text = t.textMessage();
        return text == null ? null : new StringType(text);
    }),
    METER_TIMESTAMP("meter-timestamp", "DateTime", t -> dateTime(t.timestamp())),

    AVERAGE_DEMAND("average-demand", "Number:Power", t -> kw(t, Quantity.AVERAGE_DEMAND)),
    PEAK_DEMAND("peak-demand", "Number:Power", t -> {
        PeakDemand peak = t.peakDemand();
        return peak == null || Double.isNaN(peak.kw()) ? null : kw(peak.kw());
    }),
    PEAK_DEMAND_TIMESTAMP("peak-demand-timestamp", "DateTime", t -> {
        PeakDemand peak = t.peakDemand();
        return peak == null ? null : dateTime(peak.timestamp());
    }),

    // what Luxembourg (Smarty), Belgian (e-MUCS), Austrian and Hungarian meters add
    REACTIVE_POWER_IMPORT("reactive-power-import", "Number:Power",
            t -> kiloToBase(t, Quantity.REACTIVE_POWER_IMPORT, Units.VAR)),
    REACTIVE_POWER_EXPORT("reactive-power-export", "Number:Power",
            t -> kiloToBase(t, Quantity.REACTIVE_POWER_EXPORT, Units.VAR)),
    REACTIVE_ENERGY_IMPORT("reactive-energy-import", "Number:Energy",
            t -> plain(t, Quantity.REACTIVE_ENERGY_IMPORT, Units.KILOVAR_HOUR)),
    REACTIVE_ENERGY_EXPORT("reactive-energy-export", "Number:Energy",
            t -> plain(t, Quantity.REACTIVE_ENERGY_EXPORT, Units.KILOVAR_HOUR)),
    APPARENT_POWER_IMPORT("apparent-power-import", "Number:Power",
            t -> kiloToBase(t, Quantity.APPARENT_POWER_IMPORT, Units.VOLT_AMPERE)),
    APPARENT_POWER_EXPORT("apparent-power-export", "Number:Power",
            t -> kiloToBase(t, Quantity.APPARENT_POWER_EXPORT, Units.VOLT_AMPERE)),
    FREQUENCY("frequency", "Number:Frequency", t -> plain(t, Quantity.FREQUENCY, Units.HERTZ)),
    POWER_FACTOR("power-factor", "Number:Dimensionless", t -> plain(t, Quantity.POWER_FACTOR, Units.ONE)),
    BREAKER_STATE("breaker-state", "Number", t -> count(t, Quantity.BREAKER_STATE)),
    LIMITER_THRESHOLD("limiter-threshold", "Number:Power", t -> kw(t, Quantity.LIMITER_THRESHOLD)),
    FUSE_THRESHOLD("fuse-threshold", "Number:ElectricCurrent", t -> plain(t, Quantity.FUSE_THRESHOLD, Units.AMPERE));

    private static final Unit<Power> KILOWATT = MetricPrefix.KILO(Units.WATT);

    private final String id;
    private final String itemType;
    private final Function<P1Telegram, @Nullable State> reader;

    ElectricityChannel(String id, String itemType, Function<P1Telegram, @Nullable State> reader) {
        this.id = id;
        this.itemType = itemType;
        this.reader = reader;
    }

    /** The channel id, which is also the id of its channel type. */
    public String id() {
        return id;
    }

    public String itemType() {
        return itemType;
    }

    /** The channel's state from this telegram, or null when the meter did not send what it needs. */
    public @Nullable State stateOf(P1Telegram telegram) {
        return reader.apply(telegram);
    }

    private static @Nullable State watts(double w) {
        return Double.isNaN(w) ? null : new QuantityType<>(decimal(w), Units.WATT);
    }

    /** kW as the meter sends them, shown in W: kW * 1000 without binary rounding noise. */
    private static @Nullable State kwToWatts(P1Telegram t, Quantity q) {
        return kiloToBase(t, q, Units.WATT);
    }

    /** kvar or kVA as the meter sends them, shown in var or VA like active power in W. */
    private static @Nullable State kiloToBase(P1Telegram t, Quantity q, Unit<Power> unit) {
        return t.has(q) ? new QuantityType<>(decimal(t.get(q)).movePointRight(3), unit) : null;
    }

    private static @Nullable State kw(P1Telegram t, Quantity q) {
        return t.has(q) ? kw(t.get(q)) : null;
    }

    private static State kw(double kw) {
        return new QuantityType<>(decimal(kw), KILOWATT);
    }

    private static @Nullable State kwh(P1Telegram t, Quantity q) {
        return t.has(q) ? new QuantityType<>(decimal(t.get(q)), Units.KILOWATT_HOUR) : null;
    }

    /** The meter's own total when it sends one, else the sum of the tariff registers it sends. */
    private static @Nullable State total(P1Telegram t, Quantity meterTotal, Quantity... tariffs) {
        if (t.has(meterTotal)) {
            return kwh(t, meterTotal);
        }
        BigDecimal sum = null;
        for (Quantity q : tariffs) {
            if (t.has(q)) {
                sum = sum == null ? decimal(t.get(q)) : sum.add(decimal(t.get(q)));
            }
        }
        return sum == null ? null : new QuantityType<>(sum, Units.KILOWATT_HOUR);
    }

    private static <Q extends javax.measure.Quantity<Q>> @Nullable State plain(P1Telegram t, Quantity q,
            Unit<Q> unit) {
        return t.has(q) ? new QuantityType<>(decimal(t.get(q)), unit) : null;
    }

    private static @Nullable State count(P1Telegram t, Quantity q) {
        return t.has(q) ? new DecimalType(decimal(t.get(q))) : null;
    }

    private static @Nullable State dateTime(@Nullable OffsetDateTime time) {
        return time == null ? null : new DateTimeType(time.toInstant());
    }

    /** The decimal a meter wrote: Double.toString gives back "2130.115", not its binary approximation. */
    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }
}
