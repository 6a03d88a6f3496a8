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
 * CRC16/ARC (polynomial 0x8005 reflected = 0xA001, initial value 0, no final xor), the checksum DSMR 4+,
 * e-MUCS and Smarty put after the '!' of a telegram, computed over '/' up to and including '!'.
 * Table-driven: one lookup per byte, because the decoder runs it over every byte it receives.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class Crc16 {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc16() {
    }

    /** The CRC of {@code len} bytes of {@code buf} from {@code off}, 0..0xFFFF. */
    public static int compute(byte[] buf, int off, int len) {
        return update(0, buf, off, len);
    }

    /** Continues a CRC over more bytes (start with 0). */
    public static int update(int crc, byte[] buf, int off, int len) {
        int c = crc;
        for (int i = off, end = off + len; i < end; i++) {
            c = (c >>> 8) ^ TABLE[(c ^ buf[i]) & 0xFF];
        }
        return c;
    }

    /** Continues a CRC over one byte. */
    static int update(int crc, byte b) {
        return (crc >>> 8) ^ TABLE[(crc ^ b) & 0xFF];
    }
}
