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
package org.openhab.binding.p1meter.internal.handler;

import static org.openhab.binding.p1meter.internal.P1MeterBindingConstants.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.P1BridgeRegistryImpl;
import org.openhab.binding.p1meter.internal.config.P1BridgeConfig;
import org.openhab.binding.p1meter.internal.discovery.P1MBusDiscoveryService;
import org.openhab.binding.p1meter.internal.dsmr.DecoderConfig;
import org.openhab.binding.p1meter.internal.dsmr.MBusSelection;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Rejection;
import org.openhab.binding.p1meter.internal.reader.ConnectionState;
import org.openhab.binding.p1meter.internal.reader.P1Listener;
import org.openhab.binding.p1meter.internal.reader.P1Reader;
import org.openhab.binding.p1meter.internal.reader.P1Source;
import org.openhab.binding.p1meter.internal.reader.ReaderOptions;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.binding.BaseBridgeHandler;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.openhab.core.thing.binding.builder.ChannelBuilder;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.thing.type.ChannelTypeUID;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the serial and the TCP bridge share: a {@link P1Reader} over the bridge's source, the electricity
 * channels (created as the meter turns out to send them), the Thing status, the CRC error count, the
 * M-Bus Things and discovery, and the registration of the reader for the output services.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public abstract class P1BridgeHandler extends BaseBridgeHandler {

    /** Decryption failures in a row, without a valid telegram, after which the key is taken to be wrong. */
    static final int DECRYPTION_FAILURES_FOR_CONFIG_ERROR = 3;
    private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Logger logger = LoggerFactory.getLogger(getClass());
    private final P1BridgeRegistryImpl registry;
    private final Map<String, P1MBusHandler> mbusHandlers = new ConcurrentHashMap<>();

    private volatile @Nullable P1Reader reader;
    private volatile @Nullable ReaderEvents events;
    private volatile @Nullable P1MBusDiscoveryService discoveryService;

    public P1BridgeHandler(Bridge bridge, P1BridgeRegistryImpl registry) {
        super(bridge);
        this.registry = registry;
    }

    /**
     * The source the configuration names.
     *
     * @throws IllegalArgumentException with a message that says what to fix in the configuration
     */
    protected abstract P1Source createSource(P1BridgeConfig config);

    /** The configuration class of this bridge type. */
    protected abstract P1BridgeConfig readConfig();

    /** Reconnect backoff; tests of reconnection shorten it. */
    protected ReaderOptions readerOptions(P1BridgeConfig config) {
        return ReaderOptions.defaults().withReceiveTimeout(Duration.ofSeconds(config.receiveTimeout));
    }

    @Override
    public void initialize() {
        P1BridgeConfig config;
        P1Source source;
        DecoderConfig decoder;
        try {
            config = readConfig();
            if (config.receiveTimeout < 0) {
                throw new ConfigProblem("offline.conf-error.receive-timeout", config.receiveTimeout);
            }
            if (config.refreshInterval < 0) {
                throw new ConfigProblem("offline.conf-error.refresh-interval", config.refreshInterval);
            }
            decoder = decoderConfig(config);
            source = createSource(config);
        } catch (ConfigProblem e) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, e.statusText());
            return;
        } catch (IllegalArgumentException e) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    StatusText.of("offline.conf-error.invalid", String.valueOf(e.getMessage())));
            return;
        }
        updateStatus(ThingStatus.UNKNOWN, ThingStatusDetail.NONE,
                StatusText.of("status.connecting", source.describe()));
        P1Reader newReader = new P1Reader(source, decoder, readerOptions(config));
        ReaderEvents newEvents = new ReaderEvents(newReader, config, source.describe());
        newReader.addListener(newEvents);
        this.events = newEvents;
        this.reader = newReader;
        registry.register(getThing().getUID().getAsString(), newReader);
        newReader.start();
    }

    private static DecoderConfig decoderConfig(P1BridgeConfig config) {
        DecoderConfig decoder;
        try {
            decoder = DecoderConfig.of(config.decryptionKey, config.additionalKey);
        } catch (IllegalArgumentException e) {
            throw new ConfigProblem("offline.conf-error.decryption", String.valueOf(e.getMessage()));
        }
        String[][] settings = { { CONFIG_GAS_METER, config.gasMeter }, { CONFIG_WATER_METER, config.waterMeter },
                { CONFIG_HEAT_METER, config.heatMeter } };
        for (String[] setting : settings) {
            try {
                MBusSelection.Pin.parse(setting[1]);
            } catch (IllegalArgumentException e) {
                throw new ConfigProblem("offline.conf-error.mbus-meter", setting[0], setting[1].strip());
            }
        }
        return decoder.withMBus(MBusSelection.of(config.gasMeter, config.waterMeter, config.heatMeter));
    }

    @Override
    public void dispose() {
        ReaderEvents oldEvents = events;
        if (oldEvents != null) {
            oldEvents.disposed = true;
        }
        events = null;
        P1Reader oldReader = reader;
        reader = null;
        if (oldReader != null) {
            oldReader.stop();
            registry.unregister(getThing().getUID().getAsString(), oldReader);
        }
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        if (command instanceof RefreshType) {
            ReaderEvents current = events;
            P1Telegram last = lastTelegram();
            if (current != null && last != null) {
                State state = current.stateOf(channelUID.getId(), last);
                if (state != null) {
                    updateState(channelUID, state);
                }
            }
        }
        // everything else is read-only
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return Set.of(P1MBusDiscoveryService.class);
    }

    @Override
    public void childHandlerInitialized(ThingHandler childHandler, Thing childThing) {
        if (childHandler instanceof P1MBusHandler mbus) {
            mbusHandlers.put(childThing.getUID().getAsString(), mbus);
            P1Telegram last = lastTelegram();
            ReaderEvents e = events;
            if (last != null && e != null && e.online) {
                mbus.onTelegram(last);
            }
        }
    }

    @Override
    public void childHandlerDisposed(ThingHandler childHandler, Thing childThing) {
        mbusHandlers.remove(childThing.getUID().getAsString(), childHandler);
    }

    /** The discovery service of this bridge, set while it exists. */
    public void setDiscoveryService(@Nullable P1MBusDiscoveryService service) {
        this.discoveryService = service;
    }

    /** The last valid telegram of the current connection's reader, or null. */
    public @Nullable P1Telegram lastTelegram() {
        P1Reader r = reader;
        return r == null ? null : r.lastTelegram();
    }

    /** The number of telegrams dropped for a CRC mismatch since the bridge was initialised. */
    public long crcErrors() {
        ReaderEvents e = events;
        return e == null ? 0 : e.crcErrors;
    }

    /**
     * Reacts to one reader's events on that reader's listener thread (so in order, one at a time). Events of a
     * reader that was replaced or stopped are ignored.
     */
    private final class ReaderEvents implements P1Listener {
        private final P1Reader owner;
        private final String sourceName;
        private final RefreshThrottle throttle;
        private final EventLogLimiter crcLog = new EventLogLimiter(LOG_INTERVAL_NANOS);
        private final EventLogLimiter otherLog = new EventLogLimiter(LOG_INTERVAL_NANOS);
        volatile boolean disposed;
        volatile boolean online;
        private int decryptionFailures;
        volatile long crcErrors;
        /** The direction of the last non-zero net power (IMPORT/EXPORT), null until the meter has shown one. */
        private @Nullable String direction;
        /** When the last valid telegram arrived: the last-update channel, also for a newly linked item. */
        private volatile @Nullable Instant lastArrival;

        ReaderEvents(P1Reader owner, P1BridgeConfig config, String sourceName) {
            this.owner = owner;
            this.sourceName = sourceName;
            this.throttle = new RefreshThrottle(config.refreshInterval);
        }

        private boolean current() {
            return !disposed && owner.equals(reader);
        }

        @Override
        public void onTelegram(P1Telegram telegram) {
            if (!current()) {
                return;
            }
            decryptionFailures = 0;
            lastArrival = Instant.now();
            Map<String, State> states = statesOf(telegram);
            List<String> channels = new ArrayList<>(states.keySet());
            double net = telegram.netPowerWatts();
            if (!Double.isNaN(net)) {
                channels.add(CHANNEL_POWER_DIRECTION);
            }
            // the Thing gets its channels and properties before it says ONLINE: whoever sees it ONLINE (the UI, a
            // rule, a user deleting it) sees it complete, and no change of it is still on its way
            addMissingChannels(channels);
            if (!online) {
                updateMeterProperties(telegram);
                online = true;
                updateStatus(ThingStatus.ONLINE);
            }
            if (throttle.due(System.nanoTime())) {
                states.forEach(P1BridgeHandler.this::updateState);
            }
            triggerOnDirectionChange(net);
            P1MBusDiscoveryService discovery = discoveryService;
            if (discovery != null) {
                discovery.devicesSeen(telegram.mbus());
            }
            for (P1MBusHandler child : mbusHandlers.values()) {
                try {
                    child.onTelegram(telegram);
                } catch (RuntimeException e) {
                    logger.warn("M-Bus Thing {} failed on a telegram: {}", child.getThing().getUID(), e.toString());
                }
            }
        }

        /**
         * Fires the power-direction trigger when the net power turns from import to export or back, on every
         * telegram whatever the refresh interval (rules should not miss the moment). Zero keeps the direction; the
         * first telegram only sets it, so that a restart fires nothing.
         */
        private void triggerOnDirectionChange(double netWatts) {
            if (Double.isNaN(netWatts) || netWatts == 0) {
                return;
            }
            String now = netWatts > 0 ? EVENT_IMPORT : EVENT_EXPORT;
            String before = direction;
            direction = now;
            if (before != null && !before.equals(now)) {
                triggerChannel(CHANNEL_POWER_DIRECTION, now);
            }
        }

        /** The state of every channel the telegram has data for, plus the bridge's own channels. */
        Map<String, State> statesOf(P1Telegram telegram) {
            Map<String, State> states = new LinkedHashMap<>();
            for (ElectricityChannel channel : ElectricityChannel.all()) {
                State state = channel.stateOf(telegram);
                if (state != null) {
                    states.put(channel.id(), state);
                }
            }
            states.put(CHANNEL_CRC_ERRORS, new DecimalType(crcErrors));
            Instant arrival = lastArrival;
            if (arrival != null) {
                states.put(CHANNEL_LAST_UPDATE, new DateTimeType(arrival));
            }
            return states;
        }

        @Nullable
        State stateOf(String channelId, P1Telegram telegram) {
            ElectricityChannel channel = ElectricityChannel.withId(channelId);
            if (channel != null) {
                return channel.stateOf(telegram);
            }
            Instant arrival = lastArrival;
            return switch (channelId) {
                case CHANNEL_CRC_ERRORS -> new DecimalType(crcErrors);
                case CHANNEL_LAST_UPDATE -> arrival == null ? null : new DateTimeType(arrival);
                default -> null;
            };
        }

        @Override
        public void onRejected(Rejection rejection) {
            if (!current()) {
                return;
            }
            long now = System.nanoTime();
            switch (rejection.reason()) {
                case CRC_MISMATCH -> {
                    crcErrors++;
                    if (getThing().getChannel(CHANNEL_CRC_ERRORS) != null) {
                        updateState(CHANNEL_CRC_ERRORS, new DecimalType(crcErrors));
                    }
                    long n = crcLog.record(now);
                    if (n > 0) {
                        logger.warn(
                                "{}: {} telegram(s) dropped for a CRC error (last: {}); {} so far. Occasional "
                                        + "errors are normal, many usually mean a bad or too long P1 cable.",
                                getThing().getUID(), n, rejection.message(), crcErrors);
                    }
                }
                case DECRYPTION_FAILED -> {
                    decryptionFailures++;
                    if (decryptionFailures == DECRYPTION_FAILURES_FOR_CONFIG_ERROR) {
                        online = false;
                        updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                                StatusText.of("offline.conf-error.cannot-decrypt", rejection.message()));
                    }
                    if (otherLog.record(now) > 0) {
                        logger.warn("{}: {}", getThing().getUID(), rejection.message());
                    }
                }
                default -> {
                    if (otherLog.record(now) > 0) {
                        logger.debug("{}: telegram dropped: {}", getThing().getUID(), rejection.message());
                    }
                }
            }
        }

        @Override
        public void onConnectionState(ConnectionState state, String message) {
            if (!current()) {
                return;
            }
            switch (state) {
                case DISCONNECTED -> {
                    online = false;
                    updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                            StatusText.of("offline.comm-error.retrying", sourceName, message));
                }
                case NO_DATA -> {
                    online = false;
                    updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                            StatusText.of("offline.comm-error.reconnecting", sourceName, message));
                }
                default -> {
                    // CONNECTING/CONNECTED change nothing: ONLINE means a valid telegram arrived
                }
            }
        }
    }

    private void updateMeterProperties(P1Telegram telegram) {
        Map<String, String> properties = new HashMap<>();
        properties.put(PROPERTY_HEADER, telegram.header());
        String version = telegram.p1Version();
        if (version != null) {
            properties.put(PROPERTY_P1_VERSION, version);
        }
        String equipment = telegram.equipmentId();
        if (equipment != null) {
            properties.put(PROPERTY_EQUIPMENT_ID, equipment);
        }
        Map<String, String> current = getThing().getProperties();
        boolean changed = properties.entrySet().stream().anyMatch(e -> !e.getValue().equals(current.get(e.getKey())));
        if (changed) {
            whileRegistered(() -> updateProperties(properties));
        }
    }

    /** Adds the channels the meter turned out to send; never removes one (a link must survive a gap). */
    private void addMissingChannels(Collection<String> channelIds) {
        Bridge bridge = getThing();
        List<String> missing = new ArrayList<>();
        for (String id : channelIds) {
            if (bridge.getChannel(id) == null) {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        ThingBuilder builder = editThing();
        for (String id : missing) {
            builder.withChannel(newChannel(new ChannelUID(bridge.getUID(), id)));
        }
        logger.debug("{}: adding channels {}", bridge.getUID(), missing);
        whileRegistered(() -> updateThing(builder.build()));
    }

    /**
     * Changes the Thing unless it was just deleted: openHAB takes it out of its registry before it disposes the
     * handler, and a telegram that arrives in between must not turn the deletion into a warning.
     */
    private void whileRegistered(Runnable thingUpdate) {
        try {
            thingUpdate.run();
        } catch (IllegalArgumentException e) {
            // openHAB's ThingManager: "Cannot update thing ... because it is not known to the registry"
            logger.debug("{} not updated, it is being removed: {}", getThing().getUID(), e.getMessage());
        }
    }

    private Channel newChannel(ChannelUID uid) {
        String id = uid.getId();
        ChannelTypeUID type = new ChannelTypeUID(BINDING_ID, id);
        ThingHandlerCallback callback = getCallback();
        ChannelBuilder builder = null;
        if (callback != null) {
            try {
                // the framework's builder carries the channel type's (translated) label, item type and tags
                builder = callback.createChannelBuilder(uid, type);
            } catch (IllegalArgumentException e) {
                logger.debug("Channel type {} not known to the framework: {}", type, e.getMessage());
            }
        }
        if (builder == null) {
            builder = ChannelBuilder.create(uid, itemTypeOf(id)).withType(type);
        }
        return builder.build();
    }

    static String itemTypeOf(String channelId) {
        ElectricityChannel c = ElectricityChannel.withId(channelId);
        if (c != null) {
            return c.itemType();
        }
        return CHANNEL_LAST_UPDATE.equals(channelId) ? "DateTime" : "Number";
    }
}
