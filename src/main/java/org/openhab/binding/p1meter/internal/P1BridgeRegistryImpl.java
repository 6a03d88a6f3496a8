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
package org.openhab.binding.p1meter.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.reader.ConnectionState;
import org.openhab.binding.p1meter.internal.reader.DirectListener;
import org.openhab.binding.p1meter.internal.reader.FeedStatus;
import org.openhab.binding.p1meter.internal.reader.P1Feed;
import org.openhab.binding.p1meter.internal.reader.P1Listener;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the feeds of the running bridges and hands out feeds that follow them. A listener added to a feed
 * from {@link #feed(String)} is added straight to every matching bridge's reader, so it keeps the reader's
 * own delivery thread and queue: a slow output never delays another output or the bridge's channels.
 * When a bridge comes (or comes back with a new reader) the listeners move onto it; when it goes they are
 * removed from it.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Component(service = { P1BridgeRegistry.class, P1BridgeRegistryImpl.class })
public class P1BridgeRegistryImpl implements P1BridgeRegistry {

    private final Logger logger = LoggerFactory.getLogger(P1BridgeRegistryImpl.class);

    /** The registered bridges by Thing UID. */
    private final Map<String, Registration> bridges = new ConcurrentHashMap<>();
    /** The forwarding feeds that have listeners (feeds without listeners need no updates). */
    private final List<ForwardingFeed> activeFeeds = new CopyOnWriteArrayList<>();

    /**
     * Makes a bridge's feed available under its Thing UID; a feed registered earlier under the same UID is
     * replaced (its listeners move to the new one).
     */
    public synchronized void register(String bridgeUid, P1Feed feed) {
        String uid = bridgeUid.trim();
        Registration old = bridges.get(uid);
        if (old != null) {
            if (old.feed.equals(feed)) {
                return;
            }
            detach(uid, old);
        }
        Registration registration = new Registration(feed);
        feed.addListener(registration);
        bridges.put(uid, registration);
        for (ForwardingFeed f : activeFeeds) {
            if (f.follows(uid)) {
                f.attach(feed);
            }
        }
        logger.debug("P1 bridge {} registered", uid);
    }

    /** Removes the bridge's feed, if it is still the registered one. */
    public synchronized void unregister(String bridgeUid, P1Feed feed) {
        String uid = bridgeUid.trim();
        Registration registration = bridges.get(uid);
        if (registration != null && registration.feed.equals(feed)) {
            detach(uid, registration);
            logger.debug("P1 bridge {} unregistered", uid);
        }
    }

    /** The UIDs of the registered bridges. */
    public Set<String> bridgeUids() {
        return Set.copyOf(bridges.keySet());
    }

    private void detach(String uid, Registration registration) {
        bridges.remove(uid);
        registration.feed.removeListener(registration);
        for (ForwardingFeed f : activeFeeds) {
            if (f.follows(uid)) {
                f.detach(registration.feed);
            }
        }
    }

    @Override
    public P1Feed feed(@Nullable String bridgeUid) {
        String uid = bridgeUid == null ? "" : bridgeUid.trim();
        return new ForwardingFeed(uid);
    }

    private synchronized void activate(ForwardingFeed feed) {
        if (!activeFeeds.contains(feed)) {
            activeFeeds.add(feed);
        }
    }

    private synchronized void deactivate(ForwardingFeed feed) {
        activeFeeds.remove(feed);
    }

    private synchronized List<P1Feed> feedsFor(ForwardingFeed feed) {
        return bridges.entrySet().stream().filter(e -> feed.follows(e.getKey())).map(e -> e.getValue().feed).toList();
    }

    /** Orders the telegrams of all bridges, so "all bridges" knows which one came last. */
    private static final AtomicLong TELEGRAM_SEQUENCE = new AtomicLong();

    /** Tracks when a bridge last delivered a telegram: one counter, on the reader's thread (no thread of its own). */
    private static final class Registration implements DirectListener {
        final P1Feed feed;
        volatile long lastTelegramSequence;

        Registration(P1Feed feed) {
            this.feed = feed;
        }

        @Override
        public void onTelegram(P1Telegram telegram) {
            lastTelegramSequence = TELEGRAM_SEQUENCE.incrementAndGet();
        }
    }

    /** A feed following one bridge (uid set) or all of them (uid empty). */
    private final class ForwardingFeed implements P1Feed {
        private final String uid;
        private final Set<P1Listener> listeners = new CopyOnWriteArraySet<>();

        ForwardingFeed(String uid) {
            this.uid = uid;
        }

        boolean follows(String bridgeUid) {
            return uid.isEmpty() || uid.equals(bridgeUid);
        }

        void attach(P1Feed bridgeFeed) {
            for (P1Listener l : listeners) {
                bridgeFeed.addListener(l);
            }
        }

        void detach(P1Feed bridgeFeed) {
            for (P1Listener l : listeners) {
                bridgeFeed.removeListener(l);
            }
        }

        @Override
        public void addListener(P1Listener listener) {
            synchronized (P1BridgeRegistryImpl.this) {
                if (listeners.add(listener)) {
                    activate(this);
                    for (P1Feed f : feedsFor(this)) {
                        f.addListener(listener);
                    }
                }
            }
        }

        @Override
        public void removeListener(P1Listener listener) {
            synchronized (P1BridgeRegistryImpl.this) {
                if (listeners.remove(listener)) {
                    for (P1Feed f : feedsFor(this)) {
                        f.removeListener(listener);
                    }
                    if (listeners.isEmpty()) {
                        deactivate(this);
                    }
                }
            }
        }

        @Override
        public @Nullable P1Telegram lastTelegram() {
            Registration latest = null;
            for (Map.Entry<String, Registration> e : bridges.entrySet()) {
                Registration r = e.getValue();
                if (follows(e.getKey()) && r.feed.lastTelegram() != null
                        && (latest == null || r.lastTelegramSequence > latest.lastTelegramSequence)) {
                    latest = r;
                }
            }
            return latest == null ? null : latest.feed.lastTelegram();
        }

        /**
         * The status of the bridge whose telegram came last (the one {@link #lastTelegram()} shows), else of the
         * first that follows; without any, not connected, saying so.
         */
        @Override
        public FeedStatus status() {
            Registration chosen = null;
            for (Map.Entry<String, Registration> e : bridges.entrySet()) {
                Registration r = e.getValue();
                if (follows(e.getKey()) && (chosen == null || r.lastTelegramSequence > chosen.lastTelegramSequence)) {
                    chosen = r;
                }
            }
            if (chosen == null) {
                return new FeedStatus(ConnectionState.DISCONNECTED,
                        uid.isEmpty() ? "no P1 bridge is running" : "bridge " + uid + " is not running", 0, 0);
            }
            return chosen.feed.status();
        }

        @Override
        public String toString() {
            return "P1 feed of " + (uid.isEmpty() ? "all bridges" : uid);
        }
    }
}
