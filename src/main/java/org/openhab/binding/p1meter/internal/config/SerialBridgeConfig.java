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
package org.openhab.binding.p1meter.internal.config;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Configuration of the serial bridge.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class SerialBridgeConfig extends P1BridgeConfig {

    public static final String BAUD_AUTO = "auto";

    /** e.g. /dev/ttyUSB0, /dev/serial/by-id/..., COM3. */
    public String serialPort = "";
    /** "auto" (115200 8N1, falling back to 9600 7E1), "115200" (DSMR 4/5, e-MUCS, Smarty) or "9600" (DSMR 2.2/3). */
    public String baudRate = BAUD_AUTO;
}
