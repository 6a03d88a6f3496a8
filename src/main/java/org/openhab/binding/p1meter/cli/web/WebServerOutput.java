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
package org.openhab.binding.p1meter.cli.web;

import java.io.IOException;
import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.NativeWebSocketServletContainerInitializer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeFilter;
import org.openhab.binding.p1meter.internal.output.NetworkFailure;
import org.openhab.binding.p1meter.internal.output.P1Output;
import org.openhab.binding.p1meter.internal.output.web.DashboardHub;
import org.openhab.binding.p1meter.internal.output.web.DashboardServlet;
import org.openhab.binding.p1meter.internal.reader.ConsumerLimits;
import org.openhab.binding.p1meter.internal.reader.P1Feed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's {@code --web-server PORT}: an embedded Jetty 9.4 serving the dashboard at {@code /} and its
 * web socket at {@code ws://host:port/}, where smartmeter2mqtt had them. In openHAB the same servlet and socket
 * are mounted by openHAB's own HTTP server instead.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class WebServerOutput implements P1Output {

    private static final int MAX_THREADS = 16;
    private static final Duration SOCKET_IDLE_TIMEOUT = Duration.ofMinutes(10);

    private final Logger logger = LoggerFactory.getLogger(WebServerOutput.class);
    private final String bindAddress;
    private final int port;
    private final boolean webSocket;
    private final ConsumerLimits limits;
    private @Nullable Server server;
    private @Nullable DashboardHub hub;
    private int boundPort = -1;

    /**
     * @param bindAddress the address to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
     * @param port the TCP port; 0 picks a free one (see {@link #port()})
     */
    public WebServerOutput(String bindAddress, int port) {
        this(bindAddress, port, ConsumerLimits.defaults());
    }

    /** @param limits when a browser that does not keep up with the web socket is dropped */
    public WebServerOutput(String bindAddress, int port, ConsumerLimits limits) {
        this(bindAddress, port, true, limits);
    }

    /** Without the web socket the page falls back to polling; the end-to-end test uses this to prove it. */
    WebServerOutput(String bindAddress, int port, boolean webSocket) {
        this(bindAddress, port, webSocket, ConsumerLimits.defaults());
    }

    private WebServerOutput(String bindAddress, int port, boolean webSocket, ConsumerLimits limits) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.webSocket = webSocket;
        this.limits = limits;
    }

    @Override
    public synchronized void start(P1Feed feed) throws IOException {
        if (server != null) {
            return;
        }
        DashboardHub dashboardHub = new DashboardHub(feed, limits);
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("p1meter-web");
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty, 1, 1);
        connector.setHost(bindAddress);
        connector.setPort(port);
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.addServlet(new ServletHolder("dashboard", new DashboardServlet(feed, "./")), "/*");
        if (webSocket) {
            NativeWebSocketServletContainerInitializer.configure(context, (servletContext, config) -> {
                config.getPolicy().setIdleTimeout(SOCKET_IDLE_TIMEOUT.toMillis());
                // an exact match: every other path stays with the servlet
                config.addMapping("^/$", (request, response) -> dashboardHub.newSocket());
            });
            try {
                WebSocketUpgradeFilter.configure(context);
            } catch (javax.servlet.ServletException e) {
                throw new IOException("Cannot set up the dashboard's web socket: " + e.getMessage(), e);
            }
        }
        jetty.setHandler(context);
        jetty.setStopTimeout(2000);
        // subscribed before the port opens: the first browser gets the last reading, not a refusal
        dashboardHub.start();
        try {
            jetty.start();
        } catch (Exception e) {
            dashboardHub.close();
            stopQuietly(jetty);
            // Jetty says "Failed to bind to /127.0.0.1:3000" whether the port is taken or the address is not this
            // machine's; the bind exception beneath tells which
            throw new IOException(NetworkFailure.bindFailure(bindAddress, port, e), e);
        }
        hub = dashboardHub;
        server = jetty;
        boundPort = connector.getLocalPort();
    }

    /** The port listened on (the chosen one when started with port 0), or -1 before {@link #start}. */
    public synchronized int port() {
        return boundPort;
    }

    @Override
    public synchronized void close() {
        DashboardHub h = hub;
        hub = null;
        if (h != null) {
            h.close();
        }
        Server s = server;
        server = null;
        if (s != null) {
            stopQuietly(s);
        }
    }

    private void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            logger.debug("Stopping the web dashboard: {}", e.getMessage());
        }
    }

    @Override
    public String describe() {
        int p = boundPort >= 0 ? boundPort : port;
        return "Web dashboard on http://" + hostForUrl() + ":" + p + "/ (live updates on ws://" + hostForUrl() + ":" + p
                + "/)";
    }

    private String hostForUrl() {
        return bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
    }
}
