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

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.output.mqtt.ReadingBacklog.Added;

/**
 * What waits for the MQTT publisher: everything in order while the broker takes it, only the newest while it is
 * away, the oldest skipped past the bound, and how long nothing was taken.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class ReadingBacklogTest {

    private final P1Telegram a = TestReadings.kaifaWithUsage(0.1);
    private final P1Telegram b = TestReadings.kaifaWithUsage(0.2);
    private final P1Telegram c = TestReadings.kaifaWithUsage(0.3);

    @Test
    void keepsEveryTelegramInOrderWhileTheBrokerTakesThem() {
        ReadingBacklog backlog = new ReadingBacklog(10);
        assertThat(backlog.add(a, true, 0)).isEqualTo(Added.FIRST);
        assertThat(backlog.add(b, true, 0)).isEqualTo(Added.QUEUED);
        assertThat(backlog.add(c, true, 0)).isEqualTo(Added.QUEUED);
        assertThat(backlog.take(1)).isSameAs(a);
        assertThat(backlog.take(1)).isSameAs(b);
        assertThat(backlog.take(1)).isSameAs(c);
        assertThat(backlog.take(1)).isNull();
        assertThat(backlog.skipped()).isZero();
    }

    @Test
    void keepsOnlyTheNewestWhileTheBrokerIsAwayOrWhenToldTo() {
        ReadingBacklog backlog = new ReadingBacklog(10);
        backlog.add(a, true, 0);
        backlog.add(b, true, 0);
        assertThat(backlog.add(c, false, 0)).isEqualTo(Added.QUEUED);
        assertThat(backlog.size()).isOne();
        assertThat(backlog.skipped()).isEqualTo(2);
        backlog.add(a, true, 0);
        backlog.keepNewest();
        assertThat(backlog.take(0)).isSameAs(a);
        assertThat(backlog.skipped()).isEqualTo(3);
    }

    @Test
    void skipsTheOldestPastTheBound() {
        ReadingBacklog backlog = new ReadingBacklog(2);
        backlog.add(a, true, 0);
        backlog.add(b, true, 0);
        assertThat(backlog.add(c, true, 0)).isEqualTo(Added.OVERFLOWED);
        assertThat(backlog.take(0)).isSameAs(b);
        assertThat(backlog.take(0)).isSameAs(c);
        assertThat(backlog.skipped()).isOne();
    }

    @Test
    void measuresTheTimeNothingWasTakenOnlyWhileTelegramsWait() {
        ReadingBacklog backlog = new ReadingBacklog(10);
        assertThat(backlog.stalledNanos(1_000)).as("nothing waits").isZero();
        backlog.add(a, true, 5_000); // waits from now on, however long the backlog was empty before
        backlog.add(b, true, 6_000);
        assertThat(backlog.stalledNanos(9_000)).isEqualTo(4_000);
        backlog.take(10_000);
        assertThat(backlog.stalledNanos(12_000)).as("since the last take").isEqualTo(2_000);
        backlog.take(13_000);
        assertThat(backlog.stalledNanos(20_000)).isZero();
    }
}
