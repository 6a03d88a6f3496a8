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
 * What both bridges share: decryption, the receive timeout, the refresh interval and which M-Bus devices are
 * the gas, water and heat meter.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class P1BridgeConfig {

    /** Luxembourg Smarty (and other encrypted meters): 32 hex digits from the grid operator; empty: plaintext. */
    public String decryptionKey = "";
    /** Additional authenticated data (hex); empty means the Smarty default. */
    public String additionalKey = "";
    /** Seconds without a valid telegram after which the connection is reopened; 0 disables the watchdog. */
    public int receiveTimeout = 60;
    /** Minimum seconds between channel updates; 0 updates on every telegram. */
    public int refreshInterval = 0;
    /** The gas meter's M-Bus channel (1-4) or serial number; empty: the gas meter with the newest reading. */
    public String gasMeter = "";
    /** Likewise for the water meter. */
    public String waterMeter = "";
    /** Likewise for the heat meter. */
    public String heatMeter = "";
}
