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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

import javax.net.SocketFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.TelegramJson;
import org.openhab.binding.p1meter.internal.output.P1Output;
import org.openhab.binding.p1meter.internal.reader.ConnectionState;
import org.openhab.binding.p1meter.internal.reader.ConsumerLimits;
import org.openhab.binding.p1meter.internal.reader.DirectListener;
import org.openhab.binding.p1meter.internal.reader.P1Feed;
import org.openhab.binding.p1meter.internal.reader.PacedListener;
import org.openhab.binding.p1meter.internal.reader.UsageChange;
import org.openhab.binding.p1meter.internal.reader.UsageTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Publishes the readings to an MQTT broker as smartmeter2mqtt did ({@code <prefix>/status/energy},
 * {@code status/usage}, {@code status/gasUsage}, distinct field topics, {@code <prefix>/connected} with a last
 * will), plus the gas flow ({@code status/gasFlow}), Home Assistant discovery and a publish interval.
 *
 * <p>
 * The feed calls this output on the reader's thread ({@link DirectListener}); its callbacks only put the telegram
 * in a {@link ReadingBacklog}, or small messages in a {@link LatestPerTopicQueue}. One publisher thread turns the
 * telegrams into messages, one telegram once the previous one's messages are all handed to Paho, owns the Paho
 * client, connects, publishes and reconnects with backoff. Publishing is pipelined (Paho's asynchronous client):
 * the publisher hands a message over without waiting for the broker's acknowledgement of the one before, and a
 * message whose delivery fails goes back into the queue unless a newer one for its topic is already waiting.
 *
 * <p>
 * The consumer policy, as for a TCP client: a broker that takes what it is given gets every telegram, in order;
 * while more than {@link #HIGH_WATER} telegrams wait for it the output is {@link #behind()}, and a source that can
 * wait (a TCP dongle, a replay) is read no faster than the broker takes them. A broker that is away, or takes
 * nothing for the no-progress time while telegrams wait (logged), is given only the newest telegram until it takes
 * one again, so that a slow or dead broker never holds up the reader or the other outputs.
 *
 * <p>
 * {@code <prefix>/connected} follows the mqtt-smarthome convention: {@code 2} connected to the broker and the
 * meter, {@code 1} connected to the broker but the meter's source is down, {@code 0} (the last will, or a clean
 * shutdown) gone.
 *
 * <p>
 * {@code status/usage}, {@code status/gasUsage} and {@code status/gasFlow} are derived here, from the telegrams
 * this output publishes, rather than taken from the reader's events: with a publish interval (or a broker that
 * was away, when the newest telegram wins) a change then always runs from the last published value to the
 * new one, never from a value nobody saw.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class MqttOutput implements P1Output, DirectListener, PacedListener {

    static final int QUEUE_CAPACITY = 1024;
    /** Telegrams waiting for the broker beyond which this output is behind: a few replay reads' worth. */
    static final int HIGH_WATER = 64;
    /**
     * Telegrams that may wait for a broker that is connected and taking them: a few MB, and 17 minutes of a
     * meter that sends every second (only a serial line, which is never held up, can get this far ahead).
     */
    static final int MAX_BACKLOG = 1024;
    private static final long DEFAULT_MIN_BACKOFF_MS = 1000;
    private static final long DEFAULT_MAX_BACKOFF_MS = 60_000;
    /** Longest a connect, subscribe or disconnect may take before the connection counts as dead. */
    private static final long ACK_TIMEOUT_MS = 10_000;
    /**
     * Messages handed to Paho and not yet delivered (acknowledged, or for QoS 0 written); past it the publisher
     * waits. Paho's own limit counts only messages already written: while the broker does not read, Paho would
     * take every message into an unbounded list, and a broker that stopped taking would look like one that takes.
     */
    private static final int MAX_INFLIGHT = 200;

    private final Logger logger = LoggerFactory.getLogger(MqttOutput.class);

    private final MqttOutputConfig config;
    private final Function<P1Telegram, String> readingJson;
    private final @Nullable SocketFactory socketFactory;
    private final long minBackoffMs;
    private final long maxBackoffMs;
    private final HaDiscovery discovery;
    private final LatestPerTopicQueue queue = new LatestPerTopicQueue(QUEUE_CAPACITY);
    private final CountDownLatch stopping = new CountDownLatch(1);

    /** Discovery topics sent since the last (re)connect; touched by the feed thread and the publisher. */
    private final Set<String> announced = new HashSet<>();
    private volatile boolean discoveryWanted;
    private volatile boolean connectionLost;
    private volatile boolean sourceUp = true;
    private volatile @Nullable P1Telegram lastTelegram;
    /** The shape of a telegram whose discovery configs were all announced; publisher thread only. */
    private HaDiscovery.@Nullable Shape announcedShape;
    /** Telegrams that could not be turned into messages; publisher thread only. */
    private long renderFailures;
    /** The telegrams the publisher has not turned into messages yet. */
    private final ReadingBacklog backlog = new ReadingBacklog(MAX_BACKLOG);
    /** Connected and not lost since: telegrams then wait their turn, otherwise only the newest. */
    private volatile boolean brokerUp;
    /** Set when the broker took nothing for {@link #noProgressNanos} while telegrams waited; reader thread. */
    private volatile boolean gaveUp;
    private boolean overflowWarned;
    private final long noProgressNanos;
    /** Usage events from the published telegrams; publisher thread only. */
    private final UsageTracker usage = new UsageTracker();
    /** The shortest time between published readings, 0 for every telegram. */
    private final long intervalNanos;
    private final LongSupplier clock;
    /** With an interval: the newest telegram waiting for its turn; publisher thread only. */
    private @Nullable P1Telegram held;
    /** With an interval: when the next reading may go out; publisher thread only. */
    private long nextReadingNanos;
    private boolean publishedReading;
    private volatile boolean running;

    private @Nullable P1Feed feed;
    private @Nullable Thread publisher;
    private @Nullable MqttAsyncClient client;
    /** Counts this connection's messages in flight; publisher thread only (a new one per connection). */
    private DeliveryListener delivery = new DeliveryListener();

    /** Publishes the contract's JSON reading ({@link TelegramJson}) on {@code status/energy}. */
    public MqttOutput(MqttOutputConfig config) {
        this(config, TelegramJson::toJson);
    }

    /**
     * @param config what to connect to and publish
     * @param readingJson the JSON reading of a telegram (the contract's {@code status/energy} payload)
     */
    public MqttOutput(MqttOutputConfig config, Function<P1Telegram, String> readingJson) {
        this(config, readingJson, null, DEFAULT_MIN_BACKOFF_MS, DEFAULT_MAX_BACKOFF_MS);
    }

    /** With a socket factory (tests cut the connection through it) and reconnect backoff bounds. */
    MqttOutput(MqttOutputConfig config, Function<P1Telegram, String> readingJson, @Nullable SocketFactory socketFactory,
            long minBackoffMs, long maxBackoffMs) {
        this(config, readingJson, socketFactory, minBackoffMs, maxBackoffMs, System::nanoTime);
    }

    /** ... and the clock of the publish interval, in nanoseconds (tests move it on by hand). */
    MqttOutput(MqttOutputConfig config, Function<P1Telegram, String> readingJson, @Nullable SocketFactory socketFactory,
            long minBackoffMs, long maxBackoffMs, LongSupplier clock) {
        this(config, readingJson, socketFactory, minBackoffMs, maxBackoffMs, clock,
                ConsumerLimits.DEFAULT_NO_PROGRESS_TIMEOUT.toNanos());
    }

    /** ... and how long a broker may take nothing while telegrams wait before it gets only the newest. */
    MqttOutput(MqttOutputConfig config, Function<P1Telegram, String> readingJson, @Nullable SocketFactory socketFactory,
            long minBackoffMs, long maxBackoffMs, LongSupplier clock, long noProgressNanos) {
        this.noProgressNanos = noProgressNanos;
        this.clock = clock;
        this.config = config;
        this.readingJson = readingJson;
        this.socketFactory = socketFactory;
        this.minBackoffMs = minBackoffMs;
        this.maxBackoffMs = maxBackoffMs;
        this.discovery = new HaDiscovery(config.topicPrefix(), config.discoveryPrefix(), version(),
                config.smartmeter2mqttEntities());
        this.intervalNanos = config.interval().toNanos();
    }

    @Override
    public synchronized void start(P1Feed feed) throws IOException {
        if (running) {
            return;
        }
        MqttAsyncClient c;
        try {
            c = new MqttAsyncClient(config.brokerUri(), config.clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IOException("cannot use MQTT broker " + config.describeBroker() + ": " + e.getMessage(), e);
        }
        c.setCallback(new Callback());
        client = c;
        running = true;
        Thread t = new Thread(this::publishLoop, "p1meter-mqtt-" + config.clientId());
        t.setDaemon(true);
        publisher = t;
        t.start();
        this.feed = feed;
        feed.addListener(this);
        P1Telegram last = feed.lastTelegram();
        if (last != null) {
            onTelegram(last);
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            P1Feed f = feed;
            if (f != null) {
                f.removeListener(this);
            }
            t = publisher;
        }
        stopping.countDown();
        queue.wakeUp();
        MqttAsyncClient c = client;
        if (t != null) {
            try {
                t.join(5000);
                if (t.isAlive()) {
                    // stuck waiting for a broker that accepted the connection but does not answer
                    logger.debug("MQTT publisher still busy; dropping the connection");
                    if (c != null) {
                        abandon(c);
                    }
                    t.join(2000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                logger.warn("MQTT publisher did not stop in time");
            }
        }
    }

    @Override
    public String describe() {
        return "MQTT to " + config.describeBroker() + " (topic " + config.topicPrefix() + "/"
                + (config.discovery() ? ", Home Assistant discovery on " + config.discoveryPrefix() : "") + ")";
    }

    /**
     * True while connected to the broker, with the connected state published and Home Assistant's status
     * subscribed (for status displays and tests).
     */
    public boolean isConnected() {
        MqttAsyncClient c = client;
        return brokerUp && c != null && c.isConnected();
    }

    /** Messages dropped because the queue was full (distinct topics beyond its capacity). */
    public long droppedMessages() {
        return queue.dropped();
    }

    /** Telegrams never published: only the newest was kept while the broker was away, behind or past the bound. */
    public long skippedReadings() {
        return backlog.skipped();
    }

    // --- feed events: no network I/O here, only messages into the queue ---

    @Override
    public void onTelegram(P1Telegram telegram) {
        lastTelegram = telegram;
        if (!sourceUp) {
            sourceUp = true;
            queue.offerFirst(List.of(connectedMessage()));
        }
        // called on the reader's thread: only hand the telegram over; the publisher turns it into messages when
        // it gets to it
        checkProgress();
        switch (backlog.add(telegram, keepAll(), System.nanoTime())) {
            case FIRST:
                queue.wakeUp();
                break;
            case OVERFLOWED:
                if (!overflowWarned) {
                    overflowWarned = true;
                    logger.warn("MQTT broker {} is more than {} readings behind: skipping the oldest until it "
                            + "catches up", config.describeBroker(), MAX_BACKLOG);
                }
                break;
            case QUEUED:
                break;
        }
    }

    @Override
    public boolean behind() {
        checkProgress();
        return keepAll() && backlog.size() > HIGH_WATER;
    }

    /**
     * Whether every telegram waits its turn: no publish interval (which takes the newest), and a broker that is
     * connected and taking them.
     */
    private boolean keepAll() {
        return intervalNanos == 0 && !gaveUp && isConnected();
    }

    /** Reader thread: gives up on a broker that took nothing for the no-progress time while telegrams waited. */
    private void checkProgress() {
        if (gaveUp || !brokerUp) {
            return;
        }
        long stalled = backlog.stalledNanos(System.nanoTime());
        if (stalled > noProgressNanos) {
            gaveUp = true;
            backlog.keepNewest();
            logger.warn(
                    "MQTT broker {} took no reading for {} s while {} waited: sending only the newest reading "
                            + "until it takes one again",
                    config.describeBroker(), TimeUnit.NANOSECONDS.toSeconds(stalled), backlog.size());
        }
    }

    /** {@link #renderNext}, logging what it throws: one odd telegram must not end the publisher thread. */
    private void renderGuarded() {
        try {
            renderNext();
        } catch (RuntimeException | LinkageError e) {
            if (++renderFailures == 1) {
                logger.warn("cannot turn a telegram into MQTT messages: {}", e.toString(), e);
            } else {
                logger.debug("cannot turn a telegram into MQTT messages ({} times): {}", renderFailures, e.toString());
            }
        }
    }

    /**
     * Turns the next telegram into messages once the previous one's are all handed over (so that a reading never
     * replaces one still waiting), or with an interval keeps the newest for later when the interval has not
     * passed; on the publisher's thread.
     */
    private void renderNext() {
        if (intervalNanos == 0 && queue.size() > 0) {
            return;
        }
        P1Telegram telegram = backlog.take(System.nanoTime());
        if (telegram != null && gaveUp) {
            gaveUp = false;
            logger.info("MQTT broker {} takes readings again", config.describeBroker());
        }
        if (intervalNanos == 0) {
            if (telegram != null) {
                renderReading(telegram);
                offerUsage(telegram);
            }
            return;
        }
        boolean immediate = config.usageImmediate();
        if (telegram != null) {
            if (immediate) {
                offerUsage(telegram);
            }
            held = telegram;
        }
        P1Telegram due = held;
        long now = clock.getAsLong();
        if (due != null && (!publishedReading || now - nextReadingNanos >= 0)) {
            held = null;
            publishedReading = true;
            nextReadingNanos = now + intervalNanos;
            renderReading(due);
            if (!immediate) {
                offerUsage(due);
            }
        }
    }

    /** How long the publisher may wait for a message before a held reading is due. */
    private long pollMillis() {
        if (intervalNanos == 0 && backlog.size() > 0) {
            return 0; // the next telegram is rendered as soon as the queue is empty
        }
        if (held == null) {
            return TimeUnit.SECONDS.toMillis(60); // a safety net only: whatever needs the publisher wakes it
        }
        // while a reading is held, look at the (injectable) clock at least twice a second
        long left = TimeUnit.NANOSECONDS.toMillis(nextReadingNanos - clock.getAsLong());
        return Math.max(1, Math.min(500, left));
    }

    /** smartmeter2mqtt's usage events, and the gas flow, for a telegram this output publishes. */
    private void offerUsage(P1Telegram telegram) {
        long now = System.currentTimeMillis();
        UsageChange power = usage.power(telegram, now);
        if (power != null) {
            queue.offer(OutboundMessage.of(config.statusTopic("usage"), usageJson(power), false));
        }
        UsageTracker.GasReading gas = usage.gas(telegram, now);
        if (gas != null) {
            queue.offer(OutboundMessage.of(config.statusTopic("gasUsage"), usageJson(gas.change()), false));
            if (gas.hasFlow()) {
                JsonObject flow = new JsonObject();
                flow.addProperty("ts", gas.time().toInstant().toEpochMilli());
                flow.add("val", number(gas.flow()));
                queue.offer(OutboundMessage.of(config.statusTopic("gasFlow"), flow.toString(), config.retain()));
            }
        }
    }

    /** The reading, the distinct fields and, when the quantities changed, discovery. */
    private void renderReading(P1Telegram telegram) {
        String json;
        try {
            json = readingJson.apply(telegram);
        } catch (RuntimeException e) {
            logger.warn("cannot turn telegram {} into JSON: {}", telegram, e.getMessage());
            return;
        }
        queue.offer(OutboundMessage.of(config.statusTopic("energy"), json, config.retain()));
        if (config.distinct()) {
            offerDistinct(json);
        }
        if (config.discovery() && !discoveryWanted) {
            // building every sensor to compare topics is most of this output's work: only when the shape changed
            HaDiscovery.Shape shape = discovery.shape(telegram);
            if (!shape.equals(announcedShape)) {
                Set<String> topics = discovery.configTopics(telegram);
                synchronized (announced) {
                    if (!announced.containsAll(topics)) {
                        discoveryWanted = true;
                    } else {
                        announcedShape = shape;
                    }
                }
            }
        }
    }

    @Override
    public void onConnectionState(ConnectionState state, String message) {
        boolean up;
        switch (state) {
            case CONNECTED:
                up = true;
                break;
            case NO_DATA:
            case DISCONNECTED:
            case STOPPED:
                up = false;
                break;
            default:
                return;
        }
        if (up != sourceUp) {
            sourceUp = up;
            queue.offerFirst(List.of(connectedMessage()));
        }
    }

    /** {@code {"ts": <ms>, "val": <value>}} per field, zero values included (smartmeter2mqtt skipped them). */
    private void offerDistinct(String json) {
        JsonObject reading;
        try {
            reading = JsonParser.parseString(json).getAsJsonObject();
        } catch (RuntimeException e) {
            logger.debug("reading is not a JSON object: {}", e.getMessage());
            return;
        }
        long now = System.currentTimeMillis();
        List<String> fields = config.distinctFields();
        if (fields.isEmpty()) {
            for (Map.Entry<String, JsonElement> e : reading.entrySet()) {
                offerField(e.getKey(), e.getValue(), now);
            }
        } else {
            for (String f : fields) {
                JsonElement v = reading.get(f);
                if (v != null) {
                    offerField(f, v, now);
                }
            }
        }
    }

    private void offerField(String field, JsonElement value, long now) {
        JsonObject o = new JsonObject();
        o.addProperty("ts", now);
        o.add("val", value);
        queue.offer(OutboundMessage.of(config.statusTopic(field), o.toString(), config.retain()));
    }

    static String usageJson(UsageChange c) {
        JsonObject o = new JsonObject();
        o.add("previousUsage", number(c.previousUsage()));
        o.add("relative", number(c.relative()));
        o.addProperty("message", c.message());
        o.add("val", number(c.val()));
        o.addProperty("tc", c.tc());
        return o.toString();
    }

    /** Whole numbers as integers ({@code 1754}, as smartmeter2mqtt sent them), others as they are. */
    private static JsonElement number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return com.google.gson.JsonNull.INSTANCE;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return new com.google.gson.JsonPrimitive((long) v);
        }
        return new com.google.gson.JsonPrimitive(v);
    }

    private OutboundMessage connectedMessage() {
        return OutboundMessage.of(config.connectedTopic(), sourceUp ? "2" : "1", true);
    }

    // --- the publisher thread: the only one that talks to the broker ---

    private void publishLoop() {
        long backoff = minBackoffMs;
        boolean warned = false;
        while (running) {
            MqttAsyncClient c = client;
            if (c == null) {
                return;
            }
            if (!c.isConnected() || connectionLost) {
                brokerUp = false;
                backlog.keepNewest(); // readings from while the broker was away: only the newest is worth sending
                try {
                    connect(c);
                    backoff = minBackoffMs;
                    warned = false;
                } catch (MqttException e) {
                    connectionLost = true;
                    if (!running) {
                        break; // closed while connecting
                    }
                    if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_DISCONNECTING) {
                        // Paho is still tearing down the lost connection: not the broker's fault, try again soon
                        if (pause(50)) {
                            break;
                        }
                        continue;
                    }
                    abandon(c);
                    if (!warned) {
                        logger.warn("Cannot connect to MQTT broker {} ({}); retrying with backoff",
                                config.describeBroker(), describe(e));
                        warned = true;
                    } else {
                        logger.debug("Still cannot connect to MQTT broker {}: {}", config.describeBroker(),
                                describe(e));
                    }
                    if (pause(backoff)) {
                        break;
                    }
                    backoff = Math.min(maxBackoffMs, backoff * 2);
                    continue;
                }
            }
            renderGuarded();
            if (discoveryWanted) {
                offerDiscovery();
            }
            OutboundMessage m;
            try {
                // whatever needs the publisher wakes it (a telegram, a lost connection, Home Assistant's restart,
                // close): no ticking while a meter is quiet between telegrams, only the held reading's time
                m = queue.poll(pollMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (m != null) {
                publish(c, m);
            }
        }
        shutdown();
    }

    private void connect(MqttAsyncClient c) throws MqttException {
        if (c.isConnected()) {
            // the callback said the connection is gone, Paho may not know yet
            abandon(c);
        }
        connectionLost = false;
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(10);
        o.setMaxInflight(MAX_INFLIGHT);
        String user = config.username();
        if (user != null) {
            o.setUserName(user);
        }
        String password = config.password();
        if (password != null) {
            o.setPassword(password.toCharArray());
        }
        SocketFactory sf = socketFactory;
        if (sf != null) {
            o.setSocketFactory(sf);
        }
        o.setWill(config.connectedTopic(), "0".getBytes(StandardCharsets.UTF_8), config.qos(), true);
        await(c.connect(o));
        // messages of a lost connection that Paho never completes must not hold up this one
        delivery = new DeliveryListener();
        // the connected state first, so that Home Assistant sees the sensors available with their configs
        OutboundMessage connected = connectedMessage();
        await(c.publish(connected.topic(), connected.payload(), config.qos(), true));
        if (config.smartmeter2mqttEntities() == Smartmeter2mqttEntities.REMOVE) {
            // smartmeter2mqtt's retained configs, which would show every sensor twice: an empty retained message
            // deletes a retained one, and makes Home Assistant remove the entity
            List<OutboundMessage> clear = new ArrayList<>();
            for (String topic : discovery.smartmeter2mqttConfigTopics()) {
                clear.add(OutboundMessage.of(topic, "", true));
            }
            queue.offerFirst(clear);
        }
        if (config.discovery()) {
            await(c.subscribe(config.haStatusTopic(), 1));
            synchronized (announced) {
                announced.clear();
                announcedShape = null;
                discoveryWanted = true;
            }
        }
        brokerUp = true;
        logger.info("connected to MQTT broker {} as {}", config.describeBroker(), config.clientId());
    }

    /**
     * Waits for the broker's answer, at most {@link #ACK_TIMEOUT_MS}, in short slices so that closing the
     * output does not wait for a broker that accepted the connection but never answers.
     */
    private void await(IMqttToken token) throws MqttException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ACK_TIMEOUT_MS);
        while (!token.isComplete()) {
            if (!running) {
                throw new MqttException(MqttException.REASON_CODE_CLIENT_CLOSED);
            }
            if (System.nanoTime() > deadline) {
                throw new MqttException(MqttException.REASON_CODE_CLIENT_TIMEOUT);
            }
            try {
                token.waitForCompletion(200);
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_CLIENT_TIMEOUT) {
                    throw e;
                }
            }
        }
        MqttException e = token.getException();
        if (e != null) {
            throw e;
        }
    }

    /** Drops a half-made connection (a connect that timed out may still be pending inside Paho). */
    private void abandon(MqttAsyncClient c) {
        try {
            c.disconnectForcibly(0, 100, false);
        } catch (MqttException e) {
            // not connected at all: nothing to drop
        }
    }

    private void offerDiscovery() {
        P1Telegram t = lastTelegram;
        if (t == null) {
            return; // sent with the first telegram
        }
        List<OutboundMessage> configs = discovery.configs(t);
        // together, so that a telegram checking for new quantities meanwhile never sees a half-filled set
        synchronized (announced) {
            discoveryWanted = false;
            for (OutboundMessage m : configs) {
                announced.add(m.topic());
            }
        }
        queue.offerFirst(configs);
    }

    private void publish(MqttAsyncClient c, OutboundMessage m) {
        DeliveryListener d = delivery;
        try {
            if (!d.window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                queue.requeue(m); // the broker takes nothing: look again (lost connection, close) in a moment
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queue.requeue(m);
            return;
        }
        try {
            c.publish(m.topic(), m.payload(), config.qos(), m.retained(), m, d);
        } catch (MqttException e) {
            d.window.release();
            queue.requeue(m);
            if (e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT) {
                // the broker is slow to acknowledge: give it a moment rather than spin
                pause(10);
            } else {
                logger.debug("publishing {} failed: {}", m.topic(), describe(e));
                brokerUp = false;
                connectionLost = true;
            }
        }
    }

    /** Sleeps for the backoff; true when the output is being closed. */
    private boolean pause(long ms) {
        try {
            return stopping.await(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** On close: flush what waits (briefly), say goodbye on the connected topic, disconnect. */
    private void shutdown() {
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected() && !connectionLost) {
                // what waits, for at most two seconds
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                while (System.nanoTime() < deadline) {
                    renderGuarded();
                    OutboundMessage m = queue.poll(0, TimeUnit.MILLISECONDS);
                    if (m == null) {
                        break;
                    }
                    try {
                        c.publish(m.topic(), m.payload(), config.qos(), m.retained());
                    } catch (MqttException e) {
                        if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                            throw e;
                        }
                        queue.requeue(m);
                        Thread.sleep(10);
                    }
                }
                // a clean disconnect suppresses the last will: publish its value ourselves
                c.publish(config.connectedTopic(), "0".getBytes(StandardCharsets.UTF_8), config.qos(), true)
                        .waitForCompletion(2000);
                // the quiesce time lets what is in flight complete
                c.disconnect(1000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            logger.debug("MQTT goodbye failed: {}", describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                if (c.isConnected()) {
                    c.disconnectForcibly(0, 100, false);
                }
                c.close(true);
            } catch (MqttException e) {
                logger.debug("closing MQTT client: {}", e.getMessage());
            }
        }
        logger.debug("MQTT output to {} stopped", config.describeBroker());
    }

    private String describe(MqttException e) {
        return MqttFailure.describe(e, config.brokerUri());
    }

    /** The add-on's version from its jar's manifest (bnd.bnd's Implementation-Version); none in a class folder. */
    private static String version() {
        String v = MqttOutput.class.getPackage().getImplementationVersion();
        return v != null ? v : "unknown";
    }

    /**
     * Frees a place in the window when a message is delivered; a message Paho could not deliver goes back into the
     * queue (unless a newer one for its topic waits).
     */
    private final class DeliveryListener implements IMqttActionListener {
        final Semaphore window = new Semaphore(MAX_INFLIGHT);

        @Override
        public void onSuccess(@Nullable IMqttToken token) {
            window.release();
        }

        @Override
        public void onFailure(@Nullable IMqttToken token, @Nullable Throwable cause) {
            window.release();
            Object m = token == null ? null : token.getUserContext();
            if (m instanceof OutboundMessage message && running) {
                logger.debug("delivery of {} failed: {}", message.topic(), cause == null ? "?" : cause.getMessage());
                queue.requeue(message);
                brokerUp = false;
                connectionLost = true;
                queue.wakeUp();
            }
        }
    }

    /** Paho's callbacks: on Paho's thread, so they only set flags and wake the publisher. */
    private final class Callback implements MqttCallback {
        @Override
        public void connectionLost(@Nullable Throwable cause) {
            logger.info("lost MQTT broker {}: {}", config.describeBroker(), cause == null ? "unknown reason"
                    : cause instanceof MqttException e ? describe(e) : cause.getMessage());
            brokerUp = false;
            connectionLost = true;
            queue.wakeUp();
        }

        @Override
        public void messageArrived(@Nullable String topic, @Nullable MqttMessage message) {
            if (message != null && config.haStatusTopic().equals(topic)
                    && "online".equals(new String(message.getPayload(), StandardCharsets.UTF_8).trim())) {
                logger.debug("Home Assistant is online: sending discovery again");
                discoveryWanted = true;
                queue.wakeUp();
            }
        }

        @Override
        public void deliveryComplete(@Nullable IMqttDeliveryToken token) {
        }
    }
}
