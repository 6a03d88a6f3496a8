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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;

/**
 * A feed the test drives by hand: every event is delivered synchronously on the calling thread, so a test can
 * also time how long a listener keeps the feed busy. Tests subclass it for their own shorthands.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class ManualFeed implements P1Feed {

    private final List<P1Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile @Nullable P1Telegram last;
    private volatile FeedStatus status = FeedStatus.UNKNOWN;

    @Override
    public void addListener(P1Listener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(P1Listener listener) {
        listeners.remove(listener);
    }

    @Override
    public @Nullable P1Telegram lastTelegram() {
        return last;
    }

    @Override
    public FeedStatus status() {
        return status;
    }

    public int listenerCount() {
        return listeners.size();
    }

    public void publish(P1Telegram telegram) {
        publish(telegram, System.currentTimeMillis());
    }

    /** A telegram that arrived at {@code arrivedMillis} (epoch ms). */
    public void publish(P1Telegram telegram, long arrivedMillis) {
        last = telegram;
        FeedStatus s = status;
        status = new FeedStatus(s.state(), s.message(), s.sinceMillis(), arrivedMillis);
        listeners.forEach(l -> l.onTelegram(telegram));
    }

    public void usage(UsageChange change) {
        listeners.forEach(l -> l.onUsageChange(change));
    }

    public void gasUsage(UsageChange change) {
        listeners.forEach(l -> l.onGasUsage(change));
    }

    public void state(ConnectionState state) {
        state(state, state.name());
    }

    public void state(ConnectionState state, String message) {
        status = new FeedStatus(state, message, System.currentTimeMillis(), status.lastTelegramMillis());
        listeners.forEach(l -> l.onConnectionState(state, message));
    }
}
