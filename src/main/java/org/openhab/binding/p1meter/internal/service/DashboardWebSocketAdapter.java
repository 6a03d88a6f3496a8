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
package org.openhab.binding.p1meter.internal.service;

import javax.ws.rs.core.SecurityContext;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketConnect;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeRequest;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeResponse;
import org.openhab.core.io.websocket.WebSocketAdapter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The dashboard's live updates in openHAB: openHAB's web socket servlet serves this adapter at
 * {@code /ws/p1meter} (with openHAB's authentication), per the same contract as the daemon's
 * {@code ws://host:port/}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Component(service = WebSocketAdapter.class)
public class DashboardWebSocketAdapter implements WebSocketAdapter {

    public static final String ID = "p1meter";

    private final DashboardService dashboard;

    @Activate
    public DashboardWebSocketAdapter(@Reference DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @Override
    public String getId() {
        return ID;
    }

    /**
     * openHAB 5.2+: its web socket servlet has already authenticated the request (the security context says who);
     * the dashboard shows the meter to any user openHAB lets in.
     */
    @Override
    public @Nullable Object createWebSocket(ServletUpgradeRequest servletUpgradeRequest,
            ServletUpgradeResponse servletUpgradeResponse, @Nullable SecurityContext securityContext) {
        return newSocket();
    }

    /**
     * openHAB 5.0 and 5.1 call this two-argument form (5.2 added the security context). Not an override when
     * compiled against 5.2, but the same method the older interface declares, so one jar serves both.
     */
    public Object createWebSocket(ServletUpgradeRequest servletUpgradeRequest,
            ServletUpgradeResponse servletUpgradeResponse) {
        return newSocket();
    }

    private Object newSocket() {
        Object socket = dashboard.newSocket();
        return socket != null ? socket : new SwitchedOff();
    }

    /** Answers a browser while the dashboard is switched off: closes at once, saying why. */
    @WebSocket
    public static final class SwitchedOff {
        @OnWebSocketConnect
        public void onConnect(Session session) {
            session.close(StatusCode.TRY_AGAIN_LATER, "The P1 meter dashboard is switched off");
        }
    }
}
