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

import java.util.Locale;
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
import org.osgi.service.component.annotations.Reference;

/**
 * Posts the latest reading to a URL at an interval (smartmeter2mqtt's {@code --post-url}), configured in the UI
 * under Settings -&gt; Other Services. Its settings are read by the same function as the daemon's {@code --post-*}
 * options ({@link WebhookSettings}).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Component(configurationPid = WebhookService.PID, service = WebhookService.class, immediate = true, //
        property = Constants.SERVICE_PID + "=" + WebhookService.PID)
@ConfigurableService(category = "io", label = WebhookService.LABEL, description_uri = WebhookService.CONFIG_URI)
public class WebhookService extends OutputService<WebhookServiceConfig> {

    static final String PID = "binding.p1meter.webhook";
    static final String CONFIG_URI = "io:p1meter-webhook";
    static final String LABEL = "P1 Meter Webhook";

    /** The configuration's names, for the messages of the function the daemon's options share. */
    private static final WebhookSettings.Names SETTINGS = new WebhookSettings.Names("url", "interval", "fields",
            "headers", "timeout");

    @Activate
    public WebhookService(@Reference P1BridgeRegistry registry, @Nullable Map<String, @Nullable Object> config) {
        super(registry, LABEL, WebhookServiceConfig.class);
        apply(config);
    }

    @Override
    protected P1Output create(WebhookServiceConfig config) {
        String format = config.format.trim().toLowerCase(Locale.ROOT);
        if (!format.equals("form") && !format.equals("json")) {
            throw new IllegalArgumentException("format must be form or json, got '" + config.format + "'");
        }
        return new WebhookPoster(new WebhookSettings(config.url, config.interval, format.equals("json"), config.fields,
                config.headers, config.timeout).toConfig(SETTINGS));
    }
}
