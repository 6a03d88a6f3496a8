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
package org.openhab.binding.p1meter.internal.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.p1meter.internal.dsmr.MBusDevice;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;

/**
 * smartmeter2mqtt's usage-change semantics, with values worked out by hand.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class UsageTrackerTest {

    private static P1Telegram power(double importKw, double exportKw) {
        return new P1Telegram.Builder().set(Quantity.POWER_IMPORT, importKw).set(Quantity.POWER_EXPORT, exportKw)
                .build();
    }

    private static P1Telegram gas(int hour, int minute, double m3) {
        return gas("47", hour, minute, m3);
    }

    private static P1Telegram gas(String serial, int hour, int minute, double m3) {
        OffsetDateTime ts = OffsetDateTime.of(2025, 6, 14, hour, minute, 0, 0, ZoneOffset.ofHours(2));
        return new P1Telegram.Builder().set(Quantity.POWER_IMPORT, 0.5)
                .mbus(List.of(new MBusDevice(1, MBusDevice.TYPE_GAS, serial, ts, m3, Quantity.Unit.M3, -1))).build();
    }

    @Test
    void netPowerChangesAreReportedLikeSmartmeter2mqtt() {
        UsageTracker t = new UsageTracker();
        UsageChange first = t.power(power(1.754, 0), 1000L);
        assertThat(first).isEqualTo(new UsageChange(0, 1754, "Usage increased +1754 to 1754", 1754, 1000L));

        assertThat(t.power(power(1.754, 0), 2000L)).as("unchanged").isNull();

        UsageChange up = t.power(power(1.762, 0), 3000L);
        assertThat(up).isEqualTo(new UsageChange(1754, 8, "Usage increased +8 to 1762", 1762, 3000L));

        UsageChange export = t.power(power(0, 1.746), 4000L);
        assertThat(export).isEqualTo(new UsageChange(1762, -3508, "Usage decreased -3508 to -1746", -1746, 4000L));

        // the README's example
        UsageChange down = t.power(power(0, 1.754), 5000L);
        assertThat(down).isEqualTo(new UsageChange(-1746, -8, "Usage decreased -8 to -1754", -1754, 5000L));
    }

    @Test
    void meterWithoutPowerGivesNoEvents() {
        UsageTracker t = new UsageTracker();
        assertThat(t.power(new P1Telegram.Builder().build(), 1L)).isNull();
    }

    /**
     * smartmeter2mqtt 1.6.0 fed the same readings over a socket published on status/gasUsage:
     * {"previousUsage":0,"relative":0,"message":"Reading increased +0 to 1342.052","val":0},
     * {"previousUsage":0,"relative":0.004,"message":"Reading increased +0.004000000000132786 to 1342.056","val":0.048},
     * nothing for the repeated timestamp, then
     * {"previousUsage":0.048,"relative":0.044,"message":"Reading increased +0.04399999999986903 to
     * 1342.1","val":0.528}.
     */
    @Test
    void gasUsageHasSmartmeter2mqttsMeaningFromTheFirstReadingOn() {
        UsageTracker t = new UsageTracker();
        UsageTracker.GasReading first = t.gas(gas(13, 5, 1342.052), 1L);
        assertThat(first).isNotNull();
        assertThat(first.change()).isEqualTo(new UsageChange(0, 0, "Reading increased +0 to 1342.052", 0, 1L));
        assertThat(first.hasFlow()).as("no flow from one reading").isFalse();

        UsageTracker.GasReading second = t.gas(gas(13, 10, 1342.056), 2L);
        assertThat(second.change())
                .isEqualTo(new UsageChange(0, 0.004, "Reading increased +0.004 to 1342.056", 0.048, 2L));
        assertThat(second.flow()).isEqualTo(0.048);
        assertThat(second.time()).isEqualTo(OffsetDateTime.parse("2025-06-14T13:10:00+02:00"));

        assertThat(t.gas(gas(13, 10, 1342.056), 3L)).as("same timestamp").isNull();

        UsageTracker.GasReading third = t.gas(gas(13, 15, 1342.100), 4L);
        assertThat(third.change())
                .isEqualTo(new UsageChange(0.048, 0.044, "Reading increased +0.044 to 1342.1", 0.528, 4L));
    }

    @Test
    void anotherGasMeterOrAFallingReadingStartsAfresh() {
        UsageTracker t = new UsageTracker();
        t.gas(gas(10, 0, 100.000), 1L);
        t.gas(gas(10, 5, 100.050), 2L);
        // the meter's gas meter is now another device (replaced): a first reading again, no flow from 100 to 5
        UsageTracker.GasReading other = t.gas(gas("48", 10, 10, 5.000), 3L);
        assertThat(other.change()).isEqualTo(new UsageChange(0, 0, "Reading increased +0 to 5", 0, 3L));
        assertThat(other.hasFlow()).isFalse();
        UsageTracker.GasReading next = t.gas(gas("48", 10, 15, 5.100), 4L);
        assertThat(next.flow()).isEqualTo(1.2);
        // the same device whose reading falls: said as it is, but no flow
        UsageTracker.GasReading falling = t.gas(gas("48", 10, 20, 4.900), 5L);
        assertThat(falling.change()).isEqualTo(new UsageChange(1.2, -0.2, "Reading decreased -0.2 to 4.9", 0, 5L));
        assertThat(falling.hasFlow()).isFalse();
        // a gas meter without a reading time gives no events
        P1Telegram untimed = new P1Telegram.Builder()
                .mbus(List.of(new MBusDevice(1, MBusDevice.TYPE_GAS, "48", null, 5.2, Quantity.Unit.M3, -1))).build();
        assertThat(t.gas(untimed, 6L)).isNull();
    }
}
