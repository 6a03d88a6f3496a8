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
package org.openhab.binding.p1meter.cli;

import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Valid DSMR 5.0 telegrams numbered in their tariff 1 import register ({@code 1-0:1.8.1} = number / 1000 kWh), so
 * a test can tell which telegrams reached a client. The CRC (CRC-16/ARC) is computed here, not by the decoder
 * under test.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class DaemonTelegrams {

    private DaemonTelegrams() {
    }

    static byte[] numbered(int number) {
        String body = "/ISK5\\2M550T-1012\r\n\r\n" //
                + "1-3:0.2.8(50)\r\n" //
                + String.format("0-0:1.0.0(2511%02d%02d%02d%02dW)\r\n", 1 + (number / 86400) % 28,
                        (number / 3600) % 24, (number / 60) % 60, number % 60)
                + "0-0:96.1.1(4530303434303037333832313739383136)\r\n" //
                + String.format("1-0:1.8.1(%06d.%03d*kWh)\r\n", number / 1000, number % 1000) //
                + "1-0:1.8.2(004321.000*kWh)\r\n" //
                + "1-0:2.8.1(000000.000*kWh)\r\n" //
                + "1-0:2.8.2(000000.000*kWh)\r\n" //
                + "0-0:96.14.0(0002)\r\n" //
                + "1-0:1.7.0(00.450*kW)\r\n" //
                + "1-0:2.7.0(00.000*kW)\r\n" //
                + "!";
        return withCrc(body);
    }

    /**
     * A meter whose gas meter was replaced: the old one still registered on M-Bus channel 1 (1.287 m3, 2017), the
     * live one on channel 2 (6805.499 m3, a few minutes before the meter's clock).
     */
    static byte[] replacedGasMeter() {
        String body = "/ISK5\\2M550T-1012\r\n\r\n" //
                + "1-3:0.2.8(50)\r\n" //
                + "0-0:1.0.0(200426223325S)\r\n" //
                + "0-0:96.1.1(4530303434303037333832323436303139)\r\n" //
                + "1-0:1.8.1(002130.115*kWh)\r\n" //
                + "1-0:1.8.2(000245.467*kWh)\r\n" //
                + "1-0:1.7.0(00.111*kW)\r\n" //
                + "1-0:2.7.0(00.000*kW)\r\n" //
                + "0-1:24.1.0(003)\r\n" //
                + "0-1:96.1.0(4730303137353931323139313130333134)\r\n" //
                + "0-1:24.2.1(170305140000W)(00001.287*m3)\r\n" //
                + "0-2:24.1.0(003)\r\n" //
                + "0-2:96.1.0(4730303339303031393336393930363139)\r\n" //
                + "0-2:24.2.1(200426223001S)(06805.499*m3)\r\n" //
                + "!";
        return withCrc(body);
    }

    private static byte[] withCrc(String body) {
        byte[] b = body.getBytes(StandardCharsets.US_ASCII);
        int crc = 0;
        for (byte x : b) {
            crc ^= x & 0xff;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return (body + String.format("%04X", crc) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
