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

import java.util.List;
import java.time.OffsetDateTime;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.dsmr.MBusDevice;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;

import com.google.gson.JsonObject;

/**
 * Telegrams and their JSON readings for the MQTT tests.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class TestReadings {

    private TestReadings() {
    }

    static P1Telegram kaifa() {
        return HaDiscoveryTest.kaifa();
    }

    static P1Telegram kaifaWithUsage(double kw) {
        return new P1Telegram.Builder().header("KFM5KAIFA-METER").p1Version("42").equipmentId("4530303033")
                .set(Quantity.ENERGY_IMPORT_T1, 2000.123).set(Quantity.POWER_IMPORT, kw)
                .set(Quantity.POWER_EXPORT, 0)
                .mbus(List.of(new MBusDevice(2, 3, "4730303339", OffsetDateTime.parse("2019-05-14T21:00:00+02:00"),
                        1543.012, Quantity.Unit.M3, -1)))
                .build();
    }

    /** The JSON reading's numeric fields, as the JSON contract names them. */
    static String json(P1Telegram t) {
        JsonObject o = new JsonObject();
        o.addProperty("header", t.header());
        for (Quantity q : Quantity.values()) {
            if (t.has(q)) {
                o.addProperty(q.jsonName(), t.get(q));
            }
        }
        o.addProperty("calculatedUsage", t.netPowerWatts());
        return o.toString();
    }
}
