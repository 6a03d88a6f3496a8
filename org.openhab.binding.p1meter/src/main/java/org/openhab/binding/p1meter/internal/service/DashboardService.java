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

import java.io.IOException;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.P1BridgeRegistry;
import org.openhab.binding.p1meter.internal.output.web.DashboardHub;
import org.openhab.binding.p1meter.internal.output.web.DashboardServlet;
import org.openhab.binding.p1meter.internal.output.web.DashboardSocket;
import org.openhab.binding.p1meter.internal.reader.P1Feed;
import org.openhab.core.config.core.ConfigurableService;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard inside openHAB: the page and {@code /p1meter/api/reading} through the HTTP Whiteboard, under
 * openHAB's own HTTP server and access rules; the live updates through {@link DashboardWebSocketAdapter} at
 * {@code /ws/p1meter}. Configured in the UI under Settings, Other Services: on or off, and which bridge to show.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Component(service = { Servlet.class, DashboardService.class }, configurationPid = DashboardService.PID, //
        property = Constants.SERVICE_PID + "=" + DashboardService.PID)
@HttpWhiteboardServletName(DashboardService.SERVLET_NAME)
@HttpWhiteboardServletPattern(DashboardService.PATH + "/*")
@ConfigurableService(category = "io", label = "P1 Meter Dashboard", description_uri = DashboardService.CONFIG_URI)
public class DashboardService extends HttpServlet {

    public static final String PID = "binding.p1meter.dashboard";
    public static final String CONFIG_URI = "io:p1meter-dashboard";
    public static final String SERVLET_NAME = "p1meter-dashboard";
    public static final String PATH = "/p1meter";
    /** Where openHAB serves the adapter with id {@code p1meter} ({@code /ws/p1meter}), relative to the page. */
    public static final String WEB_SOCKET_URL = "../ws/" + DashboardWebSocketAdapter.ID;

    static final String CONFIG_ENABLED = "enabled";
    static final String CONFIG_BRIDGE = "bridge";

    private static final long serialVersionUID = 1L;

    private final Logger logger = LoggerFactory.getLogger(DashboardService.class);
    private final transient P1BridgeRegistry registry;
    private transient volatile @Nullable Mounted mounted;

    /** What one configuration serves: the servlet and the hub of one feed. */
    private record Mounted(String bridge, DashboardServlet servlet, DashboardHub hub) {
    }

    @Activate
    public DashboardService(@Reference P1BridgeRegistry registry, @Nullable Map<String, Object> config) {
        this.registry = registry;
        apply(config);
    }

    @Modified
    protected void modified(@Nullable Map<String, Object> config) {
        apply(config);
    }

    @Deactivate
    protected void deactivate() {
        unmount();
    }

    private synchronized void apply(@Nullable Map<String, Object> config) {
        boolean enabled = config == null || !"false".equalsIgnoreCase(String.valueOf(config.get(CONFIG_ENABLED)));
        Object b = config == null ? null : config.get(CONFIG_BRIDGE);
        String bridge = b == null ? "" : b.toString().trim();
        Mounted current = mounted;
        if (!enabled) {
            unmount();
            logger.debug("P1 dashboard switched off");
            return;
        }
        if (current != null && current.bridge().equals(bridge)) {
            return;
        }
        unmount();
        P1Feed feed = registry.feed(bridge.isEmpty() ? null : bridge);
        DashboardHub hub = new DashboardHub(feed);
        hub.start();
        mounted = new Mounted(bridge, new DashboardServlet(feed, WEB_SOCKET_URL), hub);
        logger.debug("P1 dashboard at {} shows {}", PATH, bridge.isEmpty() ? "every bridge" : bridge);
    }

    private synchronized void unmount() {
        Mounted m = mounted;
        mounted = null;
        if (m != null) {
            m.hub().close();
        }
    }

    /** A socket for one browser, or null (the upgrade is refused) while the dashboard is switched off. */
    @Nullable
    DashboardSocket newSocket() {
        Mounted m = mounted;
        return m == null ? null : m.hub().newSocket();
    }

    @Override
    protected void service(@Nullable HttpServletRequest req, @Nullable HttpServletResponse resp)
            throws ServletException, IOException {
        if (req == null || resp == null) {
            return;
        }
        Mounted m = mounted;
        if (m == null) {
            resp.setStatus(HttpServletResponse.SC_NOT_FOUND);
            resp.setContentType("text/plain;charset=utf-8");
            resp.getWriter().write("The P1 meter dashboard is switched off (Settings, Other Services).\n");
            return;
        }
        m.servlet().service(req, resp);
    }
}
