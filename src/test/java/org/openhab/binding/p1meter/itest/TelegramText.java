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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;

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

    public static String text(byte[] telegram) {
        return new String(telegram, StandardCharsets.US_ASCII);
    }

    public static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
