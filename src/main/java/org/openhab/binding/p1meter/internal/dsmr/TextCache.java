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
import java.util.Arrays;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The texts a meter repeats in every telegram (header, version, identifiers), one slot each: the same String as
 * last time while the bytes of the slot do not change, which keeps a telegram at about 2 KB of allocation. Also
 * the plain text of a byte range, for the texts not worth a slot. One thread at a time.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class TextCache {

    static final int HEADER = 0;
    static final int P1_VERSION = 1;
    static final int EQUIPMENT_ID = 2;
    /** The identifier of M-Bus channel n is in slot {@code MBUS_ID + n}. */
    static final int MBUS_ID = 3;
    private static final int SLOTS = MBUS_ID + MBusAssembly.CHANNELS;

    private final byte[][] bytes = new byte[SLOTS][];
    private final @Nullable String[] values = new String[SLOTS];

    /** The text of {@code b[s..e)} (line breaks inside removed), reusing the last String of the slot. */
    String text(int slot, byte[] b, int s, int e) {
        byte[] last = bytes[slot];
        String value = values[slot];
        if (last != null && value != null && Arrays.equals(b, s, e, last, 0, last.length)) {
            return value;
        }
        if (hasLineBreak(b, s, e)) {
            return withoutLineBreaks(b, s, e);
        }
        String v = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        bytes[slot] = Arrays.copyOfRange(b, s, e);
        values[slot] = v;
        return v;
    }

    /** The text of {@code b[s..e)}, line breaks inside removed (a text message a meter split over lines). */
    static String text(byte[] b, int s, int e) {
        if (hasLineBreak(b, s, e)) {
            return withoutLineBreaks(b, s, e);
        }
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }

    private static boolean hasLineBreak(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] == '\r' || b[i] == '\n') {
                return true;
            }
        }
        return false;
    }

    static String withoutLineBreaks(byte[] b, int s, int e) {
        StringBuilder sb = new StringBuilder(e - s);
        for (int i = s; i < e; i++) {
            if (b[i] != '\r' && b[i] != '\n') {
                sb.append((char) (b[i] & 0xFF));
            }
        }
        return sb.toString();
    }
}
