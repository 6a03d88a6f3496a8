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
package org.openhab.binding.p1meter.internal;

import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.thing.ThingTypeUID;

/**
 * The binding id, Thing types, channel ids, configuration and property names of the P1 meter add-on.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class P1MeterBindingConstants {

    public static final String BINDING_ID = "p1meter";

    // bridges: where the telegrams come from
    public static final ThingTypeUID THING_TYPE_SERIAL = new ThingTypeUID(BINDING_ID, "serial");
    public static final ThingTypeUID THING_TYPE_TCP = new ThingTypeUID(BINDING_ID, "tcp");

    // M-Bus devices behind the meter
    public static final ThingTypeUID THING_TYPE_GAS = new ThingTypeUID(BINDING_ID, "gas");
    public static final ThingTypeUID THING_TYPE_WATER = new ThingTypeUID(BINDING_ID, "water");
    public static final ThingTypeUID THING_TYPE_HEAT = new ThingTypeUID(BINDING_ID, "heat");
    public static final ThingTypeUID THING_TYPE_ELECTRICITY = new ThingTypeUID(BINDING_ID, "electricity");

    public static final Set<ThingTypeUID> MBUS_THING_TYPES = Set.of(THING_TYPE_GAS, THING_TYPE_WATER, THING_TYPE_HEAT,
            THING_TYPE_ELECTRICITY);
    public static final Set<ThingTypeUID> SUPPORTED_THING_TYPES = Set.of(THING_TYPE_SERIAL, THING_TYPE_TCP,
            THING_TYPE_GAS, THING_TYPE_WATER, THING_TYPE_HEAT, THING_TYPE_ELECTRICITY);

    // bridge configuration
    public static final String CONFIG_SERIAL_PORT = "serialPort";
    public static final String CONFIG_BAUD_RATE = "baudRate";
    public static final String CONFIG_HOST = "host";
    public static final String CONFIG_PORT = "port";
    public static final String CONFIG_DECRYPTION_KEY = "decryptionKey";
    public static final String CONFIG_ADDITIONAL_KEY = "additionalKey";
    public static final String CONFIG_RECEIVE_TIMEOUT = "receiveTimeout";
    public static final String CONFIG_REFRESH_INTERVAL = "refreshInterval";
    public static final String CONFIG_GAS_METER = "gasMeter";
    public static final String CONFIG_WATER_METER = "waterMeter";
    public static final String CONFIG_HEAT_METER = "heatMeter";

    // M-Bus Thing configuration
    public static final String CONFIG_SERIAL_NUMBER = "serialNumber";
    public static final String CONFIG_MBUS_CHANNEL = "mbusChannel";

    // properties
    /** The M-Bus device's equipment identifier: the representation property of discovered M-Bus Things. */
    public static final String PROPERTY_SERIAL_NUMBER = "serialNumber";
    public static final String PROPERTY_MBUS_CHANNEL = "mbusChannel";
    public static final String PROPERTY_HEADER = "header";
    public static final String PROPERTY_P1_VERSION = "p1Version";
    public static final String PROPERTY_EQUIPMENT_ID = "equipmentId";

    // channels of the M-Bus Things
    public static final String CHANNEL_READING = "reading";
    public static final String CHANNEL_READING_TIMESTAMP = "reading-timestamp";
    public static final String CHANNEL_FLOW = "flow";

    // channels of the bridges that the handler adds whatever the meter sends
    public static final String CHANNEL_CRC_ERRORS = "crc-errors";
    public static final String CHANNEL_LAST_UPDATE = "last-update";
    /** Trigger channel: fires {@link #EVENT_IMPORT} or {@link #EVENT_EXPORT} when the net power changes direction. */
    public static final String CHANNEL_POWER_DIRECTION = "power-direction";
    public static final String EVENT_IMPORT = "IMPORT";
    public static final String EVENT_EXPORT = "EXPORT";

    private P1MeterBindingConstants() {
    }
}
