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
package org.openhab.core.io.websocket;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeRequest;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeResponse;

/**
 * Mirror of openHAB 5.x's WebSocketAdapter: an OSGi service whose web socket is served at {@code /ws/<id>}
 * by openHAB's common web socket servlet (which also checks authentication).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public interface WebSocketAdapter {

    /** The adapter id: the socket is served at {@code /ws/<id>}. */
    String getId();

    /**
     * Creates the socket for one connection: an object using Jetty 9.4's {@code @WebSocket} annotations or
     * implementing {@code org.eclipse.jetty.websocket.api.WebSocketListener}.
     */
    Object createWebSocket(ServletUpgradeRequest servletUpgradeRequest, ServletUpgradeResponse servletUpgradeResponse);
}
