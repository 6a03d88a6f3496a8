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
package org.openhab.binding.p1meter.itest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.dsmr.Crc16;

/**
 * Reads a value straight from a telegram's text, independently of the add-on's parser, to tell what openHAB
 * should show: {@code 1-0:1.7.0(01.193*kW)} gives 1.193; an M-Bus reading's last bracket is its value.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class TelegramText {

    private TelegramText() {
    }

    public static double value(byte[] telegram, String obis) {
        String text = new String(telegram, StandardCharsets.US_ASCII);
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(obis) + "((?:\\([^)]*\\))+)").matcher(text);
        if (!line.find()) {
            throw new AssertionError(obis + " is not in the telegram:\n" + text);
        }
        String[] groups = line.group(1).substring(1, line.group(1).length() - 1).split("\\)\\(");
        String last = groups[groups.length - 1];
        return Double.parseDouble(last.replaceAll("\\*.*", ""));
    }

    /**
     * The telegram with its power lines (1-0:1.7.0 import, 1-0:2.7.0 export, in kW) set to these values and its
     * CRC made right again, as a meter that just started or stopped exporting would send it.
     */
    public static byte[] withPower(byte[] telegram, double importKw, double exportKw) {
        String text = text(telegram);
        text = text.replaceAll("(?m)^1-0:1\\.7\\.0\\([0-9.]+\\*kW\\)",
                String.format(Locale.ROOT, "1-0:1.7.0(%06.3f*kW)", importKw));
        text = text.replaceAll("(?m)^1-0:2\\.7\\.0\\([0-9.]+\\*kW\\)",
                String.format(Locale.ROOT, "1-0:2.7.0(%06.3f*kW)", exportKw));
        int bang = text.lastIndexOf('!');
        byte[] body = text.substring(0, bang + 1).getBytes(StandardCharsets.US_ASCII);
        String crc = String.format(Locale.ROOT, "%04X", Crc16.compute(body, 0, body.length));
        return (text.substring(0, bang + 1) + crc + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static String text(byte[] telegram) {
        return new String(telegram, StandardCharsets.US_ASCII);
    }

    public static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
