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
 * One Home Assistant MQTT sensor: what it measures and how Home Assistant reads it from the JSON reading.
 * Device class, state class and unit are spelled exactly as Home Assistant documents them, so that energy, gas
 * and water totals can be picked in its Energy dashboard.
 *
 * @param device the Home Assistant device the sensor belongs to
 * @param objectId the object id, unique within the device ([a-z0-9_])
 * @param name the entity name (Home Assistant shows it after the device name)
 * @param deviceClass e.g. {@code energy}, null for plain counters
 * @param stateClass {@code measurement}, {@code total_increasing}, or null
 * @param unit e.g. {@code kWh}, {@code W}, {@code m³}, null for none
 * @param valueTemplate a Home Assistant template reading the value from the JSON on the state topic
 * @param icon an {@code mdi:} icon, null for the device class's own
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record HaSensor(HaDevice device, String objectId, String name, @Nullable String deviceClass,
        @Nullable String stateClass, @Nullable String unit, String valueTemplate, @Nullable String icon) {

    /** {@code <discovery-prefix>/sensor/<node>/<object>/config}. */
    public String configTopic(String discoveryPrefix) {
        return discoveryPrefix + "/sensor/" + device.nodeId() + "/" + objectId + "/config";
    }

    public String uniqueId() {
        return device.nodeId() + "_" + objectId;
    }
}
