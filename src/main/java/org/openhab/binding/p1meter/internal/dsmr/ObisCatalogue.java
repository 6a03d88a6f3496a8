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
 * The OBIS catalogue: which COSEM object means what, as DATA, the way dsmr_parser and openHAB's DSMR binding keep
 * it. A row is an OBIS id and the shape of its value ({@link ValueShape}): a quantity, a timestamped reading, a
 * repeating profile, a text, an object of an M-Bus device. What a quantity is called in the JSON reading, in
 * openHAB and in Home Assistant is its {@link Quantity}'s. Adding a meter family means adding rows to
 * {@link #ROWS}, never code. Ids are packed into a {@code long} (see {@link #key}) and looked up in a small
 * open-addressing table, so the parser finds an object without building a String per line.
 *
 * <p>
 * The value group F (".255" / "*255" as EasyMeter, ACE4000 and some spec examples write it) is ignored.
 * M-Bus objects (0-n:24.x, 0-n:96.1.x, n = 1..4) are catalogued once for any channel; objects
 * of the electricity meter written with B = 1 (Sagemcom XT211 {@code 1-1:1.8.1}, Smarty
 * {@code 1-1:31.4.0}) fall back to their B = 0 row.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class ObisCatalogue {

    /** One catalogue row. */
    record Row(String obis, ValueShape shape) {
    }

    /** B value that stands for "any M-Bus channel 1..4" in a row's id. */
    private static final int ANY_CHANNEL = 0x3FF;

    /** 1-0:99.97.0 the long power failures: (count)(0-0:96.7.19){(end)(duration*s)}. */
    private static final RepeatingProfile<PowerFailure> POWER_FAILURE_LOG = new RepeatingProfile<>(2, false, 2,
            (o, g) -> o.number(g + 1, Quantity.Unit.NONE) ? new PowerFailure(o.time(g), (long) o.value()) : null,
            P1Telegram.Builder::powerFailureLog);
    /**
     * 0-0:98.1.0 e-MUCS peak demand of past months: (count)(1-0:1.6.0)(1-0:1.6.0){(month)(time)(value*kW)}; what
     * else meters send under this id (E.ON's billing values, a bare count) is kept as an unknown object.
     */
    private static final RepeatingProfile<PeakDemand> PEAK_DEMAND_HISTORY = new RepeatingProfile<>(3, true, 3,
            (o, g) -> o.number(g + 2, Quantity.Unit.KW) ? new PeakDemand(o.time(g), o.time(g + 1), o.value()) : null,
            P1Telegram.Builder::peakDemandHistory);

    private static final Row[] ROWS = {
            // identification and clock; of the objects that can carry the same text, the highest priority wins
            row("1-3:0.2.8", new TextValue(TextValue.Field.P1_VERSION, 2)),
            row("0-0:96.1.4", new TextValue(TextValue.Field.P1_VERSION, 1)), // e-MUCS version
            row("0-0:1.0.0", ClockValue.INSTANCE), row("0-0:96.1.1", new TextValue(TextValue.Field.EQUIPMENT_ID, 5)),
            row("0-0:96.1.0", new TextValue(TextValue.Field.EQUIPMENT_ID, 4)), // DSMR 2.2 variants, E.ON, ACE4000
            row("0-0:42.0.0", new TextValue(TextValue.Field.EQUIPMENT_ID, 3)), // Smarty, E.ON: COSEM device name
            row("1-0:0.0.0", new TextValue(TextValue.Field.EQUIPMENT_ID, 2)), // EasyMeter Q3D
            row("0-0:96.1.255", new TextValue(TextValue.Field.EQUIPMENT_ID, 1)), // EasyMeter Q3D serial
            row("0-0:96.13.0", new MessageValue(P1Telegram.Builder::textMessage)),
            row("0-0:96.13.1", new MessageValue(P1Telegram.Builder::textCode)),
            // energy registers
            q("1-0:1.8.1", Quantity.ENERGY_IMPORT_T1), q("1-0:1.8.2", Quantity.ENERGY_IMPORT_T2),
            q("1-0:1.8.3", Quantity.ENERGY_IMPORT_T3), q("1-0:1.8.4", Quantity.ENERGY_IMPORT_T4),
            q("1-0:1.8.0", Quantity.ENERGY_IMPORT_TOTAL), q("1-0:2.8.1", Quantity.ENERGY_EXPORT_T1),
            q("1-0:2.8.2", Quantity.ENERGY_EXPORT_T2), q("1-0:2.8.3", Quantity.ENERGY_EXPORT_T3),
            q("1-0:2.8.4", Quantity.ENERGY_EXPORT_T4), q("1-0:2.8.0", Quantity.ENERGY_EXPORT_TOTAL),
            q("1-0:3.8.0", Quantity.REACTIVE_ENERGY_IMPORT), q("1-0:4.8.0", Quantity.REACTIVE_ENERGY_EXPORT),
            q("1-0:3.8.1", Quantity.REACTIVE_ENERGY_IMPORT_T1), q("1-0:3.8.2", Quantity.REACTIVE_ENERGY_IMPORT_T2),
            q("1-0:4.8.1", Quantity.REACTIVE_ENERGY_EXPORT_T1), q("1-0:4.8.2", Quantity.REACTIVE_ENERGY_EXPORT_T2),
            q("1-0:5.8.0", Quantity.REACTIVE_ENERGY_Q1), q("1-0:6.8.0", Quantity.REACTIVE_ENERGY_Q2),
            q("1-0:7.8.0", Quantity.REACTIVE_ENERGY_Q3), q("1-0:8.8.0", Quantity.REACTIVE_ENERGY_Q4),
            q("1-0:15.8.0", Quantity.ENERGY_ABSOLUTE),
            // tariff
            q("0-0:96.14.0", Quantity.TARIFF),
            // power
            q("1-0:1.7.0", Quantity.POWER_IMPORT), q("1-0:2.7.0", Quantity.POWER_EXPORT),
            q("1-0:15.7.0", Quantity.POWER_ABSOLUTE), q("1-0:21.7.0", Quantity.POWER_IMPORT_L1),
            q("1-0:41.7.0", Quantity.POWER_IMPORT_L2), q("1-0:61.7.0", Quantity.POWER_IMPORT_L3),
            q("1-0:22.7.0", Quantity.POWER_EXPORT_L1), q("1-0:42.7.0", Quantity.POWER_EXPORT_L2),
            q("1-0:62.7.0", Quantity.POWER_EXPORT_L3), q("1-0:3.7.0", Quantity.REACTIVE_POWER_IMPORT),
            q("1-0:4.7.0", Quantity.REACTIVE_POWER_EXPORT), q("1-0:23.7.0", Quantity.REACTIVE_POWER_IMPORT_L1),
            q("1-0:43.7.0", Quantity.REACTIVE_POWER_IMPORT_L2), q("1-0:63.7.0", Quantity.REACTIVE_POWER_IMPORT_L3),
            q("1-0:24.7.0", Quantity.REACTIVE_POWER_EXPORT_L1), q("1-0:44.7.0", Quantity.REACTIVE_POWER_EXPORT_L2),
            q("1-0:64.7.0", Quantity.REACTIVE_POWER_EXPORT_L3), q("1-0:5.7.0", Quantity.REACTIVE_POWER_Q1),
            q("1-0:6.7.0", Quantity.REACTIVE_POWER_Q2), q("1-0:7.7.0", Quantity.REACTIVE_POWER_Q3),
            q("1-0:8.7.0", Quantity.REACTIVE_POWER_Q4), q("1-0:9.7.0", Quantity.APPARENT_POWER_IMPORT),
            q("1-0:10.7.0", Quantity.APPARENT_POWER_EXPORT),
            // power quality
            q("0-0:96.7.21", Quantity.POWER_FAILURES), q("0-0:96.7.9", Quantity.LONG_POWER_FAILURES),
            q("1-0:32.32.0", Quantity.VOLTAGE_SAGS_L1), q("1-0:52.32.0", Quantity.VOLTAGE_SAGS_L2),
            q("1-0:72.32.0", Quantity.VOLTAGE_SAGS_L3), q("1-0:32.36.0", Quantity.VOLTAGE_SWELLS_L1),
            q("1-0:52.36.0", Quantity.VOLTAGE_SWELLS_L2), q("1-0:72.36.0", Quantity.VOLTAGE_SWELLS_L3),
            q("1-0:32.7.0", Quantity.VOLTAGE_L1), q("1-0:52.7.0", Quantity.VOLTAGE_L2),
            q("1-0:72.7.0", Quantity.VOLTAGE_L3), q("1-0:31.7.0", Quantity.CURRENT_L1),
            q("1-0:51.7.0", Quantity.CURRENT_L2), q("1-0:71.7.0", Quantity.CURRENT_L3),
            q("1-0:91.7.0", Quantity.CURRENT_NEUTRAL), q("1-0:14.7.0", Quantity.FREQUENCY),
            q("1-0:13.7.0", Quantity.POWER_FACTOR), q("1-0:33.7.0", Quantity.POWER_FACTOR_L1),
            q("1-0:53.7.0", Quantity.POWER_FACTOR_L2), q("1-0:73.7.0", Quantity.POWER_FACTOR_L3),
            // breaker, limiter, capacity tariff
            q("0-0:96.3.10", Quantity.BREAKER_STATE),
            // kW (DSMR 4+, e-MUCS) or kVA (Smarty): the limiter's threshold; A (DSMR 3): the fuse's
            row("0-0:17.0.0", QuantityValue.byUnit(Quantity.LIMITER_THRESHOLD, Quantity.FUSE_THRESHOLD)),
            q("1-0:31.4.0", Quantity.FUSE_THRESHOLD), q("1-0:51.4.0", Quantity.FUSE_THRESHOLD_L2),
            q("1-0:71.4.0", Quantity.FUSE_THRESHOLD_L3), q("1-0:1.4.0", Quantity.AVERAGE_DEMAND),
            // running-month peak demand (timestamp)(value*kW)
            row("1-0:1.6.0",
                    new TimestampedReading(Quantity.Unit.KW,
                            (out, time, kw) -> out.peakDemand(new PeakDemand(null, time, kw)))),
            row("0-0:98.1.0", PEAK_DEMAND_HISTORY), row("1-0:99.97.0", POWER_FAILURE_LOG),
            // M-Bus, any channel
            row("0-n:24.1.0", MBusValue.DEVICE_TYPE), row("0-n:96.1.0", MBusValue.identifier(2)),
            row("0-n:96.1.1", MBusValue.identifier(1)), // e-MUCS
            row("0-n:24.2.1", MBusValue.READING), row("0-n:24.2.3", MBusValue.READING), // e-MUCS gas, not
                                                                                        // temperature-corrected
            row("0-n:24.3.0", MBusValue.LEGACY_READING),
            // e-MUCS 2.x also sends 0-n:96.3.10, a breaker state distinct from the valve: kept as unknown
            row("0-n:24.4.0", MBusValue.VALVE),
            // Itron ACE4000: the gas meter's values under medium A = 7, its id on an M-Bus channel
            row("7-0:23.1.0", GasMediumValue.HOURLY_PROFILE), row("7-0:24.4.0", GasMediumValue.VALVE) };

    private static final int TABLE_SIZE = 512; // power of two, more than twice the rows
    private static final long[] KEYS = new long[TABLE_SIZE];
    private static final @Nullable Row[] VALUES = new Row[TABLE_SIZE];

    static {
        for (Row r : ROWS) {
            long k = parseKey(r.obis());
            int i = slot(k);
            while (VALUES[i] != null) {
                if (KEYS[i] == k) {
                    throw new IllegalStateException("duplicate OBIS row " + r.obis());
                }
                i = (i + 1) & (TABLE_SIZE - 1);
            }
            KEYS[i] = k;
            VALUES[i] = r;
        }
    }

    private ObisCatalogue() {
    }

    private static Row row(String obis, ValueShape shape) {
        return new Row(obis, shape);
    }

    /** A number with an optional unit: the most common shape. */
    private static Row q(String obis, Quantity quantity) {
        return new Row(obis, new QuantityValue(quantity));
    }

    /** Packs A-B:C.D.E into a long, 10 bits each. Callers make sure every group is 0..1022. */
    static long key(int a, int b, int c, int d, int e) {
        return ((long) a << 40) | ((long) b << 30) | ((long) c << 20) | ((long) d << 10) | e;
    }

    /** The row for an object, or null when the catalogue does not know it. */
    static @Nullable Row lookup(int a, int b, int c, int d, int e) {
        Row r = get(key(a, b, c, d, e));
        if (r == null && b != 0) {
            if (a == 0 && b <= 4) {
                r = get(key(0, ANY_CHANNEL, c, d, e));
            } else if (a == 1) {
                r = get(key(1, 0, c, d, e));
            }
        }
        return r;
    }

    static Row[] rows() {
        return ROWS.clone();
    }

    private static @Nullable Row get(long k) {
        int i = slot(k);
        Row r;
        while ((r = VALUES[i]) != null) {
            if (KEYS[i] == k) {
                return r;
            }
            i = (i + 1) & (TABLE_SIZE - 1);
        }
        return null;
    }

    private static int slot(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 55) & (TABLE_SIZE - 1);
    }

    private static long parseKey(String obis) {
        String[] p = obis.split("[-:.]");
        int b = "n".equals(p[1]) ? ANY_CHANNEL : Integer.parseInt(p[1]);
        return key(Integer.parseInt(p[0]), b, Integer.parseInt(p[2]), Integer.parseInt(p[3]), Integer.parseInt(p[4]));
    }
}
