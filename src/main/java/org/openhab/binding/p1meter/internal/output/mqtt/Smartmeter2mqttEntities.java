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

import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the MQTT output does with the Home Assistant entities smartmeter2mqtt announced (retained configs under
 * {@code <discovery-prefix>/sensor/smartmeter/<object>/config}, which stay on the broker after the switch and
 * would show every sensor twice).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public enum Smartmeter2mqttEntities {
    /** Leave them alone (the default: nothing of another program is touched unasked). */
    LEAVE,
    /**
     * Announce this meter's matching sensors under smartmeter2mqtt's topics and unique ids: Home Assistant updates
     * the entities it has, so their entity ids, history and Energy dashboard settings stay.
     */
    ADOPT,
    /** Clear smartmeter2mqtt's configs (empty retained messages): Home Assistant removes those entities. */
    REMOVE;

    /**
     * @param text {@code adopt}, {@code remove}, or blank / {@code leave} / {@code none}
     * @throws IllegalArgumentException for anything else
     */
    public static Smartmeter2mqttEntities parse(@Nullable String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "":
            case "leave":
            case "none":
                return LEAVE;
            case "adopt":
                return ADOPT;
            case "remove":
                return REMOVE;
            default:
                throw new IllegalArgumentException(
                        "smartmeter2mqtt's Home Assistant entities: 'adopt' (keep them, with their history) or "
                                + "'remove', not '" + text + "'");
        }
    }
}
