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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.output.P1Output;
import org.openhab.binding.p1meter.internal.reader.ConsumerLimits;
import org.openhab.binding.p1meter.internal.reader.DirectListener;
import org.openhab.binding.p1meter.internal.reader.P1Feed;
import org.openhab.binding.p1meter.internal.reader.PacedListener;

/**
 * A TCP server that sends every valid telegram to all its clients, in a form its subclass chooses. The bytes are
 * made once per telegram, whatever the number of clients. A client that reads slowly holds up a source that can
 * wait ({@link PacedListener}); one that stops reading is dropped by the {@link TcpBroadcastServer}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public abstract class TelegramTcpServer implements P1Output, DirectListener, PacedListener {

    private final TcpBroadcastServer server;
    private final String label;
    private @Nullable P1Feed feed;

    protected TelegramTcpServer(String kind, String label, String bindAddress, int port, int maxClients,
            ConsumerLimits limits) {
        this.server = new TcpBroadcastServer(kind, bindAddress, port, maxClients, limits);
        this.label = label;
    }

    /** What the clients receive for one telegram. */
    protected abstract byte[] encode(P1Telegram telegram);

    @Override
    public synchronized void start(P1Feed feed) throws IOException {
        server.start();
        this.feed = feed;
        feed.addListener(this);
    }

    @Override
    public void onTelegram(P1Telegram telegram) {
        if (server.clientCount() == 0) {
            return; // nobody to write for: no encoding on the reader's thread
        }
        server.broadcast(encode(telegram));
    }

    /** The telegrams of one read leave in one write per client. */
    @Override
    public void endOfBatch() {
        server.endOfBatch();
    }

    @Override
    public boolean behind() {
        return server.behind();
    }

    public int localPort() {
        return server.localPort();
    }

    public int clientCount() {
        return server.clientCount();
    }

    @Override
    public synchronized void close() {
        P1Feed f = feed;
        feed = null;
        if (f != null) {
            f.removeListener(this);
        }
        server.close();
    }

    @Override
    public String describe() {
        return label + " on " + server.bindAddress() + ":" + server.localPort();
    }
}
