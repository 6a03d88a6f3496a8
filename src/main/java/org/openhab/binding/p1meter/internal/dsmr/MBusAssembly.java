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

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The M-Bus devices of one telegram, put together from their objects per channel (type, identifier, reading,
 * valve arrive as separate objects, in any order), and the ACE4000's gas meter, whose values come under medium
 * A = 7 instead of a channel. {@link #finish} turns them into {@link MBusDevice}s.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class MBusAssembly {

    /** M-Bus channels 1..4; index 0 unused. */
    static final int CHANNELS = 5;

    private final boolean[] seen = new boolean[CHANNELS];
    private final int[] type = new int[CHANNELS];
    private final @Nullable String[] id = new String[CHANNELS];
    private final int[] idPriority = new int[CHANNELS];
    private final @Nullable OffsetDateTime[] time = new OffsetDateTime[CHANNELS];
    private final double[] value = new double[CHANNELS];
    private final Quantity.Unit[] unit = new Quantity.Unit[CHANNELS];
    private final int[] valve = new int[CHANNELS];
    /** The reading's time was sent but is a placeholder ({@code 700101010000W}, {@code 632525252525S} ...). */
    private final boolean[] timePlaceholder = new boolean[CHANNELS];

    // the ACE4000's gas meter: the latest of its hourly profile values, and its valve
    private @Nullable OffsetDateTime gasProfileTime;
    private double gasProfileValue;
    private Quantity.Unit gasProfileUnit = Quantity.Unit.NONE;
    private int gasProfileValve;

    void begin() {
        Arrays.fill(seen, false);
        Arrays.fill(type, -1);
        Arrays.fill(id, null);
        Arrays.fill(idPriority, -1);
        Arrays.fill(time, null);
        Arrays.fill(value, Double.NaN);
        Arrays.fill(unit, Quantity.Unit.NONE);
        Arrays.fill(valve, -1);
        Arrays.fill(timePlaceholder, false);
        gasProfileTime = null;
        gasProfileValve = -1;
    }

    /** Channel {@code ch} has a device. */
    void device(int ch) {
        seen[ch] = true;
    }

    /** Channel {@code ch} has a device of this type. */
    void type(int ch, int deviceType) {
        seen[ch] = true;
        type[ch] = deviceType;
    }

    /** An identifier of the device on {@code ch}: the first of the highest priority wins; empty means none. */
    void identifier(int ch, String text, int priority) {
        if (!text.isEmpty() && priority > idPriority[ch]) {
            id[ch] = text;
            idPriority[ch] = priority;
        }
        seen[ch] = true;
    }

    /**
     * The reading of the device on {@code ch}; {@code placeholder} when the meter sent a time that stands for no
     * time (then a reading of 0 means no reading).
     */
    void reading(int ch, double v, Quantity.Unit u, @Nullable OffsetDateTime t, boolean placeholder) {
        seen[ch] = true;
        value[ch] = v;
        unit[ch] = u;
        time[ch] = t;
        timePlaceholder[ch] = placeholder;
    }

    void valve(int ch, int state) {
        valve[ch] = state;
    }

    /** One value of the ACE4000's hourly gas profile; the latest one is the reading. */
    void gasProfile(@Nullable OffsetDateTime t, double v, Quantity.Unit u) {
        OffsetDateTime latest = gasProfileTime;
        if (t != null && (latest == null || t.isAfter(latest))) {
            gasProfileTime = t;
            gasProfileValue = v;
            gasProfileUnit = u;
        }
    }

    void gasValve(int state) {
        gasProfileValve = state;
    }

    /** Sets the telegram's M-Bus devices, if there are any. */
    void finish(P1Telegram.Builder out) {
        OffsetDateTime gasTime = gasProfileTime;
        if (gasTime != null) {
            // the ACE4000 names its gas meter on an M-Bus channel (0-3:96.1.0) without a reading there
            int ch = 1;
            for (int c = 1; c < CHANNELS; c++) {
                if (seen[c] && Double.isNaN(value[c])) {
                    ch = c;
                    break;
                }
            }
            seen[ch] = true;
            value[ch] = gasProfileValue;
            time[ch] = gasTime;
            unit[ch] = gasProfileUnit;
            if (type[ch] < 0) {
                type[ch] = MBusDevice.TYPE_GAS; // medium A = 7 is gas
            }
            if (gasProfileValve >= 0) {
                valve[ch] = gasProfileValve;
            }
        }
        MBusDevice[] devices = null;
        int count = 0;
        for (int ch = 1; ch < CHANNELS; ch++) {
            if (timePlaceholder[ch] && value[ch] == 0) {
                // "0-1:24.2.1(700101010000W)(00000000)", "(632525252525S)(00000.000)": the meter's way of saying
                // that no reading came; absent, never a reading of 0
                value[ch] = Double.NaN;
                unit[ch] = Quantity.Unit.NONE;
            }
            // a device has an identifier or a reading: a slot with a device type and nothing else
            // ("0-1:24.1.0(003)", "0-1:96.1.0()" or all zeros) is a channel the meter keeps for a device to come
            if (seen[ch] && (identifies(id[ch]) || !Double.isNaN(value[ch]))) {
                if (devices == null) {
                    devices = new MBusDevice[CHANNELS - 1];
                }
                devices[count++] = new MBusDevice(ch, type[ch], id[ch], time[ch], value[ch], unit[ch], valve[ch]);
            }
        }
        // an immutable list, which P1Telegram keeps as it is instead of copying
        if (devices != null) {
            out.mbus(count == 1 ? List.of(devices[0]) : List.of(Arrays.copyOf(devices, count)));
        }
    }

    /** An equipment identifier that names a device: not absent, not all zeros. */
    private static boolean identifies(@Nullable String id) {
        if (id == null) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) != '0') {
                return true;
            }
        }
        return false;
    }
}
