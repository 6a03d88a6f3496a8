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
package org.openhab.binding.p1meter.internal.reader;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Valid DSMR 5.0 telegrams that carry their sequence number in the tariff 1 import register
 * ({@code 1-0:1.8.1}, number / 1000 kWh), so a test can tell exactly which telegrams came out at the far end.
 * The CRC is computed here, independently of the decoder under test (CRC-16/ARC, as DSMR 5 specifies).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class NumberedTelegrams {

    private NumberedTelegrams() {
    }

    public static byte[] telegram(int number) {
        String body = "/ISK5\\2M550T-1012\r\n\r\n" //
                + "1-3:0.2.8(50)\r\n" //
                + String.format("0-0:1.0.0(2511%02d%02d%02d%02dW)\r\n", 1 + (number / 86400) % 28, (number / 3600) % 24,
                        (number / 60) % 60, number % 60)
                + "0-0:96.1.1(4530303434303037333832313739383136)\r\n" //
                + String.format("1-0:1.8.1(%06d.%03d*kWh)\r\n", number / 1000, number % 1000) //
                + "1-0:1.8.2(004321.000*kWh)\r\n" //
                + "1-0:2.8.1(000000.000*kWh)\r\n" //
                + "1-0:2.8.2(000000.000*kWh)\r\n" //
                + "0-0:96.14.0(0002)\r\n" //
                + "1-0:1.7.0(00.450*kW)\r\n" //
                + "1-0:2.7.0(00.000*kW)\r\n" //
                + "!";
        byte[] b = body.getBytes(StandardCharsets.US_ASCII);
        return (body + String.format("%04X", crc16(b)) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The sequence number from a reading's {@code totalT1Use} (kWh), the inverse of {@link #telegram(int)}. */
    public static int number(BigDecimal totalT1UseKwh) {
        return totalT1UseKwh.movePointRight(3).intValueExact();
    }

    /**
     * CRC-16/ARC: polynomial 0x8005 reflected (0xA001), initial value 0, over '/' up to and including '!'; the
     * tests' own, so that no test checks the decoder's CRC with the decoder's code.
     */
    public static int crc16(byte[] bytes) {
        int crc = 0;
        for (byte b : bytes) {
            crc ^= b & 0xff;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }
}
