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

import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.P1BridgeRegistry;
import org.openhab.binding.p1meter.internal.output.tcp.RawTcpServer;
import org.openhab.core.config.core.ConfigurableService;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Relays each valid telegram exactly as received (Domoticz "P1 Smart Meter with LAN interface"):
 * the {@link TcpService} with its own component, label and configuration.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Component(configurationPid = RawTcpService.PID, service = RawTcpService.class, immediate = true, //
        property = Constants.SERVICE_PID + "=" + RawTcpService.PID)
@ConfigurableService(category = "io", label = RawTcpService.LABEL, description_uri = RawTcpService.CONFIG_URI)
public class RawTcpService extends TcpService<TcpServiceConfig.Raw> {

    static final String PID = "binding.p1meter.rawtcp";
    static final String CONFIG_URI = "io:p1meter-rawtcp";
    static final String LABEL = "P1 Meter Raw TCP Server";

    @Activate
    public RawTcpService(@Reference P1BridgeRegistry registry, @Nullable Map<String, @Nullable Object> config) {
        super(registry, LABEL, TcpServiceConfig.Raw.class, RawTcpServer::new);
        apply(config);
    }
}
