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
package org.openhab.binding.p1meter.internal.output.web;

import java.util.Collection;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.TelegramJson;
import org.openhab.binding.p1meter.internal.reader.ConnectionState;
import org.openhab.binding.p1meter.internal.reader.FeedStatus;

import com.google.gson.JsonObject;

/**
 * The dashboard's messages: the JSON reading, the source's status, the chart's recent history, and the web
 * socket envelope around them.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class DashboardMessages {

    private DashboardMessages() {
    }

    /** The JSON reading of the contract. */
    static String reading(P1Telegram telegram) {
        return TelegramJson.toJson(telegram);
    }

    /** {@code {"topic":<topic>,"payload":<payload>}}; the payload is already JSON and goes in as it is. */
    static String message(String topic, String payloadJson) {
        return "{\"topic\":\"" + topic + "\",\"payload\":" + payloadJson + "}";
    }

    /**
     * The source's status: {@code {"state":"connected","message":"...","stateAgeMs":..,"telegramAgeMs":..}}.
     * Ages rather than times, measured on this machine's clock, so that a browser whose clock is off still shows
     * how long ago the last telegram arrived. {@code state} is the reader's {@link ConnectionState} in lower case,
     * or {@code unknown}; an age the feed does not know is left out.
     */
    static String status(FeedStatus status, long nowMillis) {
        JsonObject o = new JsonObject();
        ConnectionState state = status.state();
        o.addProperty("state", state == null ? "unknown" : state.name().toLowerCase(Locale.ROOT));
        o.addProperty("message", status.message());
        if (status.sinceMillis() > 0) {
            o.addProperty("stateAgeMs", Math.max(0, nowMillis - status.sinceMillis()));
        }
        if (status.lastTelegramMillis() > 0) {
            o.addProperty("telegramAgeMs", Math.max(0, nowMillis - status.lastTelegramMillis()));
        }
        return o.toString();
    }

    /** The chart's recent points: {@code {"windowMs":300000,"points":[{"t":..,"net":..,"l1":..},...]}}. */
    static String history(long windowMillis, Collection<ChartPoint> points) {
        StringBuilder sb = new StringBuilder(32 + 64 * points.size());
        sb.append("{\"windowMs\":").append(windowMillis).append(",\"points\":[");
        boolean first = true;
        for (ChartPoint p : points) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            p.appendJson(sb);
        }
        return sb.append("]}").toString();
    }
}
