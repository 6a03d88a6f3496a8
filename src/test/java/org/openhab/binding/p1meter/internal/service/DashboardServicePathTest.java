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

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.*;
import static org.mockito.Mockito.*;

import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.Servlet;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.openhab.binding.p1meter.internal.P1BridgeRegistryImpl;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The dashboard's configurable path: what it registers with the HTTP whiteboard, what it refuses, and where the
 * page then finds openHAB's web socket.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings({ "unchecked", "null" })
class DashboardServicePathTest {

    private final BundleContext context = mock(BundleContext.class);
    private final ServiceRegistration<Servlet> registration = mock(ServiceRegistration.class);

    DashboardServicePathTest() {
        when(context.registerService(eq(Servlet.class), any(Servlet.class), any(Dictionary.class)))
                .thenReturn(registration);
    }

    private Dictionary<String, Object> lastRegistration(int times) {
        ArgumentCaptor<Dictionary<String, Object>> props = ArgumentCaptor.forClass(Dictionary.class);
        verify(context, times(times)).registerService(eq(Servlet.class), any(Servlet.class), props.capture());
        return props.getValue();
    }

    private static Map<String, Object> config(String path) {
        Map<String, Object> c = new HashMap<>();
        c.put("enabled", true);
        c.put("path", path);
        return c;
    }

    @Test
    void registersAtTheDefaultPathWithoutConfiguration() {
        DashboardService s = new DashboardService(new P1BridgeRegistryImpl(), context, null);

        Dictionary<String, Object> props = lastRegistration(1);
        assertThat(props.get("osgi.http.whiteboard.servlet.pattern")).isEqualTo("/p1meter/*");
        assertThat(props.get("osgi.http.whiteboard.servlet.name")).isEqualTo("p1meter-dashboard");
        assertThat(s.path()).isEqualTo("/p1meter");
        s.deactivate();
        verify(registration).unregister();
    }

    /** The UI saves the defaults it shows: the dashboard keeps serving, its open pages and chart history with it. */
    @Test
    void theDefaultsGivenExplicitlyChangeNothing() {
        DashboardService s = new DashboardService(new P1BridgeRegistryImpl(), context, null);
        Object mounted = s.output();
        assertThat(mounted).isNotNull();
        s.modified(config("/p1meter"));
        s.modified(Map.of("enabled", "true", "path", "/p1meter", "bridge", "", "clientTimeout", "30"));
        assertThat(s.output()).isSameAs(mounted);
        lastRegistration(1);
        verify(registration, never()).unregister();
        s.deactivate();
    }

    @Test
    void movesToAConfiguredPathAndBack() {
        DashboardService s = new DashboardService(new P1BridgeRegistryImpl(), context, config("energy/meter/"));
        assertThat(lastRegistration(1).get("osgi.http.whiteboard.servlet.pattern")).isEqualTo("/energy/meter/*");

        s.modified(config("/p1meter"));
        verify(registration, times(1)).unregister();
        assertThat(lastRegistration(2).get("osgi.http.whiteboard.servlet.pattern")).isEqualTo("/p1meter/*");

        // the same path again: no needless re-registration
        s.modified(config("/p1meter"));
        lastRegistration(2);
        s.deactivate();
    }

    @Test
    void switchedOffItUnregisters() {
        DashboardService s = new DashboardService(new P1BridgeRegistryImpl(), context, null);
        s.modified(Map.of("enabled", false));
        verify(registration).unregister();
        s.modified(Map.of("enabled", true));
        lastRegistration(2);
        s.deactivate();
    }

    @Test
    void refusesPathsThatAreInvalidOrOpenHabsOwn() {
        DashboardService s = new DashboardService(new P1BridgeRegistryImpl(), null);
        assertThat(s.pathFrom("/energy meter")).isEqualTo("/p1meter");
        assertThat(s.pathFrom("/../rest")).isEqualTo("/p1meter");
        assertThat(s.pathFrom("/rest")).isEqualTo("/p1meter");
        assertThat(s.pathFrom("/ws/p1meter")).isEqualTo("/p1meter");
        assertThat(s.pathFrom("/")).isEqualTo("/p1meter");
        assertThat(s.pathFrom("  ")).isEqualTo("/p1meter");
        assertThat(s.pathFrom("meterkast")).isEqualTo("/meterkast");
        assertThat(s.pathFrom("/my-home/p1_meter/")).isEqualTo("/my-home/p1_meter");
        s.deactivate();
    }

    @Test
    void thePageFindsTheWebSocketRelativeToItsPath() {
        // page at /p1meter/ -> /ws/p1meter; page at /energy/meter/ -> two levels up
        assertThat(DashboardService.webSocketUrl("/p1meter")).isEqualTo("../ws/p1meter");
        assertThat(DashboardService.webSocketUrl("/energy/meter")).isEqualTo("../../ws/p1meter");
    }
}
