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
package org.openhab.binding.p1meter.internal.output.mqtt;

import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;

/**
 * Who made the meter and what it is, read from the telegram's identification line
 * ({@code /XXXZ\Wmodel}: a 3-letter FLAG manufacturer code, the baud-rate digit, an optional mode character
 * after a backslash, then the model) and its equipment identifier.
 *
 * @param manufacturer the manufacturer's name, or the 3-letter code when we do not know it
 * @param model the model part of the header, or the whole header when it has no recognisable structure
 * @param serial the equipment identifier as sent (often hex-encoded ASCII), null when the meter sends none
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record MeterIdentity(String manufacturer, String model, @Nullable String serial) {

    /** FLAG ids (DLMS UA) of the meters seen on P1 ports; keys upper case. */
    private static final Map<String, String> MANUFACTURERS = Map.ofEntries(Map.entry("ISK", "Iskra"),
            Map.entry("KFM", "Kaifa"), Map.entry("XMX", "Landis+Gyr"), Map.entry("LGZ", "Landis+Gyr"),
            Map.entry("ENE", "Sagemcom"), Map.entry("SAG", "Sagemcom"), Map.entry("EST", "Sagemcom"),
            Map.entry("FLU", "Fluvius"), Map.entry("KMP", "Kamstrup"), Map.entry("KAM", "Kamstrup"),
            Map.entry("ELS", "Elster"), Map.entry("ESY", "EasyMeter"), Map.entry("ACE", "Itron (Actaris)"),
            Map.entry("ITF", "Itron"), Map.entry("EMH", "EMH metering"), Map.entry("ZPA", "ZPA Smart Energy"),
            Map.entry("GRE", "Greenbird"));

    public static MeterIdentity of(P1Telegram telegram) {
        String header = telegram.header().trim();
        String code = header.length() >= 3 ? header.substring(0, 3) : header;
        String manufacturer = MANUFACTURERS.getOrDefault(code.toUpperCase(Locale.ROOT), code);
        String model = header;
        if (header.length() > 4 && Character.isDigit(header.charAt(3))) {
            model = header.substring(4);
            if (model.length() > 2 && model.charAt(0) == '\\') {
                // "\2" (Iskra), "\@" (Elster) are the mode character; Sagemcom's "\T211" is the model itself
                model = Character.isLetter(model.charAt(1)) ? model.substring(1) : model.substring(2);
            }
        }
        model = model.trim();
        if (model.isEmpty()) {
            model = header;
        }
        String serial = telegram.equipmentId();
        return new MeterIdentity(manufacturer, model, serial == null || serial.isBlank() ? null : serial.trim());
    }

    /**
     * The equipment identifier for people: DSMR 4+ meters send it as hex-encoded ASCII
     * ({@code 4530303434...} is {@code E0044...}); other meters send it in clear.
     */
    public static @Nullable String readableSerial(@Nullable String serial) {
        if (serial == null || serial.length() < 2 || serial.length() % 2 != 0 || !serial.matches("[0-9A-Fa-f]+")) {
            return serial;
        }
        StringBuilder sb = new StringBuilder(serial.length() / 2);
        for (int i = 0; i < serial.length(); i += 2) {
            int c = Integer.parseInt(serial.substring(i, i + 2), 16);
            if (c < 0x20 || c > 0x7e) {
                return serial;
            }
            sb.append((char) c);
        }
        return sb.toString().trim();
    }
}
