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
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.output.NetworkFailure;
import org.openhab.binding.p1meter.internal.reader.ConsumerLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server that sends the same bytes to every connected client: the common part of the raw and JSON TCP
 * outputs.
 *
 * <p>
 * One thread per server, with a selector: it accepts, notices at once when a client hangs up (its slot is free for
 * the next one), and writes what a client could not take straight away. {@link #broadcast(byte[])} writes to a
 * client that has nothing waiting on the caller's thread, without blocking (the usual case: no thread hand-off, no
 * wake-up); whatever the socket does not take waits for the client, in order.
 *
 * <p>
 * A client that reads, however slowly, gets everything: while one has more than
 * {@link ConsumerLimits#highWater()} waiting the server is {@link #behind()}, and a source that can wait is read
 * no faster. A client is dropped (reset, and logged) only when it takes nothing for
 * {@link ConsumerLimits#noProgressTimeout()} while data waits for it, or when more than
 * {@link ConsumerLimits#maxBacklogBytes()} waits for it. At most {@code maxClients} are served; the next one is sent
 * one line saying so and closed.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class TcpBroadcastServer {

    /** Buffers handed to one gathering write: many small messages leave in one system call. */
    private static final int GATHER = 64;

    private final Logger logger = LoggerFactory.getLogger(TcpBroadcastServer.class);

    private final String name;
    private final String bindAddress;
    private final int port;
    private final int maxClients;
    private final ConsumerLimits limits;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    /** Selector thread only: what clients send is read and thrown away. */
    private final ByteBuffer discard = ByteBuffer.allocate(1024);
    private @Nullable ServerSocketChannel serverChannel;
    private @Nullable Selector selector;
    private volatile @Nullable Thread selectorThread;
    private volatile boolean running;
    /** Set once a feed says where its batches end ({@link #endOfBatch()}): writes then wait for the end of each. */
    private volatile boolean batching;

    /**
     * @param name for logs and thread names, e.g. {@code json}
     * @param bindAddress the address to listen on ({@code 0.0.0.0} for all)
     * @param port the port, 0 for an ephemeral one (see {@link #localPort()})
     * @param maxClients how many clients are served at once
     * @param limits when a client that does not keep up is dropped
     */
    public TcpBroadcastServer(String name, String bindAddress, int port, int maxClients, ConsumerLimits limits) {
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
        this.limits = limits;
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
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(new InetSocketAddress(address, port), 16);
        } catch (BindException e) {
            server.close();
            throw new IOException(NetworkFailure.bindFailure(bindAddress, port, e), e);
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen on " + bindAddress + ":" + port + ": " + e.getMessage(), e);
        }
        Selector sel;
        try {
            server.configureBlocking(false);
            sel = Selector.open();
            server.register(sel, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        serverChannel = server;
        selector = sel;
        running = true;
        int bound = localPort();
        Thread t = new Thread(() -> selectLoop(server, sel), "p1-tcp-" + name + "-" + bound);
        t.setDaemon(true);
        selectorThread = t;
        t.start();
        logger.debug("{} TCP server listening on {}:{}", name, bindAddress, bound);
    }

    /** The port actually bound (useful with port 0), or the configured port before start. */
    public int localPort() {
        ServerSocketChannel s = serverChannel;
        if (s != null) {
            try {
                if (s.getLocalAddress() instanceof InetSocketAddress a) {
                    return a.getPort();
                }
            } catch (IOException e) {
                // closed: fall back to the configured port
            }
        }
        return port;
    }

    public String bindAddress() {
        return bindAddress;
    }

    public int clientCount() {
        return clients.size();
    }

    /**
     * Sends the bytes to every client, in order; never blocks. The array must not be modified afterwards. May be
     * called from several threads (one per feed); one call at a time reaches a client.
     */
    public void broadcast(byte[] data) {
        for (Client c : clients) {
            c.send(data);
        }
    }

    /**
     * The feed has handed over everything it has for now (the reader: all telegrams of one read): writes what waits
     * for each client, many messages in one system call. From the first call on, {@link #broadcast} leaves the
     * writing to this; a feed that never calls it has every message written at once.
     */
    public void endOfBatch() {
        batching = true;
        for (Client c : clients) {
            c.flush();
        }
    }

    /** True while a client has more than the high-water mark waiting (see {@link ConsumerLimits}). */
    public boolean behind() {
        for (Client c : clients) {
            if (c.pendingBytes > limits.highWater()) {
                return true;
            }
        }
        return false;
    }

    /** Stops accepting, closes every client, joins the thread. Idempotent. */
    public void close() {
        Thread t;
        Selector sel;
        synchronized (this) {
            running = false;
            t = selectorThread;
            sel = selector;
            selectorThread = null;
        }
        if (sel != null) {
            sel.wakeup();
        }
        if (t != null && !t.equals(Thread.currentThread())) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        shutdown();
    }

    /** Closes the clients, the server socket and the selector; also what the selector thread does last. */
    private synchronized void shutdown() {
        for (Client c : clients) {
            c.close("server stopping", false, false);
        }
        clients.clear();
        ServerSocketChannel s = serverChannel;
        if (s != null) {
            closeQuietly(s);
        }
        Selector sel = selector;
        if (sel != null) {
            try {
                sel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    // ---- selector thread

    private void selectLoop(ServerSocketChannel server, Selector sel) {
        try {
            while (running) {
                sel.select(millisToNextDeadline());
                if (!running) {
                    break;
                }
                for (SelectionKey key : sel.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        acceptAll(server, sel);
                    } else if (key.attachment() instanceof Client c) {
                        if (key.isReadable()) {
                            c.readAndDiscard();
                        }
                        if (key.isValid() && key.isWritable()) {
                            c.flush();
                        }
                    }
                }
                sel.selectedKeys().clear();
                dropStalled(System.nanoTime());
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                logger.warn("{} TCP server on port {} stopped: {}", name, localPort(), e.getMessage());
            }
        } finally {
            if (running) {
                running = false;
                shutdown();
            }
        }
    }

    /** 0 (wait for I/O) when no client has data waiting, else the time until the first may be dropped. */
    private long millisToNextDeadline() {
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        for (Client c : clients) {
            long deadline = c.deadline();
            if (deadline != Long.MAX_VALUE) {
                next = Math.min(next, deadline - now);
            }
        }
        return next == Long.MAX_VALUE ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(next) + 1);
    }

    private void dropStalled(long now) {
        for (Client c : clients) {
            if (c.deadline() - now < 0) {
                c.close("no progress for " + limits.noProgressTimeout().toSeconds() + " s with "
                        + ConsumerLimits.size(c.pendingBytes) + " waiting", true, true);
            }
        }
    }

    private void acceptAll(ServerSocketChannel server, Selector sel) throws IOException {
        SocketChannel ch;
        while ((ch = server.accept()) != null) {
            String remote = String.valueOf(ch.getRemoteAddress());
            if (clients.size() >= maxClients) {
                // a client that hung up since the last select frees its slot before the newcomer is judged
                for (Client c : clients) {
                    c.readAndDiscard();
                }
            }
            if (clients.size() >= maxClients) {
                refuse(ch, remote);
                continue;
            }
            try {
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
                Client c = new Client(ch, remote);
                c.key = ch.register(sel, SelectionKey.OP_READ, c);
                clients.add(c);
                logger.info("{} TCP client {} connected ({} of {})", name, remote, clients.size(), maxClients);
            } catch (IOException e) {
                logger.debug("{} TCP client {} failed at connect: {}", name, remote, e.getMessage());
                closeQuietly(ch);
            }
        }
    }

    private void refuse(SocketChannel ch, String remote) {
        logger.info("{} TCP server: refusing {}, already serving {} clients", name, remote, maxClients);
        try {
            // a fresh socket's buffer takes the line whole
            ch.write(ByteBuffer.wrap(("Too many connections: this server serves at most " + maxClients + " clients\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            ch.shutdownOutput();
        } catch (IOException e) {
            // the refused client went away already
        } finally {
            closeQuietly(ch);
        }
    }

    private static void closeQuietly(java.nio.channels.Channel c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static String message(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** One connected client: what it has not taken yet waits in order; guarded by the client itself. */
    private final class Client {
        private final SocketChannel channel;
        private final String remote;
        private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
        @Nullable
        SelectionKey key;
        /** Bytes waiting; read without the lock by {@link #behind()}. */
        volatile long pendingBytes;
        /** When the client last took bytes, or when its backlog started if later. */
        private long progressNanos;
        private boolean closed;
        /** Guarded by this: OP_WRITE is in the key's interest set. */
        private boolean writeArmed;

        Client(SocketChannel channel, String remote) {
            this.channel = channel;
            this.remote = remote;
        }

        /**
         * Any thread: writes at once when nothing waits (or, once the feed says where its batches end, at the end of
         * the batch), else queues behind what waits.
         */
        void send(byte[] data) {
            String failure = null;
            String drop = null;
            synchronized (this) {
                if (closed) {
                    return;
                }
                ByteBuffer buffer = ByteBuffer.wrap(data);
                if (pending.isEmpty() && !batching) {
                    try {
                        channel.write(buffer);
                    } catch (IOException e) {
                        failure = message(e);
                    }
                    if (failure == null && buffer.hasRemaining()) {
                        pending.addLast(buffer);
                        pendingBytes = buffer.remaining();
                        progressNanos = System.nanoTime(); // a backlog starts now
                        writeWhenWritable(true);
                    }
                } else {
                    if (pending.isEmpty()) {
                        progressNanos = System.nanoTime();
                    }
                    pending.addLast(buffer);
                    pendingBytes += data.length;
                    if (pendingBytes > limits.maxBacklogBytes()) {
                        drop = "more than " + ConsumerLimits.size(limits.maxBacklogBytes()) + " waiting";
                    }
                }
            }
            if (failure != null) {
                close(failure, false, false);
            } else if (drop != null) {
                close(drop, true, true);
            }
        }

        /**
         * The selector thread when the socket takes more, or the feed's thread at the end of a batch: writes what
         * waits, many messages per system call, and asks the selector to go on when the socket is full.
         */
        void flush() {
            String failure = null;
            synchronized (this) {
                if (closed || pending.isEmpty()) {
                    return;
                }
                try {
                    while (!pending.isEmpty()) {
                        ByteBuffer[] batch = pending.stream().limit(GATHER).toArray(ByteBuffer[]::new);
                        long n = channel.write(batch);
                        if (n > 0) {
                            progressNanos = System.nanoTime();
                            pendingBytes -= n;
                        }
                        while (!pending.isEmpty() && !pending.peekFirst().hasRemaining()) {
                            pending.pollFirst();
                        }
                        if (n == 0) {
                            break;
                        }
                    }
                } catch (IOException e) {
                    failure = message(e);
                }
                if (failure == null) {
                    writeWhenWritable(!pending.isEmpty());
                }
            }
            if (failure != null) {
                close(failure, false, false);
            }
        }

        /** Guarded by this: OP_WRITE on or off; wakes the selector only when it is newly needed. */
        private void writeWhenWritable(boolean on) {
            SelectionKey k = key;
            if (k == null || !k.isValid() || on == writeArmed) {
                return;
            }
            writeArmed = on;
            k.interestOps(on ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            if (on && !Thread.currentThread().equals(selectorThread)) {
                k.selector().wakeup(); // to arm the no-progress deadline and write when the socket drains
            }
        }

        /** Selector thread: reads what the client sent and notices when it hung up. */
        void readAndDiscard() {
            String gone = null;
            try {
                int n;
                do {
                    discard.clear();
                    n = channel.read(discard);
                } while (n > 0);
                if (n < 0) {
                    gone = "closed by the client";
                }
            } catch (IOException e) {
                gone = message(e);
            }
            if (gone != null) {
                close(gone, false, false);
            }
        }

        /** When the client is dropped unless it takes something: Long.MAX_VALUE when nothing waits for it. */
        synchronized long deadline() {
            return closed || pending.isEmpty() ? Long.MAX_VALUE : progressNanos + limits.noProgressNanos();
        }

        /**
         * @param reset send a reset instead of a normal close: what a stalled peer has not read is discarded
         * @param warn a drop for not keeping up (a warning), rather than an ordinary hang-up
         */
        void close(String why, boolean reset, boolean warn) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                pending.clear();
                pendingBytes = 0;
            }
            clients.remove(this);
            if (reset) {
                try {
                    channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                } catch (IOException e) {
                    // already closed
                }
            }
            closeQuietly(channel);
            Selector sel = selector;
            if (sel != null && !Thread.currentThread().equals(selectorThread)) {
                sel.wakeup(); // a registered channel is let go of at the next select
            }
            if (warn) {
                logger.warn("{} TCP client {} dropped: {}", name, remote, why);
            } else {
                logger.info("{} TCP client {} disconnected ({})", name, remote, why);
            }
        }
    }
}
