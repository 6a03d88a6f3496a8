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
 * Splits a telegram's bytes into COSEM objects: {@code A-B:C.D.E[.F|*F](group)(group)...}, read leniently,
 * because real meters send it: any of "-:.*" between the id's groups (':' typed for '.' in
 * {@code 1-0:99:97.0}), ".255"/"*255" suffixes, values continued on the next line (DSMR 2.2/3.0 gas
 * {@code 0-1:24.3.0(...)} followed by {@code (00124.477)}, text messages broken inside the parentheses). What
 * cannot be read is reported as such, never thrown. One table look-up per byte in the inner loops.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class ObjectLexer {

    /** Byte classes for the inner loops: digits and separators of an OBIS id, what ends a value group. */
    private static final byte DIGIT = 1;
    private static final byte SEPARATOR = 2;
    private static final byte GROUP_STOP = 3;
    private static final byte[] CLASS = new byte[256];

    static {
        for (int c = '0'; c <= '9'; c++) {
            CLASS[c] = DIGIT;
        }
        for (char c : new char[] { '-', ':', '.', '*' }) {
            CLASS[c] = SEPARATOR;
        }
        for (char c : new char[] { ')', '\r', '\n' }) {
            CLASS[c] = GROUP_STOP;
        }
    }

    private ObjectLexer() {
    }

    /**
     * Reads the object starting at {@code start} into {@code o} (its {@link CosemObject#form} says what it was).
     *
     * @return where the next object may start
     */
    static int read(CosemObject o, int start, int e) {
        byte[] b = o.b;
        byte[] cls = CLASS;
        int[] id = o.id;
        int p = start;
        int fields = 0;
        int cur = -1;
        boolean badId = false;
        while (p < e) {
            byte c = b[p];
            byte k = cls[c & 0xFF];
            if (k == DIGIT) {
                cur = (cur < 0 ? 0 : cur * 10) + (c - '0');
                if (cur > 1022) {
                    badId = true; // ObisCatalogue packs ids into 10 bits a group
                    cur = 0;
                }
            } else if (k == SEPARATOR) {
                if (cur < 0 || fields >= 5) {
                    badId = true;
                } else {
                    id[fields++] = cur;
                }
                cur = -1;
            } else {
                break;
            }
            p++;
        }
        if (cur >= 0 && fields < 6) {
            id[fields++] = cur;
        }
        o.idFields = fields;
        o.start = start;
        o.idEnd = p;
        if (p >= e || b[p] != '(' || fields < 5 || badId) {
            o.form = CosemObject.Form.LINE;
            o.end = endOfLine(b, p, e);
            return o.end;
        }
        // the value groups, possibly continued on the next line(s)
        int[] groupStart = o.groupStart;
        int[] groupEnd = o.groupEnd;
        int groups = 0;
        boolean cutShort = false;
        while (p < e && b[p] == '(') {
            int s = ++p;
            while (p < e && b[p] != ')') {
                while (p < e && cls[b[p] & 0xFF] != GROUP_STOP) {
                    p++;
                }
                if (p >= e || b[p] == ')') {
                    break;
                }
                if (b[p] == '\r' || b[p] == '\n') {
                    // a line break inside the parentheses: a text message split over lines, unless the next
                    // line clearly starts a new object (then this one was cut short)
                    int q = skipLineEnd(b, p, e);
                    if (q >= e || b[q] == '!' || startsObject(b, q, e)) {
                        break;
                    }
                    p = q;
                    continue;
                }
                p++;
            }
            if (p >= e || b[p] != ')') {
                cutShort = true;
                break;
            }
            if (groups < CosemObject.MAX_GROUPS) {
                groupStart[groups] = s;
                groupEnd[groups] = p;
                groups++;
            }
            p++;
            while (p < e && (b[p] == ' ' || b[p] == '\t')) {
                p++;
            }
            if (p < e && (b[p] == '\r' || b[p] == '\n')) {
                int q = skipLineEnd(b, p, e);
                if (q < e && b[q] == '(') {
                    p = q; // DSMR 2.2/3.0: the gas value on the line after 0-n:24.3.0
                }
            }
        }
        o.groups = groups;
        o.form = cutShort ? CosemObject.Form.CUT_SHORT : CosemObject.Form.OBJECT;
        o.end = cutShort ? p : endOfLine(b, p, e);
        return o.end;
    }

    /** The end of the line {@code p} is on: its '\r' or '\n', or {@code e}. */
    static int endOfLine(byte[] b, int p, int e) {
        while (p < e && b[p] != '\n' && b[p] != '\r') {
            p++;
        }
        return p;
    }

    /** Where the next object may start after {@code p}: past line ends, blanks and NULs. */
    static int skipSpace(byte[] b, int p, int e) {
        while (p < e && (b[p] == '\r' || b[p] == '\n' || b[p] == ' ' || b[p] == '\t' || b[p] == 0)) {
            p++;
        }
        return p;
    }

    private static int skipLineEnd(byte[] b, int p, int e) {
        while (p < e && b[p] == '\r') {
            p++;
        }
        if (p < e && b[p] == '\n') {
            p++;
        }
        return p;
    }

    /** Whether {@code b[q..]} starts with "digits-digit", the beginning of an OBIS id. */
    private static boolean startsObject(byte[] b, int q, int e) {
        int p = q;
        while (p < e && p - q < 4 && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        return p > q && p + 1 < e && b[p] == '-' && b[p + 1] >= '0' && b[p + 1] <= '9';
    }
}
