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
 * Configuration of an M-Bus device Thing (gas, water, heat, electricity).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class MBusConfig {

    /** The device's equipment identifier as the meter sends it; empty: match by channel or kind. */
    public String serialNumber = "";
    /** The M-Bus channel 1-4; 0: any channel. Only used when no serial number is configured. */
    public int mbusChannel = 0;
    /** Minimum seconds between channel updates; 0 updates on every telegram. */
    public int refreshInterval = 0;
}
