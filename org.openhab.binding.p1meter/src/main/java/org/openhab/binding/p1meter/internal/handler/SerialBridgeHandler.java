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
package org.openhab.binding.p1meter.internal.handler;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.P1BridgeRegistryImpl;
import org.openhab.binding.p1meter.internal.config.P1BridgeConfig;
import org.openhab.binding.p1meter.internal.config.SerialBridgeConfig;
import org.openhab.binding.p1meter.internal.reader.P1Source;
import org.openhab.binding.p1meter.internal.serial.OpenHabSerialSource;
import org.openhab.binding.p1meter.internal.serial.SerialLineSettings;
import org.openhab.core.io.transport.serial.SerialPortManager;
import org.openhab.core.thing.Bridge;

/**
 * The bridge that reads telegrams from the meter's P1 port through a serial (USB) cable, using openHAB's
 * serial transport.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class SerialBridgeHandler extends P1BridgeHandler {

    private final SerialPortManager serialPortManager;

    public SerialBridgeHandler(Bridge bridge, P1BridgeRegistryImpl registry, SerialPortManager serialPortManager) {
        super(bridge, registry);
        this.serialPortManager = serialPortManager;
    }

    @Override
    protected P1BridgeConfig readConfig() {
        return getConfigAs(SerialBridgeConfig.class);
    }

    @Override
    protected P1Source createSource(P1BridgeConfig config) {
        SerialBridgeConfig serial = (SerialBridgeConfig) config;
        String port = serial.serialPort.trim();
        if (port.isEmpty()) {
            throw new IllegalArgumentException(
                    "No serial port: enter the port of the P1 cable, e.g. /dev/ttyUSB0 or /dev/serial/by-id/...");
        }
        return new OpenHabSerialSource(serialPortManager, port, SerialLineSettings.forBaudRate(serial.baudRate));
    }
}