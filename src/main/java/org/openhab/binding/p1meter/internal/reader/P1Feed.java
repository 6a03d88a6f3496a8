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
package org.openhab.binding.p1meter.internal.reader;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;

/**
 * Something outputs subscribe to: one {@link P1Reader} in the daemon, the selected bridge(s) in openHAB.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public interface P1Feed {

    void addListener(P1Listener listener);

    void removeListener(P1Listener listener);

    /** The last valid telegram, or null before the first one (the dashboard shows it on connect). */
    @Nullable
    P1Telegram lastTelegram();

    /**
     * The source's state now and when the last telegram arrived; {@link FeedStatus#UNKNOWN} from a feed that
     * does not track them. Listeners hear of every change through {@link P1Listener#onConnectionState}.
     */
    default FeedStatus status() {
        return FeedStatus.UNKNOWN;
    }
}
