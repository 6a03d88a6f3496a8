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

import java.util.concurrent.atomic.AtomicInteger;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser's web socket. Messages go out asynchronously; when a browser is so slow that
 * {@value #MAX_IN_FLIGHT} messages are still on their way, newer readings are dropped for that browser only (the
 * next one that fits brings it up to date, since every reading is complete). What is sent on connect and the
 * source's status are never dropped: they are few, and a page without them would show a wrong state until the
 * next change.
 *
 * @author P1 Meter Team - Initial contribution
 */
@WebSocket
@NonNullByDefault
public final class DashboardSocket {

    static final int MAX_IN_FLIGHT = 4;

    private final Logger logger = LoggerFactory.getLogger(DashboardSocket.class);
    private final DashboardHub hub;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private volatile @Nullable Session session;

    DashboardSocket(DashboardHub hub) {
        this.hub = hub;
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

    /** Messages not sent to this browser because it was too slow. */
    public long dropped() {
        return dropped.get();
    }

    /** Sends a reading, or drops it when the browser is too slow. */
    void send(String message) {
        send(message, true);
    }

    /** Sends a message that must arrive (what a browser gets on connect, a status change). */
    void sendAlways(String message) {
        send(message, false);
    }

    private void send(String message, boolean droppable) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return;
        }
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT && droppable) {
            inFlight.decrementAndGet();
            if (dropped.incrementAndGet() == 1) {
                logger.debug("Dashboard socket {} is too slow; dropping readings for it", s.getRemoteAddress());
            }
            return;
        }
        try {
            s.getRemote().sendString(message, new WriteCallback() {
                @Override
                public void writeSuccess() {
                    inFlight.decrementAndGet();
                }

                @Override
                public void writeFailed(@Nullable Throwable x) {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            // the session closed between the check and the send
            inFlight.decrementAndGet();
            logger.debug("Cannot send to dashboard socket: {}", e.getMessage());
        }
    }

    void close(int code, String reason) {
        Session s = session;
        if (s != null) {
            s.close(code, reason);
        }
    }
}
