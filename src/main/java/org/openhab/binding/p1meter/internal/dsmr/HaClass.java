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
package org.openhab.binding.p1meter.internal.dsmr;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * How Home Assistant shows a {@link Quantity} (MQTT discovery's sensor config): {@code device_class},
 * {@code state_class}, {@code unit_of_measurement}, whether the value is sent in the k-unit of the JSON reading
 * but shown in the base unit (kW as W, which Home Assistant's power sensors and Energy dashboard expect), its icon,
 * and whether it is a diagnostic entity ({@code entity_category}) rather than one about the household's use.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record HaClass(@Nullable String deviceClass, @Nullable String stateClass, @Nullable String unit,
        boolean kiloToBase, @Nullable String icon, boolean diagnostic) {

    public static final String MEASUREMENT = "measurement";
    public static final String TOTAL_INCREASING = "total_increasing";

    public static final HaClass ENERGY = measured("energy", TOTAL_INCREASING, "kWh", false);
    public static final HaClass POWER = measured("power", MEASUREMENT, "W", true);
    public static final HaClass VOLTAGE = measured("voltage", MEASUREMENT, "V", false);
    public static final HaClass CURRENT = measured("current", MEASUREMENT, "A", false);
    public static final HaClass FREQUENCY = measured("frequency", MEASUREMENT, "Hz", false);
    public static final HaClass REACTIVE_ENERGY = measured("reactive_energy", TOTAL_INCREASING, "kvarh", false);
    public static final HaClass REACTIVE_POWER = measured("reactive_power", MEASUREMENT, "var", true);
    public static final HaClass APPARENT_POWER = measured("apparent_power", MEASUREMENT, "VA", true);
    public static final HaClass POWER_FACTOR = measured("power_factor", MEASUREMENT, null, false);
    // the tariff and the counters of failures, sags and swells describe the grid and the meter rather than the
    // household's use: diagnostic entities
    public static final HaClass TARIFF = new HaClass(null, null, null, false, "mdi:clock-outline", true);
    public static final HaClass FAILURE_COUNT = new HaClass(null, TOTAL_INCREASING, null, false, "mdi:flash-off", true);
    public static final HaClass VOLTAGE_EVENT_COUNT = new HaClass(null, TOTAL_INCREASING, null, false, "mdi:sine-wave",
            true);
    public static final HaClass SWITCH_STATE = new HaClass(null, null, null, false, "mdi:electric-switch", false);

    private static HaClass measured(String deviceClass, String stateClass, @Nullable String unit, boolean kiloToBase) {
        return new HaClass(deviceClass, stateClass, unit, kiloToBase, null, false);
    }
}
