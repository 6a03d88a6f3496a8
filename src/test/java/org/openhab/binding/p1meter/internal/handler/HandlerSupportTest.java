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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Flow from successive M-Bus readings, refresh throttling and the once-a-minute log, with hand-worked values.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class HandlerSupportTest {

    private static Instant at(String t) {
        return Instant.parse("2025-03-01T" + t + "Z");
    }

    @Test
    void flowIsTheVolumeBetweenTwoReadingsPerHour() {
        FlowRateCalculator flow = new FlowRateCalculator();
        assertThat(flow.update(at("10:00:00"), 100.000)).isNull();
        // 0.250 m3 in 5 minutes = 3 m3/h
        assertThat(flow.update(at("10:05:00"), 100.250)).isCloseTo(3.0, within(1e-9));
        // the telegram repeats the same reading: same flow
        assertThat(flow.update(at("10:05:00"), 100.250)).isCloseTo(3.0, within(1e-9));
        // nothing used in the next hour: 0
        assertThat(flow.update(at("11:05:00"), 100.250)).isCloseTo(0.0, within(1e-9));
        // a replaced meter counting from less starts over
        assertThat(flow.update(at("11:10:00"), 3.000)).isNull();
        assertThat(flow.update(at("11:40:00"), 3.500)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void throttleLetsOneUpdateThroughPerInterval() {
        RefreshThrottle every10s = new RefreshThrottle(10);
        long s = 1_000_000_000L;
        assertThat(every10s.due(100 * s)).isTrue();
        assertThat(every10s.due(105 * s)).isFalse();
        assertThat(every10s.due(110 * s)).isTrue();
        assertThat(every10s.due(119 * s)).isFalse();
        RefreshThrottle always = new RefreshThrottle(0);
        assertThat(always.due(1)).isTrue();
        assertThat(always.due(2)).isTrue();
    }

    @Test
    void logLimiterReportsTheFirstEventThenACountOncePerInterval() {
        long minute = 60_000_000_000L;
        EventLogLimiter limiter = new EventLogLimiter(minute);
        assertThat(limiter.record(0)).isEqualTo(1);
        assertThat(limiter.record(minute / 2)).isZero();
        assertThat(limiter.record(minute / 2 + 1)).isZero();
        // a minute after the last log: the two held back and this one
        assertThat(limiter.record(minute)).isEqualTo(3);
        assertThat(limiter.record(minute + 1)).isZero();
    }
}
