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
package org.openhab.binding.p1meter.internal.serial;

import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.io.transport.serial.SerialPort;

/**
 * The line settings P1 ports use: 115200 8N1 (DSMR 4 and 5, e-MUCS, Smarty) and 9600 7E1 (DSMR 2.2 and 3).
 *
 * @param baud the baud rate
 * @param dataBits 7 or 8
 * @param parity openHAB's SerialPort parity constant
 * @param label for logs and status messages
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record SerialLineSettings(int baud, int dataBits, int parity, String label) {

    public static final SerialLineSettings DSMR4 = new SerialLineSettings(115200, SerialPort.DATABITS_8,
            SerialPort.PARITY_NONE, "115200 8N1");
    public static final SerialLineSettings DSMR2 = new SerialLineSettings(9600, SerialPort.DATABITS_7,
            SerialPort.PARITY_EVEN, "9600 7E1");

    /** What "auto" tries, in order. */
    public static final List<SerialLineSettings> AUTO = List.of(DSMR4, DSMR2);

    /**
     * The settings for the bridge's "baudRate" parameter.
     *
     * @param baudRate "auto", "115200" or "9600"
     * @return the settings to try, in order (one element unless auto)
     * @throws IllegalArgumentException with what to enter instead
     */
    public static List<SerialLineSettings> forBaudRate(@Nullable String baudRate) {
        String b = baudRate == null ? "" : baudRate.trim().toLowerCase(Locale.ROOT);
        switch (b) {
            case "":
            case "auto":
                return AUTO;
            case "115200":
                return List.of(DSMR4);
            case "9600":
                return List.of(DSMR2);
            default:
                throw new IllegalArgumentException("Unsupported baud rate '" + baudRate
                        + "': use auto, 115200 (DSMR 4/5, e-MUCS, Smarty) or 9600 (DSMR 2.2/3.0).");
        }
    }
}
