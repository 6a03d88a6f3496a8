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
import org.openhab.binding.p1meter.internal.output.P1Output;
import org.openhab.binding.p1meter.internal.output.webhook.WebhookPoster;
import org.openhab.binding.p1meter.internal.output.webhook.WebhookSettings;
import org.openhab.core.config.core.ConfigurableService;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Posts the latest reading to a URL at an interval (smartmeter2mqtt's {@code --post-url}), configured in the UI
 * under Settings -&gt; Other Services.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Component(configurationPid = WebhookService.PID, service = WebhookService.class, immediate = true, property = Constants.SERVICE_PID
        + "=" + WebhookService.PID)
@ConfigurableService(category = "io", label = "P1 Meter Webhook", description_uri = WebhookService.CONFIG_URI)
public class WebhookService extends OutputService {

    static final String PID = "binding.p1meter.webhook";
    static final String CONFIG_URI = "io:p1meter-webhook";

    @Activate
    public WebhookService(@Reference P1BridgeRegistry registry, Map<String, @Nullable Object> config) {
        super(registry, "P1 Meter Webhook");
        apply(config);
    }

    @Modified
    protected void modified(Map<String, @Nullable Object> config) {
        apply(config);
    }

    @Deactivate
    protected void deactivate() {
        close();
    }

    /** The configuration's names, for the messages of the function the daemon's --post-* options share. */
    private static final WebhookSettings.Names SETTINGS = new WebhookSettings.Names("url", "interval", "fields",
            "headers", "timeout");

    @Override
    protected P1Output create(ServiceConfig config) {
        return new WebhookPoster(new WebhookSettings(config.text("url", ""),
                config.integer("interval", (int) WebhookSettings.DEFAULT_INTERVAL),
                "json".equalsIgnoreCase(config.text("format", "form")),
                config.text("fields", WebhookSettings.DEFAULT_FIELDS), config.list("headers"),
                config.integer("timeout", (int) WebhookSettings.DEFAULT_TIMEOUT)).toConfig(SETTINGS));
    }
}
