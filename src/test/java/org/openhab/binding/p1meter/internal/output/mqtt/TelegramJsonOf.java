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
package org.openhab.binding.p1meter.internal.output.mqtt;

import java.util.function.Function;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.TelegramJson;

/**
 * The JSON reading as a function, for the output's test constructor.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
enum TelegramJsonOf implements Function<P1Telegram, String> {
    INSTANCE;

    @Override
    public String apply(P1Telegram t) {
        return TelegramJson.toJson(t);
    }
}
