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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.MBusDevice;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;

/**
 * Derives smartmeter2mqtt's usage-change events from successive telegrams, with its meanings (as v1.6.0 publishes
 * them, measured side by side):
 * <ul>
 * <li>{@code usage}: whenever the net power (W, import minus export) differs from the previous telegram's;
 * {@code "Usage increased +8 to 1762"};</li>
 * <li>{@code gasUsage}: whenever the gas meter's reading carries a new time, from the first reading on:
 * {@code relative} the change of the reading (m3), {@code val} the flow since the previous reading (m3/h, 0 for
 * the first), {@code previousUsage} the previous flow, {@code "Reading increased +0.004 to 1342.056"}.</li>
 * </ul>
 * The gas meter is the telegram's ({@link P1Telegram#mbus(MBusDevice.Kind)}); when that becomes another device,
 * or the reading's time goes backwards, tracking starts afresh as with a first reading. Not thread-safe: one
 * thread owns an instance.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class UsageTracker {

    /** A new gas reading: smartmeter2mqtt's event, and the flow when one can be told. */
    public record GasReading(UsageChange change, double flow, OffsetDateTime time) {
        /** Whether {@link #flow} (m3/h) was measured: not for a first reading, a restart or a falling reading. */
        public boolean hasFlow() {
            return !Double.isNaN(flow);
        }
    }

    /** smartmeter2mqtt starts from 0 W, so the first telegram with load reports a change from 0. */
    private double lastWatts = 0;

    private @Nullable String gasDevice;
    private @Nullable OffsetDateTime lastGasTime;
    private double lastGasValue = Double.NaN;
    private double lastGasFlow = 0;

    /** The net power change this telegram brings, or null when it is unchanged or the meter sends no power. */
    public @Nullable UsageChange power(P1Telegram telegram, long nowMillis) {
        double watts = telegram.netPowerWatts();
        if (Double.isNaN(watts) || watts == lastWatts) {
            return null;
        }
        double relative = watts - lastWatts;
        String message = "Usage " + (relative > 0 ? "increased +" : "decreased ") + format(relative) + " to "
                + format(watts);
        UsageChange change = new UsageChange(lastWatts, relative, message, watts, nowMillis);
        lastWatts = watts;
        return change;
    }

    /**
     * The gas reading this telegram brings, or null when there is no gas reading with a time or its time is the
     * one seen before.
     */
    public @Nullable GasReading gas(P1Telegram telegram, long nowMillis) {
        MBusDevice gas = telegram.mbus(MBusDevice.Kind.GAS);
        if (gas == null || !gas.hasValue()) {
            return null;
        }
        OffsetDateTime time = gas.timestamp();
        if (time == null) {
            return null;
        }
        String device = gas.channel() + "/" + gas.serial();
        OffsetDateTime previousTime = lastGasTime;
        if (previousTime != null && time.isEqual(previousTime) && device.equals(gasDevice)) {
            return null;
        }
        double value = gas.value();
        boolean restart = previousTime == null || !device.equals(gasDevice) || time.isBefore(previousTime)
                || Double.isNaN(lastGasValue);
        double relative = restart ? 0 : round3(value - lastGasValue);
        double flow = Double.NaN;
        if (!restart && relative >= 0) {
            long seconds = Duration.between(Objects.requireNonNull(previousTime), time).getSeconds();
            flow = round3((value - lastGasValue) * 3600.0 / seconds);
        }
        double previousFlow = restart ? 0 : lastGasFlow;
        double val = Double.isNaN(flow) ? 0 : flow;
        String message = "Reading " + (relative >= 0 ? "increased +" : "decreased ") + format(relative) + " to "
                + format(value);
        gasDevice = device;
        lastGasTime = time;
        lastGasValue = value;
        lastGasFlow = val;
        return new GasReading(new UsageChange(previousFlow, relative, message, val, nowMillis), flow, time);
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
