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

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.dsmr.MBusDevice;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;
import org.openhab.binding.p1meter.internal.dsmr.TelegramJson;
import org.openhab.binding.p1meter.internal.dsmr.TelegramParser;
import org.openhab.binding.p1meter.internal.reader.TestTelegrams;

/**
 * Telegrams for the MQTT tests: corpus telegrams read by the parser, and small hand-built ones.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class TestReadings {

    private TestReadings() {
    }

    /** A corpus telegram as the parser reads it, whatever its CRC. */
    public static P1Telegram corpus(String name) {
        return TelegramParser.parse(TestTelegrams.bytes(name), true);
    }

    /** The smartmeter2mqtt README's Kaifa telegram: single phase, gas on channel 2. */
    public static P1Telegram kaifa() {
        return corpus("dsmr42_kfm_smartmeter2mqtt");
    }

    /** A small telegram with the given import power, for many distinct readings. */
    public static P1Telegram kaifaWithUsage(double kw) {
        return new P1Telegram.Builder().header("KFM5KAIFA-METER").p1Version("42").equipmentId("4530303033")
                .set(Quantity.ENERGY_IMPORT_T1, 2000.123).set(Quantity.POWER_IMPORT, kw).set(Quantity.POWER_EXPORT, 0)
                .mbus(List.of(new MBusDevice(2, 3, "4730303339", OffsetDateTime.parse("2019-05-14T21:00:00+02:00"),
                        1543.012, Quantity.Unit.M3, -1)))
                .build();
    }

    /** {@link #kaifaWithUsage} with one more quantity, as when a meter starts sending something new. */
    public static P1Telegram kaifaWith(Quantity extra, double value) {
        return new P1Telegram.Builder().header("KFM5KAIFA-METER").p1Version("42").equipmentId("4530303033")
                .set(Quantity.ENERGY_IMPORT_T1, 2000.123).set(Quantity.POWER_IMPORT, 0.4).set(Quantity.POWER_EXPORT, 0)
                .set(extra, value).mbus(List.of(new MBusDevice(2, 3, "4730303339",
                        OffsetDateTime.parse("2019-05-14T21:00:00+02:00"), 1543.012, Quantity.Unit.M3, -1)))
                .build();
    }

    /** The JSON reading of the contract. */
    public static String json(P1Telegram t) {
        return TelegramJson.toJson(t);
    }
}
