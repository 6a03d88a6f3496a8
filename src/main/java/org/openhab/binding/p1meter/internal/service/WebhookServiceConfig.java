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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.output.webhook.WebhookSettings;

/**
 * The configuration of {@link WebhookService}, as described in {@code OH-INF/config/webhook.xml}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class WebhookServiceConfig extends ServiceConfig {

    public boolean enabled = false;
    /** The http:// or https:// URL to post to. */
    public String url = "";
    /** Seconds between posts. */
    public int interval = (int) WebhookSettings.DEFAULT_INTERVAL;
    /** {@code form} or {@code json}. */
    public String format = "form";
    /** Comma-separated fields, {@code all} or {@code *}. */
    public String fields = WebhookSettings.DEFAULT_FIELDS;
    /** Extra request headers, each {@code Name: value}. */
    public List<String> headers = List.of();
    /** Seconds to wait for the server's answer. */
    public int timeout = (int) WebhookSettings.DEFAULT_TIMEOUT;

    @Override
    boolean enabled() {
        return enabled;
    }
}
