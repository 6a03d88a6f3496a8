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

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.reader.Loopback;

/**
 * A P1 dongle on 127.0.0.1: every client gets the telegrams in turn, one every {@code intervalMs}, until the
 * server is stopped. Can be started again on the same port, like a dongle that rebooted.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class TelegramServer implements AutoCloseable {

    private final List<byte[]> telegrams;
    private final long intervalMs;
    private final ServerSocket server;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean running = true;

    TelegramServer(int port, long intervalMs, List<byte[]> telegrams) throws IOException {
        this.telegrams = List.copyOf(telegrams);
        this.intervalMs = intervalMs;
        ServerSocket s = new ServerSocket();
        Loopback.bind(s, port);
        this.server = s;
        Thread acceptor = new Thread(this::accept, "telegram-server-" + s.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static TelegramServer start(long intervalMs, byte[]... telegrams) throws IOException {
        return new TelegramServer(0, intervalMs, List.of(telegrams));
    }

    int port() {
        return server.getLocalPort();
    }

    int sent() {
        return sent.get();
    }

    private void accept() {
        while (running) {
            try {
                Socket client = server.accept();
                clients.add(client);
                Thread writer = new Thread(() -> serve(client), "telegram-client-" + client.getPort());
                writer.setDaemon(true);
                writer.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (Socket c = client; OutputStream out = c.getOutputStream()) {
            int i = 0;
            while (running) {
                out.write(telegrams.get(i++ % telegrams.size()));
                out.flush();
                sent.incrementAndGet();
                Thread.sleep(intervalMs);
            }
        } catch (IOException | InterruptedException e) {
            // client gone or server stopped
        } finally {
            clients.remove(client);
        }
    }

    @Override
    public void close() {
        running = false;
        close(server);
        for (Socket c : clients) {
            close(c);
        }
    }

    private static void close(@Nullable AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
    }
}