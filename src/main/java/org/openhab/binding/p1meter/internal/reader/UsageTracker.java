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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.MBusDevice;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;

/**
 * Derives smartmeter2mqtt's usage-change events from successive telegrams: the net power (W, import minus
 * export) whenever it differs from the previous telegram's, and the gas flow (m3/h) whenever the gas meter
 * reports a reading with a new timestamp. Not thread-safe: the reader thread owns it.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class UsageTracker {

    /** smartmeter2mqtt starts from 0 W, so the first telegram with load reports a change from 0. */
    private double lastWatts = 0;

    private @Nullable OffsetDateTime lastGasTime;
    private double lastGasValue = Double.NaN;
    private double lastGasFlow = 0;

    /** The net power change this telegram brings, or null when it is unchanged or the meter sends no power. */
    @Nullable
    UsageChange power(P1Telegram telegram, long nowMillis) {
        double watts = telegram.netPowerWatts();
        if (Double.isNaN(watts) || watts == lastWatts) {
            return null;
        }
        double relative = watts - lastWatts;
        String message = "Usage " + (relative > 0 ? "increased " : "decreased ") + format(relative) + " to "
                + format(watts);
        UsageChange change = new UsageChange(lastWatts, relative, message, watts, nowMillis);
        lastWatts = watts;
        return change;
    }

    /**
     * The gas flow since the previous gas reading, or null when the gas reading has not moved on (same
     * timestamp), is the first one seen, or went backwards (a replaced meter or clock: tracking restarts).
     */
    @Nullable
    UsageChange gas(P1Telegram telegram, long nowMillis) {
        MBusDevice gas = telegram.mbus(MBusDevice.Kind.GAS);
        if (gas == null || !gas.hasValue()) {
            return null;
        }
        OffsetDateTime time = gas.timestamp();
        if (time == null) {
            return null;
        }
        OffsetDateTime previousTime = lastGasTime;
        double previousValue = lastGasValue;
        if (previousTime != null && time.isEqual(previousTime)) {
            return null;
        }
        lastGasTime = time;
        lastGasValue = gas.value();
        if (previousTime == null || Double.isNaN(previousValue)) {
            return null;
        }
        long seconds = java.time.Duration.between(previousTime, time).getSeconds();
        double used = gas.value() - previousValue;
        if (seconds <= 0 || used < 0) {
            lastGasFlow = 0;
            return null;
        }
        double flow = round3(used * 3600.0 / seconds);
        double relative = round3(flow - lastGasFlow);
        String message = "Gas usage " + (relative >= 0 ? "increased " : "decreased ") + format(relative) + " to "
                + format(flow) + " m3/h";
        UsageChange change = new UsageChange(lastGasFlow, relative, message, flow, nowMillis);
        lastGasFlow = flow;
        return change;
    }

    private static double round3(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    /** Whole numbers without ".0" (power is in whole watts), others as short as they are exact. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
