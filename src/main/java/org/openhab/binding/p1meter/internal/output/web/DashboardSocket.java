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
package org.openhab.binding.p1meter.internal.output.web;

import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketConnect;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketError;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.openhab.binding.p1meter.internal.reader.ConsumerLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser's web socket. Messages go out asynchronously, in order, and every one is sent: a browser that reads
 * slowly has them wait (and is {@link #behind()} past the high-water mark, which holds up a source that can wait).
 * A browser that takes nothing for the no-progress timeout while messages wait for it, or has more than the
 * backlog limit waiting, is disconnected and that is logged ({@link ConsumerLimits}).
 *
 * @author P1 Meter Team - Initial contribution
 */
@WebSocket
@NonNullByDefault
public final class DashboardSocket {

    private final Logger logger = LoggerFactory.getLogger(DashboardSocket.class);
    private final DashboardHub hub;
    private final ConsumerLimits limits;
    /** Characters sent but not yet confirmed written. */
    private final AtomicLong pending = new AtomicLong();
    /** When a write last completed, or when the backlog started if later. */
    private volatile long progressNanos = System.nanoTime();
    private volatile boolean dropped;
    private volatile @Nullable Session session;

    DashboardSocket(DashboardHub hub, ConsumerLimits limits) {
        this.hub = hub;
        this.limits = limits;
    }

    @OnWebSocketConnect
    public void onConnect(Session session) {
        this.session = session;
        hub.joined(this);
    }

    @OnWebSocketMessage
    public void onText(Session session, String text) {
        // the dashboard only listens; what a client sends is ignored, as smartmeter2mqtt did
    }

    @OnWebSocketClose
    public void onClose(int statusCode, @Nullable String reason) {
        session = null;
        hub.left(this);
    }

    @OnWebSocketError
    public void onError(Throwable cause) {
        logger.debug("Dashboard socket failed: {}", cause.getMessage());
        hub.left(this);
    }

    /** More than the high-water mark waits for this browser. */
    boolean behind() {
        return pending.get() > limits.highWater();
    }

    /** Drops the browser when it took nothing for the no-progress time while messages waited; true if so. */
    boolean dropIfStalled(long now) {
        if (pending.get() > 0 && now - progressNanos > limits.noProgressNanos()) {
            drop("no progress for " + limits.noProgressTimeout().toSeconds() + " s with "
                    + ConsumerLimits.size(pending.get()) + " waiting");
            return true;
        }
        return false;
    }

    void send(String message) {
        Session s = session;
        if (s == null || !s.isOpen() || dropped) {
            return;
        }
        long size = message.length();
        long before = pending.getAndAdd(size);
        if (before == 0) {
            progressNanos = System.nanoTime(); // a backlog starts now
        }
        if (before + size > limits.maxBacklogBytes()) {
            pending.addAndGet(-size);
            drop("more than " + ConsumerLimits.size(limits.maxBacklogBytes()) + " waiting");
            return;
        }
        try {
            s.getRemote().sendString(message, new WriteCallback() {
                @Override
                public void writeSuccess() {
                    progressNanos = System.nanoTime();
                    pending.addAndGet(-size);
                }

                @Override
                public void writeFailed(@Nullable Throwable x) {
                    pending.addAndGet(-size);
                }
            });
        } catch (RuntimeException e) {
            // the session closed between the check and the send
            pending.addAndGet(-size);
            logger.debug("Cannot send to dashboard socket: {}", e.getMessage());
        }
    }

    private void drop(String why) {
        Session s = session;
        if (dropped) {
            return;
        }
        dropped = true;
        hub.left(this);
        logger.warn("Dashboard socket {} dropped: {}", s == null ? "?" : s.getRemoteAddress(), why);
        if (s != null) {
            try {
                s.disconnect(); // a close frame would wait behind what the browser does not read
            } catch (java.io.IOException | RuntimeException e) {
                logger.debug("Disconnecting dashboard socket: {}", e.getMessage());
            }
        }
    }

    void close(int code, String reason) {
        Session s = session;
        if (s != null) {
            s.close(code, reason);
        }
    }
}
