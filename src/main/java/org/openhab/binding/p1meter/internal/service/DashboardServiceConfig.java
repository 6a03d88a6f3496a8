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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.reader.ConsumerLimits;

/**
 * The configuration of {@link DashboardService}, as described in {@code OH-INF/config/dashboard.xml}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class DashboardServiceConfig extends ServiceConfig {

    public boolean enabled = true;
    /** Where openHAB serves the page, e.g. {@code /p1meter}. */
    public String path = DashboardService.PATH;
    /** Seconds a browser may take nothing while readings wait for it. */
    public int clientTimeout = (int) ConsumerLimits.DEFAULT_NO_PROGRESS_TIMEOUT.toSeconds();
    /** Megabytes that may wait for a browser. */
    public int clientBacklogLimit = (int) (ConsumerLimits.DEFAULT_MAX_BACKLOG_BYTES >> 20);

    @Override
    boolean enabled() {
        return enabled;
    }

    /** @throws IllegalArgumentException naming the setting */
    ConsumerLimits consumerLimits() {
        return consumerLimits(clientTimeout, clientBacklogLimit);
    }
}
