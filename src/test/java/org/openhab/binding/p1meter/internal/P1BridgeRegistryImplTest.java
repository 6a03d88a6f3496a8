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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.reader.ConnectionState;
import org.openhab.binding.p1meter.internal.reader.FeedStatus;
import org.openhab.binding.p1meter.internal.reader.ManualFeed;
import org.openhab.binding.p1meter.internal.reader.P1Feed;
import org.openhab.binding.p1meter.internal.reader.P1Listener;

/**
 * Feeds from the registry follow bridges as they come and go.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class P1BridgeRegistryImplTest {

    /** A bridge's reader as far as the registry sees it. */
    static final class BridgeFeed extends ManualFeed {
        void emit(P1Telegram telegram) {
            publish(telegram);
        }
    }

    static final class Recorder implements P1Listener {
        final List<String> headers = new CopyOnWriteArrayList<>();

        @Override
        public void onTelegram(P1Telegram telegram) {
            headers.add(telegram.header());
        }
    }

    private static P1Telegram telegram(String header) {
        return new P1Telegram.Builder().header(header).build();
    }

    private final P1BridgeRegistryImpl registry = new P1BridgeRegistryImpl();

    @Test
    void feedOfABridgeThatAppearsLaterStartsDeliveringThen() {
        P1Feed feed = registry.feed("p1meter:serial:home");
        Recorder recorder = new Recorder();
        feed.addListener(recorder);
        assertThat(feed.lastTelegram()).isNull();

        BridgeFeed bridge = new BridgeFeed();
        registry.register("p1meter:serial:home", bridge);
        bridge.emit(telegram("A"));

        assertThat(recorder.headers).containsExactly("A");
        assertThat(feed.lastTelegram()).isSameAs(bridge.lastTelegram());
    }

    @Test
    void feedFollowsOnlyItsOwnBridge() {
        BridgeFeed home = new BridgeFeed();
        BridgeFeed shed = new BridgeFeed();
        registry.register("p1meter:serial:home", home);
        registry.register("p1meter:tcp:shed", shed);
        Recorder recorder = new Recorder();
        registry.feed(" p1meter:tcp:shed ").addListener(recorder);

        home.emit(telegram("home"));
        shed.emit(telegram("shed"));

        assertThat(recorder.headers).containsExactly("shed");
    }

    @Test
    void blankUidFollowsAllBridgesAndLastTelegramIsTheLatestOfThem() {
        BridgeFeed home = new BridgeFeed();
        BridgeFeed shed = new BridgeFeed();
        registry.register("p1meter:serial:home", home);
        P1Feed all = registry.feed("");
        Recorder recorder = new Recorder();
        all.addListener(recorder);
        registry.register("p1meter:tcp:shed", shed);

        home.emit(telegram("h1"));
        shed.emit(telegram("s1"));
        assertThat(all.lastTelegram()).extracting(P1Telegram::header).isEqualTo("s1");
        home.emit(telegram("h2"));
        assertThat(all.lastTelegram()).extracting(P1Telegram::header).isEqualTo("h2");
        assertThat(recorder.headers).containsExactly("h1", "s1", "h2");
        assertThat(registry.feed(null).lastTelegram()).extracting(P1Telegram::header).isEqualTo("h2");
    }

    @Test
    void statusIsThatOfTheBridgeWhoseTelegramCameLast() {
        P1Feed all = registry.feed("");
        P1Feed shedOnly = registry.feed("p1meter:tcp:shed");
        assertThat(all.status().state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(all.status().message()).contains("no P1 bridge");
        assertThat(shedOnly.status().message()).contains("p1meter:tcp:shed").contains("not running");

        BridgeFeed home = new BridgeFeed();
        BridgeFeed shed = new BridgeFeed();
        registry.register("p1meter:serial:home", home);
        registry.register("p1meter:tcp:shed", shed);
        home.state(ConnectionState.CONNECTED, "connected to serial /dev/ttyUSB0");
        shed.state(ConnectionState.DISCONNECTED, "cannot connect to 10.0.0.9:8088");
        home.publish(telegram("h1"), 1000);
        assertThat(all.status()).extracting(FeedStatus::state, FeedStatus::lastTelegramMillis)
                .containsExactly(ConnectionState.CONNECTED, 1000L);
        assertThat(shedOnly.status().message()).isEqualTo("cannot connect to 10.0.0.9:8088");

        shed.publish(telegram("s1"), 2000);
        assertThat(all.status()).extracting(FeedStatus::message, FeedStatus::lastTelegramMillis)
                .containsExactly("cannot connect to 10.0.0.9:8088", 2000L);
    }

    @Test
    void listenersMoveToTheNewReaderWhenABridgeIsReinitialised() {
        BridgeFeed first = new BridgeFeed();
        registry.register("p1meter:serial:home", first);
        Recorder recorder = new Recorder();
        registry.feed("p1meter:serial:home").addListener(recorder);
        first.emit(telegram("1"));

        registry.unregister("p1meter:serial:home", first);
        assertThat(first.listenerCount()).isZero();
        first.emit(telegram("lost"));

        BridgeFeed second = new BridgeFeed();
        registry.register("p1meter:serial:home", second);
        second.emit(telegram("2"));

        assertThat(recorder.headers).containsExactly("1", "2");
        assertThat(registry.bridgeUids()).containsExactly("p1meter:serial:home");
    }

    @Test
    void replacingARegistrationWithoutUnregisteringMovesListenersToo() {
        BridgeFeed first = new BridgeFeed();
        BridgeFeed second = new BridgeFeed();
        Recorder recorder = new Recorder();
        registry.feed("p1meter:serial:home").addListener(recorder);
        registry.register("p1meter:serial:home", first);
        registry.register("p1meter:serial:home", second);
        first.emit(telegram("old"));
        second.emit(telegram("new"));

        assertThat(first.listenerCount()).isZero();
        assertThat(recorder.headers).containsExactly("new");
    }

    @Test
    void unregisteringAStaleFeedLeavesTheCurrentOneAlone() {
        BridgeFeed first = new BridgeFeed();
        BridgeFeed second = new BridgeFeed();
        registry.register("p1meter:serial:home", first);
        registry.register("p1meter:serial:home", second);
        registry.unregister("p1meter:serial:home", first);

        assertThat(registry.bridgeUids()).containsExactly("p1meter:serial:home");
    }

    @Test
    void removedListenerReceivesNothingMore() {
        BridgeFeed bridge = new BridgeFeed();
        registry.register("p1meter:serial:home", bridge);
        P1Feed feed = registry.feed(null);
        Recorder recorder = new Recorder();
        feed.addListener(recorder);
        bridge.emit(telegram("1"));
        feed.removeListener(recorder);
        bridge.emit(telegram("2"));
        BridgeFeed later = new BridgeFeed();
        registry.register("p1meter:tcp:later", later);
        later.emit(telegram("3"));

        assertThat(recorder.headers).containsExactly("1");
        assertThat(later.listenerCount()).isEqualTo(1); // only the registry's own bookkeeping listener
    }
}
