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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.reader.P1Source;
import org.openhab.core.io.transport.serial.SerialPortManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link SerialSources} on openHAB's serial transport. The only component that references
 * {@link SerialPortManager}: without the transport it simply does not start.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Component(service = SerialSources.class)
public class OpenHabSerialSources implements SerialSources {

    private final SerialPortManager serialPortManager;

    @Activate
    public OpenHabSerialSources(@Reference SerialPortManager serialPortManager) {
        this.serialPortManager = serialPortManager;
    }

    @Override
    public P1Source create(String port, String baudRate) {
        return new OpenHabSerialSource(serialPortManager, port, SerialLineSettings.forBaudRate(baudRate));
    }
}
