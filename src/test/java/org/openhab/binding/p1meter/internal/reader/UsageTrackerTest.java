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
import org.eclipse.jdt.annotation.Nullable;
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
        OffsetDateTime ts = OffsetDateTime.of(2025, 1, 10, hour, minute, 0, 0, ZoneOffset.ofHours(1));
        return new P1Telegram.Builder().set(Quantity.POWER_IMPORT, 0.5)
                .mbus(List.of(new MBusDevice(1, MBusDevice.TYPE_GAS, "47", ts, m3, Quantity.Unit.M3, -1))).build();
    }

    @Test
    void netPowerChangesAreReportedLikeSmartmeter2mqtt() {
        UsageTracker t = new UsageTracker();
        UsageChange first = t.power(power(1.754, 0), 1000L);
        assertThat(first).isEqualTo(new UsageChange(0, 1754, "Usage increased 1754 to 1754", 1754, 1000L));

        assertThat(t.power(power(1.754, 0), 2000L)).as("unchanged").isNull();

        UsageChange up = t.power(power(1.762, 0), 3000L);
        assertThat(up).isEqualTo(new UsageChange(1754, 8, "Usage increased 8 to 1762", 1762, 3000L));

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

    @Test
    void gasFlowComesFromTwoReadingsWithDifferentTimestamps() {
        UsageTracker t = new UsageTracker();
        assertThat(t.gas(gas(10, 0, 100.000), 1L)).as("first reading: nothing to compare").isNull();
        assertThat(t.gas(gas(10, 0, 100.000), 2L)).as("same timestamp").isNull();
        // 0.050 m3 in 5 minutes = 0.6 m3/h
        @Nullable
        UsageChange c = t.gas(gas(10, 5, 100.050), 3L);
        assertThat(c).isNotNull();
        assertThat(c.val()).isEqualTo(0.6);
        assertThat(c.previousUsage()).isEqualTo(0.0);
        assertThat(c.relative()).isEqualTo(0.6);
        assertThat(c.tc()).isEqualTo(3L);
        assertThat(c.message()).isEqualTo("Gas usage increased 0.6 to 0.6 m3/h");
        // 0.010 m3 in the next hour = 0.01 m3/h
        @Nullable
        UsageChange d = t.gas(gas(11, 5, 100.060), 4L);
        assertThat(d).isNotNull();
        assertThat(d.val()).isEqualTo(0.01);
        assertThat(d.previousUsage()).isEqualTo(0.6);
        assertThat(d.relative()).isEqualTo(-0.59);
        assertThat(d.message()).isEqualTo("Gas usage decreased -0.59 to 0.01 m3/h");
    }

    @Test
    void gasMeterGoingBackwardsRestartsTracking() {
        UsageTracker t = new UsageTracker();
        t.gas(gas(10, 0, 100.000), 1L);
        assertThat(t.gas(gas(10, 5, 5.000), 2L)).as("replaced meter").isNull();
        @Nullable
        UsageChange c = t.gas(gas(10, 10, 5.100), 3L);
        assertThat(c).isNotNull();
        assertThat(c.val()).isEqualTo(1.2);
    }
}
