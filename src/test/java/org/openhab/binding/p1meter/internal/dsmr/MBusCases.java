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
 * M-Bus situations that are not in the corpus as such, made from corpus telegrams by replacing their M-Bus lines
 * (with a CRC computed afresh), for the tests of every layer.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class MBusCases {

    /** The corpus telegram whose channel 1 is an empty slot and whose gas meter is on channel 2. */
    public static final String TWO_MBUS = "dsmr50_isk_am550_two_mbus";

    /** The replaced gas meter: still registered on channel 1, last reading in 2017. */
    public static final String OLD_GAS_SERIAL = "4730303137353931323139313130333134"; // G0017591219110314
    public static final String OLD_GAS_PRINTED = "G0017591219110314";
    /** The live gas meter on channel 2 (the corpus telegram's). */
    public static final String LIVE_GAS_SERIAL = "4730303339303031393336393930363139"; // G0039001936990619

    private MBusCases() {
    }

    /**
     * A meter whose gas meter was replaced: channel 1 the old one (1.287 m3, 5 March 2017), channel 2 the live
     * one (6805.499 m3, a few minutes before the meter's clock).
     */
    public static byte[] replacedGasMeter() {
        return withMBus(TWO_MBUS,
                "0-1:24.1.0(003)\r\n0-1:96.1.0(" + OLD_GAS_SERIAL + ")\r\n"
                        + "0-1:24.2.1(170305140000W)(00001.287*m3)\r\n0-2:24.1.0(003)\r\n0-2:96.1.0(" + LIVE_GAS_SERIAL
                        + ")\r\n0-2:24.2.1(200426223001S)(06805.499*m3)\r\n");
    }

    /** {@link #replacedGasMeter()} with the live meter's reading at another time and value. */
    public static byte[] replacedGasMeter(String liveTime, String liveValue) {
        return withMBus(TWO_MBUS,
                "0-1:24.1.0(003)\r\n0-1:96.1.0(" + OLD_GAS_SERIAL + ")\r\n"
                        + "0-1:24.2.1(170305140000W)(00001.287*m3)\r\n0-2:24.1.0(003)\r\n0-2:96.1.0(" + LIVE_GAS_SERIAL
                        + ")\r\n0-2:24.2.1(" + liveTime + ")(" + liveValue + "*m3)\r\n");
    }

    /** The corpus telegram {@code name} with its M-Bus lines (0-1: to 0-4:) replaced by {@code mbusLines}. */
    public static byte[] withMBus(String name, String mbusLines) {
        String text = new String(Corpus.telegram(name), StandardCharsets.ISO_8859_1);
        int bang = text.indexOf('!');
        StringBuilder body = new StringBuilder();
        boolean inserted = false;
        for (String line : text.substring(0, bang).split("\r\n", -1)) {
            if (line.matches("0-[1-4]:.*")) {
                if (!inserted) {
                    body.append(mbusLines);
                    inserted = true;
                }
                continue;
            }
            if (!line.isEmpty() || body.length() > 0) {
                body.append(line).append("\r\n");
            }
        }
        // the split leaves the header's blank line and a trailing empty piece before '!'
        String b = body.toString().replaceAll("(\r\n)+$", "\r\n");
        if (!inserted) {
            b += mbusLines;
        }
        b += "!";
        byte[] bytes = b.getBytes(StandardCharsets.ISO_8859_1);
        int crc = Crc16.compute(bytes, 0, bytes.length);
        return (b + String.format("%04X", crc) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
