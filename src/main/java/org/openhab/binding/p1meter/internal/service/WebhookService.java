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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.P1BridgeRegistry;
import org.openhab.binding.p1meter.internal.output.P1Output;
import org.openhab.binding.p1meter.internal.output.webhook.WebhookConfig;
import org.openhab.binding.p1meter.internal.output.webhook.WebhookPoster;
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

    @Override
    protected P1Output create(ServiceConfig config) {
        String url = config.text("url", "");
        if (url.isEmpty()) {
            throw new IllegalArgumentException("no URL configured");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : config.list("headers")) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("header must be 'Name: value', got '" + h + "'");
            }
            headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
        }
        List<String> fields = config.list("fields");
        if (fields.size() == 1 && fields.get(0).equalsIgnoreCase("all")) {
            fields = List.of();
        }
        int timeout = config.integer("timeout", 30);
        return new WebhookPoster(WebhookConfig.of(url).withInterval(Duration.ofSeconds(config.integer("interval", 300)))
                .withJson("json".equalsIgnoreCase(config.text("format", "form"))).withFields(fields)
                .withHeaders(headers).withTimeouts(Duration.ofSeconds(Math.min(10, timeout)), Duration.ofSeconds(timeout)));
    }
}
