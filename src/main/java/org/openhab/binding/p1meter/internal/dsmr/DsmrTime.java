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

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * DSMR timestamps {@code YYMMDDhhmmss[S|W]}: S (summer) = +02:00, W (winter) = +01:00, no flag = the rules of
 * Europe/Amsterdam (the Dutch, Belgian and Luxembourg meters all run on Central European Time).
 *
 * <p>
 * Meters send placeholders when a value has no time: {@code 000101000006W}, {@code 000000000000},
 * {@code 632525252525W}, {@code 700101010000W}, month 00. These read as "absent" (null), never as an
 * exception and never as a date in 1970 or 2000 that a user would then graph.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class DsmrTime {

    static final ZoneOffset SUMMER = ZoneOffset.ofHours(2);
    static final ZoneOffset WINTER = ZoneOffset.ofHours(1);
    private static final ZoneRules AMSTERDAM = ZoneId.of("Europe/Amsterdam").getRules();

    private DsmrTime() {
    }

    /**
     * Reads an ACE4000 profile time {@code YY-MM-DD hh:mm:ss} (no season flag: Europe/Amsterdam rules) from
     * {@code b[s..e)}; null when it is not one.
     */
    static @Nullable OffsetDateTime parseDashed(byte[] b, int s, int e) {
        if (e - s != 17 || b[s + 2] != '-' || b[s + 5] != '-' || b[s + 8] != ' ' || b[s + 11] != ':'
                || b[s + 14] != ':') {
            return null;
        }
        byte[] compact = new byte[12];
        for (int i = 0, j = s; i < 12; i += 2, j += 3) {
            compact[i] = b[j];
            compact[i + 1] = b[j + 1];
        }
        return parse(compact, 0, 12);
    }

    /** Reads a timestamp from {@code b[s..e)}; null when it is not one or is a placeholder. */
    static @Nullable OffsetDateTime parse(byte[] b, int s, int e) {
        if (e - s != 12 && e - s != 13) {
            return null;
        }
        int yy = two(b, s);
        int mo = two(b, s + 2);
        int dd = two(b, s + 4);
        int hh = two(b, s + 6);
        int mi = two(b, s + 8);
        int ss = two(b, s + 10);
        if (yy < 0 || mo < 1 || mo > 12 || dd < 1 || hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 59) {
            return null;
        }
        if (mo == 1 && dd == 1 && (yy == 0 || yy == 70)) {
            return null; // clock not set: 2000-01-01 / the Unix epoch
        }
        int year = 2000 + yy;
        if (dd > lengthOfMonth(year, mo)) {
            return null;
        }
        ZoneOffset offset;
        if (e - s == 13) {
            byte flag = b[s + 12];
            if (flag == 'S' || flag == 's') {
                offset = SUMMER;
            } else if (flag == 'W' || flag == 'w') {
                offset = WINTER;
            } else {
                return null;
            }
        } else {
            offset = AMSTERDAM.getOffset(LocalDateTime.of(year, mo, dd, hh, mi, ss));
        }
        return OffsetDateTime.of(year, mo, dd, hh, mi, ss, 0, offset);
    }

    private static int two(byte[] b, int i) {
        int d1 = b[i] - '0';
        int d2 = b[i + 1] - '0';
        if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) {
            return -100;
        }
        return d1 * 10 + d2;
    }

    private static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /**
     * ISO-8601 with seconds always written and the offset ({@code 2025-06-14T13:15:07+02:00}); unlike
     * {@link OffsetDateTime#toString()}, which drops ":00" seconds.
     */
    static void appendIso(StringBuilder sb, OffsetDateTime t) {
        int y = t.getYear();
        if (y < 1000 || y > 9999) {
            sb.append(t.toString());
            return;
        }
        pad2(sb, y / 100);
        pad2(sb, y % 100);
        sb.append('-');
        pad2(sb, t.getMonthValue());
        sb.append('-');
        pad2(sb, t.getDayOfMonth());
        sb.append('T');
        pad2(sb, t.getHour());
        sb.append(':');
        pad2(sb, t.getMinute());
        sb.append(':');
        pad2(sb, t.getSecond());
        int off = t.getOffset().getTotalSeconds();
        if (off == 0) {
            sb.append('Z');
            return;
        }
        sb.append(off < 0 ? '-' : '+');
        off = Math.abs(off);
        pad2(sb, off / 3600);
        sb.append(':');
        pad2(sb, (off / 60) % 60);
    }

    /** Two digits, 0..99; written as chars, which is cheaper than formatting an int. */
    private static void pad2(StringBuilder sb, int v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
