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
 * The last {@value #SIZE} DSMR timestamps read ({@code YYMMDDhhmmssX}), so that the times a meter repeats in every
 * telegram (the gas reading's hour, the failure log) are read once. Keyed by the digits and the S/W flag, so a
 * changed time is always read afresh. One thread at a time.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class TimeCache {

    private static final int SIZE = 16; // a power of two
    private final long[] keys = new long[SIZE];
    private final @Nullable OffsetDateTime[] values = new OffsetDateTime[SIZE];
    private int next;

    /** The time written in {@code b[s..e)}; null when it is no valid time. */
    @Nullable
    OffsetDateTime time(byte[] b, int s, int e) {
        long key = key(b, s, e);
        if (key == 0) {
            return DsmrTime.parse(b, s, e);
        }
        for (int i = 0; i < SIZE; i++) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        OffsetDateTime t = DsmrTime.parse(b, s, e);
        keys[next] = key;
        values[next] = t;
        next = (next + 1) & (SIZE - 1);
        return t;
    }

    /** The 12 digits and the S/W flag packed into a non-zero long; 0 when it is not in that form. */
    private static long key(byte[] b, int s, int e) {
        int n = e - s;
        if (n != 12 && n != 13) {
            return 0;
        }
        long k = 0;
        for (int i = s; i < s + 12; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return 0;
            }
            k = k * 10 + d;
        }
        return (k << 8) | (n == 13 ? (b[s + 12] & 0xFF) : 1);
    }
}
