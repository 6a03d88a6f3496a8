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
 * Slicing-by-8: eight table lookups per eight bytes, independent of each other, so that the check costs well
 * under a nanosecond per byte; the decoder runs it over every telegram.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class Crc16 {

    /** TABLES[k][i]: the CRC contribution of byte i followed by k zero bytes. */
    private static final int[][] TABLES = new int[8][256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            TABLES[0][i] = crc;
        }
        for (int k = 1; k < 8; k++) {
            for (int i = 0; i < 256; i++) {
                int prev = TABLES[k - 1][i];
                TABLES[k][i] = (prev >>> 8) ^ TABLES[0][prev & 0xFF];
            }
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
        int i = off;
        int end = off + len;
        int[] t0 = TABLES[0], t1 = TABLES[1], t2 = TABLES[2], t3 = TABLES[3];
        int[] t4 = TABLES[4], t5 = TABLES[5], t6 = TABLES[6], t7 = TABLES[7];
        for (; i + 8 <= end; i += 8) {
            c ^= (buf[i] & 0xFF) | ((buf[i + 1] & 0xFF) << 8);
            c = t7[c & 0xFF] ^ t6[c >>> 8] ^ t5[buf[i + 2] & 0xFF] ^ t4[buf[i + 3] & 0xFF] ^ t3[buf[i + 4] & 0xFF]
                    ^ t2[buf[i + 5] & 0xFF] ^ t1[buf[i + 6] & 0xFF] ^ t0[buf[i + 7] & 0xFF];
        }
        for (; i < end; i++) {
            c = (c >>> 8) ^ t0[(c ^ buf[i]) & 0xFF];
        }
        return c;
    }
}
