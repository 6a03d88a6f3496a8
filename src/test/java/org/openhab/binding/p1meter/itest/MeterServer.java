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
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.reader.Loopback;
import org.openhab.binding.p1meter.internal.reader.SimulatedMeter;

/**
 * A P1 dongle on 127.0.0.1 (as an ESP dongle or ser2net serves a meter): every connected client gets the
 * project's {@link SimulatedMeter} telegrams, one per {@link #send()} or one per period with {@link #every}. It can
 * go away ({@link #stop()}: the port refuses) and come back on the same port ({@link #restart()}).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class MeterServer implements AutoCloseable {

    private final SimulatedMeter meter = new SimulatedMeter(Instant.parse("2026-06-14T11:00:00Z"),
            Duration.ofSeconds(1), Duration.ofMinutes(1), 42);
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "meter-server-timer");
        t.setDaemon(true);
        return t;
    });
    private @Nullable ScheduledFuture<?> ticking;
    private volatile @Nullable ServerSocket server;
    private volatile int port;

    public MeterServer() throws IOException {
        listen(0);
    }

    public int port() {
        return port;
    }

    /** The number of clients (openHAB bridges) connected now. */
    public int clients() {
        return clients.size();
    }

    public void awaitClient() {
        await("a client on the meter's port " + port).atMost(Duration.ofSeconds(60)).until(() -> clients() > 0);
    }

    /** Sends the next telegram to every client; returns it. */
    public synchronized byte[] send() {
        byte[] telegram = meter.nextTelegram();
        send(telegram);
        return telegram;
    }

    /** Sends these bytes to every client (a client that fails is dropped, as a dongle does). */
    public synchronized void send(byte[] bytes) {
        for (Socket client : clients) {
            try {
                client.getOutputStream().write(bytes);
                client.getOutputStream().flush();
            } catch (IOException e) {
                clients.remove(client);
                closeQuietly(client);
            }
        }
    }

    /** Sends a telegram every period from now on, as a real meter does, until {@link #pause()}. */
    public synchronized void every(Duration period) {
        pause();
        ticking = timer.scheduleAtFixedRate(this::send, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends the same bytes (e.g. an encrypted frame) every period from now on, until {@link #pause()}. */
    public synchronized void every(Duration period, byte[] frame) {
        pause();
        ticking = timer.scheduleAtFixedRate(() -> send(frame), 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** No more telegrams unless {@link #send()} is called. */
    public synchronized void pause() {
        ScheduledFuture<?> t = ticking;
        ticking = null;
        if (t != null) {
            t.cancel(false);
        }
    }

    /** The dongle goes away: clients are hung up on and the port refuses connections. */
    public synchronized void stop() {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            closeQuietly(s);
        }
        clients.forEach(MeterServer::closeQuietly);
        clients.clear();
    }

    /** The dongle comes back on the same port. */
    public synchronized void restart() throws IOException {
        stop();
        listen(port);
    }

    private void listen(int wanted) throws IOException {
        ServerSocket s = new ServerSocket();
        Loopback.bind(s, wanted);
        server = s;
        port = s.getLocalPort();
        Thread acceptor = new Thread(() -> accept(s), "meter-server-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                client.setTcpNoDelay(true);
                clients.add(client);
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        stop();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing a socket that is gone already
        }
    }
}
