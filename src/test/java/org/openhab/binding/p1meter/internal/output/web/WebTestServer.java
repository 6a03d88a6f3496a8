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

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.websocket.server.NativeWebSocketServletContainerInitializer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeFilter;
import org.eclipse.jetty.websocket.servlet.WebSocketCreator;

/**
 * A real Jetty 9.4 on an ephemeral loopback port, serving a servlet under a prefix and, optionally, a web
 * socket at a path: the two ways the dashboard is mounted (daemon: both at {@code /}; openHAB: the page under
 * {@code /p1meter}, the socket at {@code /ws/p1meter}).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class WebTestServer implements AutoCloseable {

    private final Server server;
    private final int port;

    WebTestServer(DashboardServlet servlet, String servletPattern, WebSocketCreator creator, String socketPath)
            throws Exception {
        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.addServlet(new ServletHolder(servlet), servletPattern);
        NativeWebSocketServletContainerInitializer.configure(context, (servletContext, config) -> {
            config.getPolicy().setIdleTimeout(Duration.ofSeconds(30).toMillis());
            config.addMapping(socketPath, creator);
        });
        WebSocketUpgradeFilter.configure(context);
        server.setHandler(context);
        server.setStopTimeout(2000);
        server.start();
        port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    int port() {
        return port;
    }

    URI http(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
