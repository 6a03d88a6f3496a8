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
package org.openhab.binding.p1meter.internal.output.tcp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.output.NetworkFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server that sends the same bytes to every connected client: the common part of the raw and JSON TCP
 * outputs.
 *
 * <p>
 * At most {@code maxClients} are served; the next one is sent one line saying so and closed. Every client has its
 * own writer thread and a bounded queue: a client that stops reading (its queue overflows) or resets is closed
 * and forgotten, and nobody else notices. {@link #broadcast(byte[])} never blocks.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class TcpBroadcastServer {

    /**
     * Messages a client may be behind by before it counts as stalled and is dropped: over four minutes of a DSMR 5
     * meter, and room for bursts when a capture is replayed fast (at most ~400 KB per client).
     */
    static final int CLIENT_QUEUE = 256;

    private final Logger logger = LoggerFactory.getLogger(TcpBroadcastServer.class);

    private final String name;
    private final String bindAddress;
    private final int port;
    private final int maxClients;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger clientNumber = new AtomicInteger();
    private @Nullable ServerSocket serverSocket;
    private @Nullable Thread acceptThread;
    private volatile boolean running;

    /**
     * @param name for logs and thread names, e.g. {@code json}
     * @param bindAddress the address to listen on ({@code 0.0.0.0} for all)
     * @param port the port, 0 for an ephemeral one (see {@link #localPort()})
     * @param maxClients how many clients are served at once
     */
    public TcpBroadcastServer(String name, String bindAddress, int port, int maxClients) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("max clients must be at least 1, got " + maxClients);
        }
        this.name = name;
        this.bindAddress = bindAddress;
        this.port = port;
        this.maxClients = maxClients;
    }

    /** Binds and starts accepting. */
    public synchronized void start() throws IOException {
        if (running) {
            return;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new IOException("unknown bind address " + bindAddress, e);
        }
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(address, port), 16);
        } catch (BindException e) {
            server.close();
            throw new IOException(NetworkFailure.bindFailure(bindAddress, port, e), e);
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen on " + bindAddress + ":" + port + ": " + e.getMessage(), e);
        }
        serverSocket = server;
        running = true;
        Thread t = new Thread(() -> acceptLoop(server), "p1-tcp-" + name + "-" + server.getLocalPort());
        t.setDaemon(true);
        acceptThread = t;
        t.start();
        logger.debug("{} TCP server listening on {}:{}", name, bindAddress, server.getLocalPort());
    }

    /** The port actually bound (useful with port 0), or the configured port before start. */
    public int localPort() {
        ServerSocket s = serverSocket;
        return s == null ? port : s.getLocalPort();
    }

    public String bindAddress() {
        return bindAddress;
    }

    public int clientCount() {
        return clients.size();
    }

    /** Queues the bytes for every client; never blocks. The array must not be modified afterwards. */
    public void broadcast(byte[] data) {
        for (Client c : clients) {
            c.offer(data);
        }
    }

    /** Stops accepting, closes every client, joins the threads. Idempotent. */
    public void close() {
        Thread t;
        ServerSocket s;
        synchronized (this) {
            running = false;
            t = acceptThread;
            s = serverSocket;
            acceptThread = null;
        }
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        for (Client c : clients) {
            c.close("server stopping");
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Client c : clients) {
            c.join();
        }
        clients.clear();
    }

    private void acceptLoop(ServerSocket server) {
        while (running) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (running) {
                    logger.warn("{} TCP server on port {} stopped accepting: {}", name, server.getLocalPort(),
                            e.getMessage());
                }
                return;
            }
            String remote = socket.getRemoteSocketAddress().toString();
            if (clients.size() >= maxClients) {
                refuse(socket, remote);
                continue;
            }
            try {
                socket.setTcpNoDelay(true);
                socket.setKeepAlive(true);
                Client c = new Client(socket, remote);
                clients.add(c);
                if (!running) {
                    c.close("server stopping");
                    return;
                }
                logger.info("{} TCP client {} connected ({} of {})", name, remote, clients.size(), maxClients);
                c.start();
            } catch (IOException e) {
                logger.debug("{} TCP client {} failed at connect: {}", name, remote, e.getMessage());
                closeQuietly(socket);
            }
        }
    }

    private void refuse(Socket socket, String remote) {
        logger.info("{} TCP server: refusing {}, already serving {} clients", name, remote, maxClients);
        try {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write(("Too many connections: this server serves at most " + maxClients + " clients\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
        } catch (IOException e) {
            // the refused client went away already
        } finally {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** One connected client: a bounded queue drained by its own writer thread. */
    private final class Client {
        private final Socket socket;
        private final String remote;
        private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
        private final Thread writer;
        private boolean closed;

        Client(Socket socket, String remote) {
            this.socket = socket;
            this.remote = remote;
            this.writer = new Thread(this::writeLoop,
                    "p1-tcp-" + name + "-client-" + clientNumber.incrementAndGet());
            writer.setDaemon(true);
        }

        void start() {
            writer.start();
        }

        void offer(byte[] data) {
            boolean stalled = false;
            synchronized (queue) {
                if (closed) {
                    return;
                }
                if (queue.size() >= CLIENT_QUEUE) {
                    stalled = true;
                } else {
                    queue.addLast(data);
                    queue.notifyAll();
                }
            }
            if (stalled) {
                close("stalled: " + CLIENT_QUEUE + " messages behind", true);
            }
        }

        void close(String why) {
            close(why, false);
        }

        /** @param reset send a reset instead of a normal close: a stalled peer's unread data is discarded */
        void close(String why, boolean reset) {
            synchronized (queue) {
                if (closed) {
                    return;
                }
                closed = true;
                queue.clear();
                queue.notifyAll();
            }
            clients.remove(this);
            if (reset) {
                try {
                    socket.setSoLinger(true, 0);
                } catch (SocketException e) {
                    // already closed
                }
            }
            closeQuietly(socket); // unblocks a write stuck on a peer that does not read
            logger.info("{} TCP client {} disconnected ({})", name, remote, why);
        }

        void join() {
            if (writer.isAlive() && writer != Thread.currentThread()) {
                try {
                    writer.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void writeLoop() {
            try {
                OutputStream out = socket.getOutputStream();
                while (true) {
                    byte[] data;
                    synchronized (queue) {
                        while (queue.isEmpty() && !closed) {
                            queue.wait();
                        }
                        if (closed) {
                            return;
                        }
                        data = queue.pollFirst();
                    }
                    if (data != null) {
                        out.write(data);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                close(e.getMessage() == null ? "write failed" : e.getMessage());
            } catch (InterruptedException e) {
                close("interrupted");
            }
        }
    }
}
