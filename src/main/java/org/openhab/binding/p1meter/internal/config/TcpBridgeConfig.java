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
package org.openhab.binding.p1meter.internal.config;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Configuration of the TCP bridge (ser2net, ESP P1 dongles).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class TcpBridgeConfig extends P1BridgeConfig {

    public String host = "";
    public int port = 0;
}
