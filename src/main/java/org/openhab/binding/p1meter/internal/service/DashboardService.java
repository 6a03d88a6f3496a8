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
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.P1BridgeRegistry;
import org.openhab.binding.p1meter.internal.output.P1Output;
import org.openhab.binding.p1meter.internal.output.web.DashboardHub;
import org.openhab.binding.p1meter.internal.output.web.DashboardServlet;
import org.openhab.binding.p1meter.internal.output.web.DashboardSocket;
import org.openhab.binding.p1meter.internal.reader.ConsumerLimits;
import org.openhab.binding.p1meter.internal.reader.P1Feed;
import org.openhab.core.config.core.ConfigurableService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The dashboard inside openHAB: the page and {@code <path>/api/reading} through the HTTP Whiteboard, under
 * openHAB's own HTTP server and access rules; the live updates through {@link DashboardWebSocketAdapter} at
 * {@code /ws/p1meter}. Configured in the UI under Settings, Other Services: on or off, the path (default
 * {@code /p1meter}), and which bridge to show.
 *
 * <p>
 * The servlet is registered with the whiteboard here rather than through the whiteboard's component property
 * annotations, because its pattern comes from the configuration and changes with it.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Component(service = DashboardService.class, configurationPid = DashboardService.PID, immediate = true, //
        property = Constants.SERVICE_PID + "=" + DashboardService.PID)
@ConfigurableService(category = "io", label = DashboardService.LABEL, description_uri = DashboardService.CONFIG_URI)
public class DashboardService extends OutputService<DashboardServiceConfig> {

    public static final String PID = "binding.p1meter.dashboard";
    public static final String CONFIG_URI = "io:p1meter-dashboard";
    public static final String SERVLET_NAME = "p1meter-dashboard";
    public static final String PATH = "/p1meter";
    static final String LABEL = "P1 Meter Dashboard";

    /** One or more segments of letters, digits, '-' and '_': nothing that could shadow or escape anything. */
    private static final Pattern VALID_PATH = Pattern.compile("(/[A-Za-z0-9_-]+)+");
    /** openHAB's own top-level paths, which the dashboard must not take over. */
    private static final Pattern RESERVED_PATH = Pattern.compile("/(rest|ws|auth|basicui|habpanel|static|icon|"
            + "chart|proxy|start|settings|developer|about|setup-wizard|page|locations|equipment|properties)(/.*)?");

    private static final String HTTP_WHITEBOARD_SERVLET_NAME = "osgi.http.whiteboard.servlet.name";
    private static final String HTTP_WHITEBOARD_SERVLET_PATTERN = "osgi.http.whiteboard.servlet.pattern";

    private final @Nullable BundleContext bundleContext;
    private final HttpServlet servlet = new EntryServlet();
    private @Nullable ServiceRegistration<Servlet> registration;
    private String registeredPath = "";

    /**
     * @param bundleContext where the servlet is registered with the whiteboard; null in tests, which mount
     *            {@link #servlet()} in a servlet container of their own
     */
    @Activate
    public DashboardService(@Reference P1BridgeRegistry registry, @Nullable BundleContext bundleContext,
            @Nullable Map<String, @Nullable Object> config) {
        super(registry, LABEL, DashboardServiceConfig.class);
        this.bundleContext = bundleContext;
        apply(config);
    }

    DashboardService(P1BridgeRegistry registry, @Nullable Map<String, @Nullable Object> config) {
        this(registry, null, config);
    }

    /** The servlet that serves whatever the current configuration mounts (404 while switched off). */
    public HttpServlet servlet() {
        return servlet;
    }

    /** The path the dashboard is served at, e.g. {@code /p1meter}. */
    public String path() {
        return output() instanceof Mounted m ? m.path : registeredPath;
    }

    /**
     * The configured path, or the default with a warning that says what to fix: a bad path must not take the
     * dashboard away, nor anything of openHAB's.
     */
    String pathFrom(String configured) {
        String path = configured.trim();
        if (path.isEmpty()) {
            return PATH;
        }
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!VALID_PATH.matcher(path).matches()) {
            logger.warn("P1 dashboard path '{}' is not valid: use segments of letters, digits, '-' and '_', such as "
                    + "/p1meter or /energy/meter. Serving it at {}.", configured, PATH);
            return PATH;
        }
        if (RESERVED_PATH.matcher(path).matches()) {
            logger.warn("P1 dashboard path '{}' belongs to openHAB itself: choose another, such as /p1meter. "
                    + "Serving it at {}.", path, PATH);
            return PATH;
        }
        return path;
    }

    /** The web socket ({@code /ws/p1meter}) relative to a page at {@code <path>/}. */
    static String webSocketUrl(String path) {
        int depth = (int) path.chars().filter(c -> c == '/').count();
        return "../".repeat(depth) + "ws/" + DashboardWebSocketAdapter.ID;
    }

    @Override
    protected P1Output create(DashboardServiceConfig config) {
        ConsumerLimits limits = config.consumerLimits();
        return new Mounted(pathFrom(config.path), limits);
    }

    @Override
    protected void started(P1Output started) {
        String path = ((Mounted) started).path;
        BundleContext context = bundleContext;
        if (context != null) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(HTTP_WHITEBOARD_SERVLET_NAME, SERVLET_NAME);
            properties.put(HTTP_WHITEBOARD_SERVLET_PATTERN, path + "/*");
            registration = context.registerService(Servlet.class, servlet, properties);
        }
        registeredPath = path;
    }

    @Override
    protected void stopped() {
        ServiceRegistration<Servlet> r = registration;
        registration = null;
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
    }

    /** A socket for one browser, or null (the upgrade is refused) while the dashboard is switched off. */
    @Nullable
    DashboardSocket newSocket() {
        DashboardHub hub = output() instanceof Mounted m ? m.hub : null;
        return hub == null ? null : hub.newSocket();
    }

    /** What one configuration serves: the page and the live updates of one feed, at one path. */
    private static final class Mounted implements P1Output {
        final String path;
        final ConsumerLimits limits;
        volatile @Nullable DashboardHub hub;
        volatile @Nullable DashboardServlet servlet;

        Mounted(String path, ConsumerLimits limits) {
            this.path = path;
            this.limits = limits;
        }

        @Override
        public void start(P1Feed feed) {
            DashboardHub h = new DashboardHub(feed, limits);
            h.start();
            hub = h;
            servlet = new DashboardServlet(feed, webSocketUrl(path));
        }

        @Override
        public void close() {
            DashboardHub h = hub;
            hub = null;
            if (h != null) {
                h.close();
            }
        }

        @Override
        public String describe() {
            return "P1 meter dashboard at " + path;
        }
    }

    /** Delegates to what is mounted; one instance for the whole life of the service. */
    private final class EntryServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(@Nullable HttpServletRequest req, @Nullable HttpServletResponse resp)
                throws ServletException, IOException {
            if (req == null || resp == null) {
                return;
            }
            DashboardServlet mounted = output() instanceof Mounted m ? m.servlet : null;
            if (mounted == null) {
                resp.setStatus(HttpServletResponse.SC_NOT_FOUND);
                resp.setContentType("text/plain;charset=utf-8");
                resp.getWriter().write("The P1 meter dashboard is switched off (Settings, Other Services).\n");
                return;
            }
            mounted.service(req, resp);
        }
    }
}
