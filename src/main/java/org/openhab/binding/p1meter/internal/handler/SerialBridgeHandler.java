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

import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.P1BridgeRegistryImpl;
import org.openhab.binding.p1meter.internal.config.P1BridgeConfig;
import org.openhab.binding.p1meter.internal.config.SerialBridgeConfig;
import org.openhab.binding.p1meter.internal.reader.P1Source;
import org.openhab.binding.p1meter.internal.serial.SerialSources;
import org.openhab.core.thing.Bridge;

/**
 * The bridge that reads telegrams from the meter's P1 port through a serial (USB) cable, using openHAB's
 * serial transport.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class SerialBridgeHandler extends P1BridgeHandler {

    private final Supplier<@Nullable SerialSources> serialSources;

    /**
     * @param serialSources asked at each initialisation, since the serial transport may be installed (or
     *            removed) while the add-on runs; null when it is not installed
     */
    public SerialBridgeHandler(Bridge bridge, P1BridgeRegistryImpl registry,
            Supplier<@Nullable SerialSources> serialSources) {
        super(bridge, registry);
        this.serialSources = serialSources;
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
            throw new ConfigProblem("offline.conf-error.no-serial-port");
        }
        SerialSources sources = serialSources.get();
        if (sources == null) {
            throw new ConfigProblem("offline.conf-error.no-serial-transport");
        }
        return sources.create(port, serial.baudRate);
    }
}
