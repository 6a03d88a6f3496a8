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

import static org.assertj.core.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(10)
class LatestPerTopicQueueTest {

    private static OutboundMessage msg(String topic, String payload) {
        return OutboundMessage.of(topic, payload, true);
    }

    private static List<String> drain(LatestPerTopicQueue q) throws InterruptedException {
        List<String> out = new ArrayList<>();
        @Nullable
        OutboundMessage m;
        while ((m = q.poll(0, TimeUnit.MILLISECONDS)) != null) {
            out.add(m.topic() + "=" + m.payloadText());
        }
        return out;
    }

    @Test
    void newestMessagePerTopicWinsAndKeepsItsPlace() throws InterruptedException {
        LatestPerTopicQueue q = new LatestPerTopicQueue(10);
        for (int i = 0; i < 1000; i++) {
            q.offer(msg("a", "reading " + i));
            q.offer(msg("b", "usage " + i));
        }
        assertThat(q.size()).isEqualTo(2);
        assertThat(q.replaced()).isEqualTo(1998);
        assertThat(drain(q)).containsExactly("a=reading 999", "b=usage 999");
    }

    @Test
    void fullQueueDropsTheOldest() throws InterruptedException {
        LatestPerTopicQueue q = new LatestPerTopicQueue(3);
        for (String t : new String[] { "a", "b", "c", "d", "e" }) {
            q.offer(msg(t, t));
        }
        assertThat(q.dropped()).isEqualTo(2);
        assertThat(drain(q)).containsExactly("c=c", "d=d", "e=e");
    }

    @Test
    void offerFirstGoesAheadAndRequeueYieldsToNewer() throws InterruptedException {
        LatestPerTopicQueue q = new LatestPerTopicQueue(10);
        q.offer(msg("energy", "1"));
        q.offerFirst(List.of(msg("connected", "2"), msg("config", "c")));
        OutboundMessage first = q.poll(0, TimeUnit.MILLISECONDS);
        assertThat(first).isNotNull();
        q.requeue(msg("energy", "0")); // a newer energy is waiting: the failed older one is not put back
        q.requeue(first); // nothing newer for "connected": back at the head
        assertThat(drain(q)).containsExactly("connected=2", "config=c", "energy=1");
    }

    @Test
    void pollTimesOutAndWakeUpReturnsEarly() throws InterruptedException {
        LatestPerTopicQueue q = new LatestPerTopicQueue(10);
        long t0 = System.nanoTime();
        assertThat(q.poll(50, TimeUnit.MILLISECONDS)).isNull();
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(45));
        Thread waker = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            q.wakeUp();
        });
        waker.start();
        t0 = System.nanoTime();
        assertThat(q.poll(5, TimeUnit.SECONDS)).isNull();
        assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(3));
        waker.join();
    }
}
