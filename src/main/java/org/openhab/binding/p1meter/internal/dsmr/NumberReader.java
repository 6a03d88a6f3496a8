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

import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Reads a number with an optional unit ({@code 001234.567*kWh}, {@code 747.85W}, {@code -0.5}) from bytes, scaled
 * to the normalised unit asked for (W to kW etc.). Scaling shifts the decimal point rather than multiplying, so
 * that 747.85 W becomes exactly the double nearest 0.74785. No String, no BigDecimal on the usual path: one
 * instance keeps the last number read in {@link #value} and {@link #unit}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class NumberReader {

    private static final double[] POW10 = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
            1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

    /** The number last read, in the unit asked for when the meter wrote it in its milli-unit (W for kW). */
    double value;
    /** The unit the last number was written in. */
    MeterUnit unit = MeterUnit.NONE;

    /**
     * Reads {@code b[s..e)}: spaces, a sign, digits with at most one '.', an optional '*', a unit, spaces.
     *
     * @param target the normalised unit the value is wanted in; {@link Quantity.Unit#NONE} reads it as written
     * @return false when there are no digits or the unit is not one a meter writes (then nothing is changed)
     */
    boolean read(byte[] b, int s, int e, Quantity.Unit target) {
        int p = s;
        while (p < e && b[p] == ' ') {
            p++;
        }
        boolean negative = false;
        if (p < e && (b[p] == '-' || b[p] == '+')) {
            negative = b[p] == '-';
            p++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean dot = false;
        boolean overflow = false;
        int numStart = p;
        while (p < e) {
            byte c = b[p];
            if (c >= '0' && c <= '9') {
                if (mantissa >= 100_000_000_000_000_000L) {
                    overflow = true;
                } else {
                    mantissa = mantissa * 10 + (c - '0');
                }
                if (dot) {
                    scale++;
                }
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
            p++;
        }
        if (digits == 0) {
            return false;
        }
        int numEnd = p;
        if (p < e && b[p] == '*') {
            p++;
        }
        int us = p;
        int ue = e;
        while (ue > us && b[ue - 1] == ' ') {
            ue--;
        }
        MeterUnit u = MeterUnit.of(b, us, ue);
        if (u == MeterUnit.UNKNOWN) {
            return false;
        }
        unit = u;
        boolean toKilo = u.milli && target != Quantity.Unit.NONE && target == u.normalised;
        if (toKilo) {
            scale += 3;
        }
        double v;
        if (!overflow && mantissa < (1L << 53) && scale < POW10.length) {
            v = mantissa / POW10[scale];
        } else {
            v = Double.parseDouble(new String(b, numStart, numEnd - numStart, StandardCharsets.ISO_8859_1));
            if (toKilo) {
                v /= 1000.0;
            }
        }
        value = negative ? -v : v;
        return true;
    }
}
