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
 * @param entityObjectId the object part of the entity id Home Assistant gives the sensor when it creates it
 *            ({@code sensor.<entityObjectId>}), unique across this project's sensors
 * @param diagnostic whether Home Assistant should file it under the device's diagnostics (counters, the tariff)
 *            rather than among its sensors
 * @param adopted smartmeter2mqtt's topic object and unique id for this sensor, when it takes over the entity
 *            smartmeter2mqtt announced; null for this project's own
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record HaSensor(HaDevice device, String objectId, String name, @Nullable String deviceClass,
        @Nullable String stateClass, @Nullable String unit, String valueTemplate, @Nullable String icon,
        String entityObjectId, boolean diagnostic, @Nullable Adopted adopted) {

    /** Node of smartmeter2mqtt's discovery topics: {@code <prefix>/sensor/smartmeter/<object>/config}. */
    public static final String SMARTMETER2MQTT_NODE = "smartmeter";

    /** smartmeter2mqtt's name for a sensor: its topic object (e.g. {@code t1-used}) and its unique id. */
    public record Adopted(String object, String uniqueId) {
    }

    /** A sensor of this project's own, not a diagnostic one. */
    public HaSensor(HaDevice device, String objectId, String name, @Nullable String deviceClass,
            @Nullable String stateClass, @Nullable String unit, String valueTemplate, @Nullable String icon) {
        this(device, objectId, name, deviceClass, stateClass, unit, valueTemplate, icon, "p1meter_" + objectId, false,
                null);
    }

    /** This sensor under smartmeter2mqtt's topic and unique id. */
    public HaSensor adopt(String object, String uniqueId) {
        return new HaSensor(device, objectId, name, deviceClass, stateClass, unit, valueTemplate, icon, entityObjectId,
                diagnostic, new Adopted(object, uniqueId));
    }

    /** Where its config goes: {@code <discovery-prefix>/sensor/<node>/<object>/config}. */
    public String configTopic(String discoveryPrefix) {
        Adopted a = adopted;
        return a != null ? discoveryPrefix + "/sensor/" + SMARTMETER2MQTT_NODE + "/" + a.object() + "/config"
                : ownConfigTopic(discoveryPrefix);
    }

    /** The config topic under this project's own node, whether adopted or not. */
    public String ownConfigTopic(String discoveryPrefix) {
        return discoveryPrefix + "/sensor/" + device.nodeId() + "/" + objectId + "/config";
    }

    public String uniqueId() {
        Adopted a = adopted;
        return a != null ? a.uniqueId() : device.nodeId() + "_" + objectId;
    }
}
