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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.TelegramJson;

/**
 * The dashboard's messages: the JSON reading, and the web socket envelope around it.
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

    /** {@code {"topic":<topic>,"payload":<reading>}}; the reading is already JSON and goes in as it is. */
    static String message(String topic, String readingJson) {
        return "{\"topic\":\"" + topic + "\",\"payload\":" + readingJson + "}";
    }
}
