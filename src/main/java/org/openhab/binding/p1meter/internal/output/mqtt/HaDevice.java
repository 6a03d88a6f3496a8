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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A Home Assistant device: the electricity meter, or an M-Bus device (gas, water, heat) connected to it.
 *
 * @param nodeId the discovery node id and device identifier, e.g. {@code p1meter_4530303434}
 * @param name the device name shown in Home Assistant
 * @param manufacturer null when unknown (M-Bus devices)
 * @param model the model
 * @param swVersion the P1 protocol version, null when the meter does not send one
 * @param serialNumber the serial number for people, null when absent
 * @param viaDevice the identifier of the meter an M-Bus device is read through, null for the meter itself
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record HaDevice(String nodeId, String name, @Nullable String manufacturer, String model,
        @Nullable String swVersion, @Nullable String serialNumber, @Nullable String viaDevice) {
}
