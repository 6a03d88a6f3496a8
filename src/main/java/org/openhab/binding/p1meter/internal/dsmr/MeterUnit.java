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

/**
 * Units as meters write them (any case, with or without the kilo: Austrian meters send Wh and W), and the
 * normalised {@link Quantity.Unit} each one is read into.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
enum MeterUnit {
    NONE(Quantity.Unit.NONE, false),
    KWH(Quantity.Unit.KWH, false),
    WH(Quantity.Unit.KWH, true),
    KW(Quantity.Unit.KW, false),
    W(Quantity.Unit.KW, true),
    KVARH(Quantity.Unit.KVARH, false),
    VARH(Quantity.Unit.KVARH, true),
    KVAR(Quantity.Unit.KVAR, false),
    VAR(Quantity.Unit.KVAR, true),
    KVA(Quantity.Unit.KVA, false),
    VA(Quantity.Unit.KVA, true),
    V(Quantity.Unit.V, false),
    A(Quantity.Unit.A, false),
    HZ(Quantity.Unit.HZ, false),
    M3(Quantity.Unit.M3, false),
    GJ(Quantity.Unit.GJ, false),
    S(Quantity.Unit.NONE, false),
    UNKNOWN(Quantity.Unit.NONE, false);

    final Quantity.Unit normalised;
    /** Whether the value must be divided by 1000 to be in {@link #normalised}. */
    final boolean milli;

    MeterUnit(Quantity.Unit normalised, boolean milli) {
        this.normalised = normalised;
        this.milli = milli;
    }

    /** The unit written in {@code b[s..e)}; {@link #UNKNOWN} when it is none of these. */
    static MeterUnit of(byte[] b, int s, int e) {
        int n = e - s;
        if (n == 0) {
            return NONE;
        }
        int c0 = lower(b[s]);
        switch (n) {
            case 1:
                return c0 == 'w' ? W : c0 == 'v' ? V : c0 == 'a' ? A : c0 == 's' ? S : UNKNOWN;
            case 2:
                if (is(b, s, "wh")) {
                    return WH;
                } else if (is(b, s, "kw")) {
                    return KW;
                } else if (is(b, s, "va")) {
                    return VA;
                } else if (is(b, s, "hz")) {
                    return HZ;
                } else if (is(b, s, "m3")) {
                    return M3;
                } else if (is(b, s, "gj")) {
                    return GJ;
                }
                return UNKNOWN;
            case 3:
                if (is(b, s, "kwh")) {
                    return KWH;
                } else if (is(b, s, "var")) {
                    return VAR;
                } else if (is(b, s, "kva")) {
                    return KVA;
                }
                return UNKNOWN;
            case 4:
                if (is(b, s, "varh")) {
                    return VARH;
                } else if (is(b, s, "kvar")) {
                    return KVAR;
                }
                return UNKNOWN;
            case 5:
                return is(b, s, "kvarh") ? KVARH : UNKNOWN;
            default:
                return UNKNOWN;
        }
    }

    private static int lower(byte c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static boolean is(byte[] b, int s, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            if (lower(b[s + i]) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
