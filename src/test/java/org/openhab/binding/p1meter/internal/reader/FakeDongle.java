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

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A P1 dongle on 127.0.0.1 (an ESP dongle, ser2net): the TCP server a reader connects to. A test writes to a
 * connection it takes ({@link #nextClient()}), or lets the dongle send to every connected client, once
 * ({@link #send}) or one telegram per period as a meter does ({@link #every}). It can go away ({@link #stop()}:
 * its connections hang up and the port refuses) and come back on the same port ({@link #restart()}, or a new
 * dongle on that port).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class FakeDongle implements AutoCloseable {

    private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-dongle-timer");
        t.setDaemon(true);
        return t;
    });
    private @Nullable ScheduledFuture<?> ticking;
    private volatile @Nullable ServerSocket server;
    private volatile int port;

    /** Listens on a free port. */
    public FakeDongle() throws IOException {
        this(0);
    }

    /** Listens on the port (0: a free one), as a dongle that comes back on its predecessor's port. */
    public FakeDongle(int port) throws IOException {
        listen(port);
    }

    public int port() {
        return port;
    }

    /** The number of clients connected now. */
    public int clients() {
        return clients.size();
    }

    /** The next connection a reader made, for the test to write to. */
    public Socket nextClient() throws InterruptedException {
        Socket s = accepted.poll(10, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("reader did not connect");
        }
        return s;
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

    /** Sends the telegrams in turn to every client, one per period from now on, until {@link #pause()}. */
    public void every(Duration period, byte[]... telegrams) {
        AtomicInteger next = new AtomicInteger();
        every(period, () -> telegrams[next.getAndIncrement() % telegrams.length]);
    }

    /** Sends what {@code next} gives to every client, once per period from now on, until {@link #pause()}. */
    public synchronized void every(Duration period, Supplier<byte[]> next) {
        pause();
        ticking = timer.scheduleAtFixedRate(() -> send(next.get()), 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** No more telegrams unless {@link #send} is called. */
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
        clients.forEach(FakeDongle::closeQuietly);
        clients.clear();
        accepted.clear();
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
        Thread acceptor = new Thread(() -> accept(s), "fake-dongle-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                client.setTcpNoDelay(true);
                clients.add(client);
                accepted.add(client);
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
