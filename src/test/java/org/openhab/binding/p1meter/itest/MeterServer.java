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
package org.openhab.binding.p1meter.itest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.reader.FakeDongle;
import org.openhab.binding.p1meter.internal.reader.SimulatedMeter;

/**
 * A P1 dongle on 127.0.0.1 (as an ESP dongle or ser2net serves a meter) that sends the project's
 * {@link SimulatedMeter} telegrams: every connected client gets one per {@link #send()}, or one per period with
 * {@link #every}. It can go away ({@link #stop()}: the port refuses) and come back on the same port
 * ({@link #restart()}). The unit tests' {@link FakeDongle} with a meter behind it.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class MeterServer implements AutoCloseable {

    private final SimulatedMeter meter = new SimulatedMeter(Instant.parse("2026-06-14T11:00:00Z"),
            Duration.ofSeconds(1), Duration.ofMinutes(1), 42);
    private final FakeDongle dongle;

    public MeterServer() throws IOException {
        dongle = new FakeDongle();
    }

    public int port() {
        return dongle.port();
    }

    /** The number of clients (openHAB bridges) connected now. */
    public int clients() {
        return dongle.clients();
    }

    public void awaitClient() {
        // no poll delay: Awaitility's default first look after 100 ms would be in every latency the tests measure
        await("a client on the meter's port " + port()).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .atMost(Duration.ofSeconds(60)).until(() -> clients() > 0);
    }

    /**
     * Sends the next telegram to every client; returns it. A telegram a test sends on purpose is for the bridge:
     * while none is connected (it is reconnecting) this waits for it rather than sending into the void.
     */
    public synchronized byte[] send() {
        awaitClient();
        byte[] telegram = meter.nextTelegram();
        dongle.send(telegram);
        return telegram;
    }

    /** Sends these bytes to every client, once one is connected (a client that fails is dropped, as a dongle does). */
    public void send(byte[] bytes) {
        awaitClient();
        dongle.send(bytes);
    }

    /** Sends a telegram every period from now on, as a real meter does, until {@link #pause()}. */
    public void every(Duration period) {
        dongle.every(period, this::nextTelegram);
    }

    private synchronized byte[] nextTelegram() {
        return meter.nextTelegram();
    }

    /** Sends the same bytes (e.g. an encrypted frame) every period from now on, until {@link #pause()}. */
    public void every(Duration period, byte[] frame) {
        dongle.every(period, frame);
    }

    /** No more telegrams unless {@link #send()} is called. */
    public void pause() {
        dongle.pause();
    }

    /** The dongle goes away: clients are hung up on and the port refuses connections. */
    public void stop() {
        dongle.stop();
    }

    /** The dongle comes back on the same port. */
    public void restart() throws IOException {
        dongle.restart();
    }

    @Override
    public void close() {
        dongle.close();
    }
}
