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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A real MQTT subscriber (Paho) that records every message with its retain flag.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class MqttProbe implements AutoCloseable {

    public record Received(String topic, String payload, boolean retained) {
    }

    private final MqttClient client;
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Received> seen = new ArrayList<>();

    public MqttProbe(int port, String... filters) throws MqttException {
        this(port, null, null, filters);
    }

    /** A subscriber that logs in with a user name and password. */
    public static MqttProbe withLogin(int port, String user, String password, String... filters) throws MqttException {
        return new MqttProbe(port, user, password, filters);
    }

    private MqttProbe(int port, @Nullable String user, @Nullable String password, String[] filters)
            throws MqttException {
        client = connectWithRetry(port, user, password, filters);
    }

    private MqttClient connectWithRetry(int port, @Nullable String user, @Nullable String password, String[] filters)
            throws MqttException {
        // Moquette 0.17 now and then drops a connection that arrives while it is still tearing down another
        // client's ("SUBSCRIBE received on already closed connection"); a subscriber that could not even
        // subscribe tells nothing about the code under test, so it tries again
        MqttException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            MqttClient c = new MqttClient("tcp://127.0.0.1:" + port, "probe-" + System.nanoTime(),
                    new MemoryPersistence());
            try {
                connectAndSubscribe(c, user, password, filters);
                return c;
            } catch (MqttException e) {
                last = e;
                try {
                    c.close(true);
                } catch (MqttException closing) {
                    // already gone
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw last != null ? last : new MqttException(MqttException.REASON_CODE_CLIENT_EXCEPTION);
    }

    private void connectAndSubscribe(MqttClient c, @Nullable String user, @Nullable String password, String[] filters)
            throws MqttException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setConnectionTimeout(5);
        if (user != null && password != null) {
            o.setUserName(user);
            o.setPassword(password.toCharArray());
        }
        c.connect(o);
        for (String f : filters.length == 0 ? new String[] { "#" } : filters) {
            c.subscribe(f, 1, (topic, message) -> received.add(new Received(topic,
                    new String(message.getPayload(), StandardCharsets.UTF_8), message.isRetained())));
        }
    }

    /** Waits for the next message that matches, skipping (but remembering) others. */
    public Received await(Predicate<Received> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Received r = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
            if (r == null) {
                throw new AssertionError("no matching MQTT message within " + timeout + "; seen: " + seen);
            }
            seen.add(r);
            if (wanted.test(r)) {
                return r;
            }
        }
    }

    /** Like {@link #await(Predicate, Duration)}, but a matching message seen (and skipped) earlier counts too. */
    public Received awaitOrSeen(Predicate<Received> wanted, Duration timeout) throws InterruptedException {
        for (Received r : seen) {
            if (wanted.test(r)) {
                return r;
            }
        }
        return await(wanted, timeout);
    }

    /** Every message taken from the subscription so far, in the order of arrival. */
    public List<Received> seen() {
        return List.copyOf(seen);
    }

    public Received await(String topic, Duration timeout) throws InterruptedException {
        return await(r -> r.topic().equals(topic), timeout);
    }

    /** The next {@code count} messages, then whatever else arrives within {@code quiet}. */
    public List<Received> take(int count, Duration timeout, Duration quiet) throws InterruptedException {
        List<Received> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (out.size() < count) {
            long left = deadline - System.nanoTime();
            Received r = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
            if (r == null) {
                break;
            }
            seen.add(r);
            out.add(r);
        }
        out.addAll(collect(quiet));
        return out;
    }

    /** Everything that arrives within the period. */
    public List<Received> collect(Duration period) throws InterruptedException {
        List<Received> out = new ArrayList<>();
        long deadline = System.nanoTime() + period.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            @Nullable
            Received r = received.poll(left, TimeUnit.NANOSECONDS);
            if (r != null) {
                seen.add(r);
                out.add(r);
            }
        }
        return out;
    }

    public void publish(String topic, String payload, boolean retained) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
            client.close(true);
        } catch (MqttException e) {
            // best effort in test teardown
        }
    }
}
