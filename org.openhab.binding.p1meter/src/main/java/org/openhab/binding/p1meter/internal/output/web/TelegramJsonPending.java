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
package org.openhab.binding.p1meter.internal.output.web;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;
import org.openhab.binding.p1meter.internal.dsmr.MBusDevice;

import com.google.gson.JsonObject;

/** Interim until the parser's TelegramJson is merged. */
@NonNullByDefault
final class TelegramJsonPending {
    static String toJson(P1Telegram t) {
        JsonObject o = new JsonObject();
        o.addProperty("header", t.header());
        if (t.p1Version() != null) o.addProperty("p1Version", t.p1Version());
        if (t.timestamp() != null) o.addProperty("powerTs", String.valueOf(t.timestamp()));
        if (t.equipmentId() != null) o.addProperty("powerSn", t.equipmentId());
        for (Quantity q : Quantity.values()) {
            if (t.has(q)) o.addProperty(q.jsonName(), t.get(q));
        }
        if (!Double.isNaN(t.netPowerWatts())) o.addProperty("calculatedUsage", t.netPowerWatts());
        MBusDevice gas = t.mbus(MBusDevice.Kind.GAS);
        if (gas != null) { JsonObject g = new JsonObject(); g.addProperty("ts", String.valueOf(gas.timestamp())); g.addProperty("totalUse", gas.value()); o.add("gas", g); }
        MBusDevice water = t.mbus(MBusDevice.Kind.WATER);
        if (water != null) { JsonObject g = new JsonObject(); g.addProperty("ts", String.valueOf(water.timestamp())); g.addProperty("totalUse", water.value()); o.add("water", g); }
        o.addProperty("crc", t.crcChecked());
        return o.toString();
    }
}
