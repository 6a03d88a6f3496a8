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
package org.openhab.binding.p1meter.internal.handler;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The flow (m3/h) from successive readings of a gas or water meter. M-Bus meters report every 5 minutes
 * (DSMR 5) or every hour (DSMR 4) while the P1 telegram repeats the last reading every second or ten, so a
 * flow is computed only when the reading's own timestamp moves on.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class FlowRateCalculator {

    private @Nullable Instant lastTime;
    private double lastValue = Double.NaN;
    private @Nullable Double lastFlow;

    /**
     * @param time when the device took the reading
     * @param value the reading (m3)
     * @return the flow in m3/h since the previous reading, the previous flow when this is the same reading
     *         again, or null when there is no earlier reading to compare with (first one, or the meter was
     *         replaced and counts from a lower value)
     */
    public synchronized @Nullable Double update(Instant time, double value) {
        Instant previous = lastTime;
        if (previous == null || Double.isNaN(lastValue) || value < lastValue || time.isBefore(previous)) {
            reset(time, value);
            return null;
        }
        if (time.equals(previous)) {
            return lastFlow;
        }
        double hours = Duration.between(previous, time).toMillis() / 3_600_000.0;
        double flow = (value - lastValue) / hours;
        lastTime = time;
        lastValue = value;
        lastFlow = flow;
        return flow;
    }

    private void reset(Instant time, double value) {
        lastTime = time;
        lastValue = value;
        lastFlow = null;
    }
}
