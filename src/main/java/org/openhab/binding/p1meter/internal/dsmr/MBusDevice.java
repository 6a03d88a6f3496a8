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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A device on one of the meter's M-Bus channels (0-n:24.x, n = 1..4): gas, water, heat, a slave electricity
 * meter. Its reading is the last value the device reported to the meter, with the time it was captured.
 *
 * @param channel the M-Bus channel, 1..4
 * @param deviceType the DLMS device type (3 gas, 7 water, 4/12 heat/cooling, 2 electricity), -1 when not sent
 * @param serial the equipment identifier exactly as sent (hex text for most meters), null when absent or empty
 * @param timestamp when the device's value was captured, null when absent or a placeholder
 * @param value the reading in {@code unit}, NaN when absent
 * @param unit the unit as normalised (M3, GJ, KWH), NONE when the meter sent none
 * @param valveState 0-n:24.4.0 valve position, -1 when not sent
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record MBusDevice(int channel, int deviceType, @Nullable String serial, @Nullable OffsetDateTime timestamp,
        double value, Quantity.Unit unit, int valveState) {

    public static final int TYPE_ELECTRICITY = 2;
    public static final int TYPE_GAS = 3;
    public static final int TYPE_HEAT = 4;
    public static final int TYPE_WARM_WATER = 6;
    public static final int TYPE_WATER = 7;
    public static final int TYPE_HEAT_COOLING = 12;

    /** What the device measures, from its device type (and, when the type is missing, its unit). */
    public enum Kind {
        GAS,
        WATER,
        HEAT,
        ELECTRICITY,
        UNKNOWN
    }

    public Kind kind() {
        switch (deviceType) {
            case TYPE_GAS:
                return Kind.GAS;
            case TYPE_WATER:
            case TYPE_WARM_WATER:
                return Kind.WATER;
            case TYPE_HEAT:
            case TYPE_HEAT_COOLING:
                return Kind.HEAT;
            case TYPE_ELECTRICITY:
                return Kind.ELECTRICITY;
            default:
                return unit == Quantity.Unit.GJ ? Kind.HEAT : Kind.UNKNOWN;
        }
    }

    public boolean hasValue() {
        return !Double.isNaN(value);
    }

    /**
     * An equipment identifier as printed on the device: DSMR 4+ meters send it as hex-encoded ASCII
     * ({@code 4730303339...} is {@code G0039...}); anything else is returned as sent.
     */
    public static String readableSerial(String serial) {
        int n = serial.length();
        if (n < 2 || n % 2 != 0) {
            return serial;
        }
        StringBuilder sb = new StringBuilder(n / 2);
        for (int i = 0; i < n; i += 2) {
            int hi = Character.digit(serial.charAt(i), 16);
            int lo = Character.digit(serial.charAt(i + 1), 16);
            int c = hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
            if (c < 0x20 || c > 0x7e) {
                return serial;
            }
            sb.append((char) c);
        }
        return sb.toString().trim();
    }
}
